package org.ucfront.arquillian;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;
import org.ucfront.launcher.InProcessServer;
import org.ucfront.launcher.UcfrontConfig;

/**
 * Arquillian container over ucfront's own embedded launcher: {@link #start()} runs the server in
 * this JVM as {@code bin/ucfront} would (database migrations, OpenEJB with the EJBs, Restcomm SIP
 * Servlets on Tomcat 7 with the ucfront SAR from {@code webapp/} and {@code sar-descriptor/});
 * {@link #deploy(Archive)} adds a test WAR as a second, plain web application on the same host,
 * reached over the admin HTTP connector by the Servlet 3.0 protocol, so that test methods run
 * inside the container next to the servlets and beans they test.
 */
public class UcfrontDeployableContainer implements DeployableContainer<UcfrontContainerConfiguration> {

    /** Context path of the ucfront application (the launcher deploys it at the root). */
    public static final String APPLICATION_PATH = "/";

    private UcfrontContainerConfiguration configuration;
    private InProcessServer server;

    @Override
    public Class<UcfrontContainerConfiguration> getConfigurationClass() {
        return UcfrontContainerConfiguration.class;
    }

    @Override
    public void setup(UcfrontContainerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 3.0");
    }

    @Override
    public void start() throws LifecycleException {
        Path work = configuration.work();
        Path home = work.resolve("home");
        try {
            deleteRecursively(work);
            layOutHome(home);
            Files.createDirectories(work.resolve("deployments"));
        } catch (IOException e) {
            throw new LifecycleException("cannot prepare " + work, e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ucfront.sip.address", configuration.getBindAddress());
        settings.put("ucfront.sip.port", Integer.toString(configuration.getSipPort()));
        settings.put("ucfront.http.address", configuration.getBindAddress());
        settings.put("ucfront.http.port", Integer.toString(configuration.getHttpPort()));
        settings.put("ucfront.domain", configuration.getDomain());
        settings.put("ucfront.data.dir", work.resolve("data").toString());
        settings.put("ucfront.auth", configuration.getAuth());
        settings.put("ucfront.admin.password", configuration.getAdminPassword());
        try {
            // capability settings are read from system properties: in-container tests speak UDP/TCP only
            System.setProperty("ucfront.tls.port", System.getProperty("ucfront.tls.port", "0"));
            server = InProcessServer.start(UcfrontConfig.of(settings), home);
        } catch (Exception e) {
            throw new LifecycleException("ucfront did not start: " + e.getMessage(), e);
        }
    }

    /** The distribution's layout (see the antrun "dist" step in pom.xml), from the project sources. */
    private void layOutHome(Path home) throws IOException {
        Path app = home.resolve("webapps/ucfront");
        copyTree(configuration.webapp(), app);
        Files.copy(configuration.sarDescriptor().resolve("sip.xml"), app.resolve("WEB-INF/sip.xml"));
        Files.createDirectories(home.resolve("conf"));
        Files.copy(configuration.sarDescriptor().resolve("dar.properties"), home.resolve("conf/dar.properties"));
    }

    @Override
    public void stop() throws LifecycleException {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String name = contextName(archive);
        Path docBase = configuration.work().resolve("deployments").resolve(name);
        try {
            deleteRecursively(docBase);
            explode(archive, docBase);
        } catch (IOException e) {
            throw new DeploymentException("cannot write " + archive.getName() + " to " + docBase, e);
        }
        List<String> servlets;
        try {
            servlets = server.deploy("/" + name, docBase, UcfrontDeployableContainer.class.getClassLoader());
        } catch (RuntimeException e) {
            throw new DeploymentException("cannot deploy " + archive.getName() + ": " + e.getMessage(), e);
        }
        HTTPContext http = new HTTPContext(configuration.getBindAddress(), configuration.getHttpPort());
        for (String servlet : servlets) {
            http.add(new Servlet(servlet, "/" + name));
        }
        return new ProtocolMetaData().addContext(http);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        server.undeploy("/" + contextName(archive));
    }

    @Override
    public void deploy(Descriptor descriptor) throws DeploymentException {
        throw new UnsupportedOperationException("ucfront-embedded deploys archives only");
    }

    @Override
    public void undeploy(Descriptor descriptor) throws DeploymentException {
        throw new UnsupportedOperationException("ucfront-embedded deploys archives only");
    }

    private static String contextName(Archive<?> archive) {
        String name = archive.getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Writes the archive as a directory; nested archives (WEB-INF/lib) stay jar files. */
    private static void explode(Archive<?> archive, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (InputStream zip = archive.as(ZipExporter.class).exportAsInputStream();
             ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("archive entry outside the archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
