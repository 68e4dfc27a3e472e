package org.ucfront.registrar.servlet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit.Arquillian;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ucfront.directory.model.SipUser;
import org.ucfront.directory.model.UserChange;
import org.ucfront.directory.service.UserService;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.Ejbs;

/**
 * The admin REST servlet (web.xml) together with the registrar: run inside the container, the
 * tests drive the admin API over the admin HTTP connector and check the effect on the EJBs and,
 * for a disabled user, on the SIP endpoint, which must receive the deregister NOTIFY of
 * MS-SIPREGE §3.2 / §4.1.3 over UDP.
 */
@RunWith(Arquillian.class)
public class AdminDeregistrationInContainerIT {

    static final String DOMAIN = "fabrikam.com";

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "admin-it.war")
                .addClasses(AdminDeregistrationInContainerIT.class, SipUdpClient.class, SipUdpClient.Message.class);
    }

    private UserService users;
    private BindingRegistry registry;
    private UcfrontConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Before
    public void lookUpTheApplicationsBeans() throws Exception {
        InitialContext jndi = new InitialContext();
        users = (UserService) jndi.lookup("java:comp/env/" + Ejbs.USER_SERVICE);
        registry = (BindingRegistry) jndi.lookup("java:comp/env/" + Ejbs.BINDING_REGISTRY);
        config = UcfrontConfig.current();
        assertEquals(DOMAIN, config.domain);
    }

    @Test
    public void adminApiRefusesRequestsWithoutCredentials() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(api("/users"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"uri\":\"sip:oscar@fabrikam.com\",\"password\":\"pw\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        // RFC 7235 §3.1 / RFC 7617 §2: 401 with a Basic challenge
        assertEquals(r.body(), 401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse(""), r.headers()
                .firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));
        assertFalse("nothing was created", users.find(new AddressOfRecord("oscar", DOMAIN)).isPresent());
    }

    @Test
    public void userCreatedThroughTheAdminApiIsInTheUserServiceWithItsHa1() throws Exception {
        HttpResponse<String> r = http.send(authorized(api("/users"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"uri\":\"sip:frank@fabrikam.com\",\"displayName\":\"Frank\",\"password\":\"s3cret\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(r.body(), 201, r.statusCode()); // RFC 9110 §15.3.2: a POST that created a resource
        SipUser frank = users.find(new AddressOfRecord("frank", DOMAIN))
                .orElseThrow(() -> new AssertionError("frank@fabrikam.com not in the UserService"));
        assertEquals("Frank", frank.displayName());
        assertTrue(frank.enabled());
        assertEquals(md5Hex("frank:fabrikam.com:s3cret"), frank.ha1Md5()); // RFC 2617 §3.2.2.2 HA1
    }

    @Test
    public void disablingAUserThroughTheAdminApiSendsTheDeregisterNotifyAndRemovesTheBinding() throws Exception {
        users.create(new AddressOfRecord("erin", DOMAIN), new UserChange("Erin", true, "pw"));
        try (SipUdpClient ua = new SipUdpClient(config.sipAddress, config.sipPort)) {
            SipUdpClient.Message ok = ua.register("erin", DOMAIN, "urn:uuid:" + UUID.randomUUID(), 7200);
            assertEquals(ok.text, 200, ok.status);
            assertEquals(1, registry.bindings("erin@fabrikam.com").size());

            HttpResponse<String> r = http.send(authorized(api("/users/"
                            + URLEncoder.encode("sip:erin@fabrikam.com", StandardCharsets.UTF_8)))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(r.body(), 200, r.statusCode());

            SipUdpClient.Message notify = ua.awaitRequest("NOTIFY");
            ua.answer(notify, 200, "OK");
            // §4.1.3: the deregister NOTIFY of a disabled user, in the REGISTER's dialog (§3.2.2.4.1)
            assertEquals(notify.text, "deregistered;event=rejected", notify.body);
            assertEquals(notify.text, "registration-notify", notify.header("Event"));
            assertEquals(notify.text, "text/registration-event", notify.header("Content-Type"));
            assertTrue(notify.text, notify.header("Subscription-State").startsWith("terminated"));
            assertEquals(notify.text, ua.contactUri(), notify.requestUri);
            assertEquals(notify.text, ua.callId, notify.header("Call-ID"));
            assertTrue(notify.text, notify.header("To").contains("tag=" + ua.fromTag));

            assertEquals(List.of(), registry.bindings("erin@fabrikam.com"));
            assertFalse(users.find(new AddressOfRecord("erin", DOMAIN)).orElseThrow().enabled());
        }
    }

    private URI api(String path) {
        return URI.create("http://" + config.httpAddress + ":" + config.httpPort + "/api" + path);
    }

    private HttpRequest.Builder authorized(URI uri) {
        String credentials = config.adminUser + ":" + config.adminPassword;
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static String md5Hex(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
