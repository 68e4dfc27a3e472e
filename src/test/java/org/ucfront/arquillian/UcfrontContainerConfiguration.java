package org.ucfront.arquillian;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Properties of the {@code ucfront-embedded} container in arquillian.xml. Relative directories
 * are resolved against the working directory (the project directory under Maven).
 */
public class UcfrontContainerConfiguration implements ContainerConfiguration {

    private String bindAddress = "127.0.0.1";
    private int sipPort = 16060;
    private int httpPort = 19080;
    private String domain = "fabrikam.com";
    /** Wiped at every start: home (webapps/, conf/), data (H2), test deployments. */
    private String workDir = "target/arquillian-ucfront";
    private String webappDir = "webapp";
    private String sarDescriptorDir = "sar-descriptor";
    /** "none" (no REGISTER authentication) or "digest". */
    private String auth = "none";
    private String adminPassword = "arquillian-admin";

    @Override
    public void validate() throws ConfigurationException {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new ConfigurationException("bindAddress must be set");
        }
        for (int port : new int[] {sipPort, httpPort}) {
            if (port < 1 || port > 65535) {
                throw new ConfigurationException("sipPort and httpPort must be 1..65535, not " + port);
            }
        }
        if (sipPort == httpPort) {
            throw new ConfigurationException("sipPort and httpPort must differ");
        }
        if (domain == null || domain.isBlank()) {
            throw new ConfigurationException("domain must be set");
        }
        if (workDir == null || workDir.isBlank()) {
            throw new ConfigurationException("workDir must be set");
        }
        if (!Files.isRegularFile(webapp().resolve("WEB-INF/web.xml"))) {
            throw new ConfigurationException("webappDir=" + webapp() + " has no WEB-INF/web.xml");
        }
        for (String f : new String[] {"sip.xml", "dar.properties"}) {
            if (!Files.isRegularFile(sarDescriptor().resolve(f))) {
                throw new ConfigurationException("sarDescriptorDir=" + sarDescriptor() + " has no " + f);
            }
        }
    }

    Path work() {
        return Paths.get(workDir).toAbsolutePath().normalize();
    }

    Path webapp() {
        return Paths.get(webappDir).toAbsolutePath().normalize();
    }

    Path sarDescriptor() {
        return Paths.get(sarDescriptorDir).toAbsolutePath().normalize();
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public int getSipPort() {
        return sipPort;
    }

    public void setSipPort(int sipPort) {
        this.sipPort = sipPort;
    }

    public int getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getWorkDir() {
        return workDir;
    }

    public void setWorkDir(String workDir) {
        this.workDir = workDir;
    }

    public String getWebappDir() {
        return webappDir;
    }

    public void setWebappDir(String webappDir) {
        this.webappDir = webappDir;
    }

    public String getSarDescriptorDir() {
        return sarDescriptorDir;
    }

    public void setSarDescriptorDir(String sarDescriptorDir) {
        this.sarDescriptorDir = sarDescriptorDir;
    }

    public String getAuth() {
        return auth;
    }

    public void setAuth(String auth) {
        this.auth = auth;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }
}
