package org.ucfront.registrar.servlet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.servlet.sip.Address;
import javax.servlet.sip.SipFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit.Arquillian;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mobicents.servlet.sip.core.SipApplicationDispatcher;
import org.mobicents.servlet.sip.core.SipApplicationDispatcherImpl;
import org.mobicents.servlet.sip.startup.StaticServiceHolder;
import org.ucfront.blackbox.SipTestClient;
import org.ucfront.directory.model.SipUser;
import org.ucfront.directory.model.UserChange;
import org.ucfront.directory.service.UserCache;
import org.ucfront.directory.service.UserCacheService;
import org.ucfront.directory.service.UserService;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.Ejbs;
import org.ucfront.sip.stack.EndedRegisterDispatcher;

/**
 * The registrar servlet with its EJBs and database, tested from inside the running container
 * (arquillian/arquillian.xml: ucfront's embedded launcher, auth=none, domain fabrikam.com). Each
 * test method runs in a web application deployed beside ucfront: it reaches UserService and
 * BindingRegistry through the same java:comp/env EJB references the servlets use, the container's
 * SipFactory, and it talks real SIP over UDP to the servlet. Expected values are literals from
 * MS-SIPREGE §4.1 / RFC 3261 / RFC 2617, or computed by the test's own code.
 *
 * <p>Each test uses its own user, so the tests do not depend on their order.
 */
@RunWith(Arquillian.class)
public class RegistrarServletInContainerIT {

    static final String DOMAIN = "fabrikam.com";
    /** MS-SIPREGE §4.1.1: the instance of the example REGISTER and the GRUU of its 200 OK. */
    static final String SPEC_INSTANCE = "urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97";
    static final String SPEC_GRUU = "sip:alice@fabrikam.com;opaque=user:epid:HT07tI-f3F-fdDyic8rblwAA;gruu";
    /** §2.2.1.4 / §4.1.1: presence-state of the 200 OK that adds an endpoint. */
    static final String PRESENCE_ADDED =
            "register-action=\"added\";primary-cluster-type=\"central\";is-connected-to-primary=\"yes\"";
    static final String PASSWORD = "Circle Of Life";

    /** The test archive carries only the test: the SAR is the one the launcher deployed. */
    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "registrar-it.war")
                .addClasses(RegistrarServletInContainerIT.class, SipUdpClient.class, SipUdpClient.Message.class,
                        SipTestClient.class, SipTestClient.Message.class);
    }

    @ArquillianResource
    private SipFactory sipFactory;

    private UserService users;
    private BindingRegistry registry;
    private UcfrontConfig config;

    @Before
    public void lookUpTheApplicationsBeans() throws Exception {
        InitialContext jndi = new InitialContext();
        users = (UserService) jndi.lookup("java:comp/env/" + Ejbs.USER_SERVICE);
        registry = (BindingRegistry) jndi.lookup("java:comp/env/" + Ejbs.BINDING_REGISTRY);
        config = UcfrontConfig.current();
        assertEquals("arquillian.xml must configure the domain of the spec examples", DOMAIN, config.domain);
        assertEquals("arquillian.xml must configure auth=none", UcfrontConfig.AuthMode.NONE, config.auth);
    }

    @Test
    public void userServiceStoresTheUserWithDigestHa1sAndRefusesADuplicate() throws Exception {
        AddressOfRecord carol = AddressOfRecord.parse("sip:Carol@fabrikam.com");
        users.create(carol, new UserChange("Carol", true, PASSWORD));

        SipUser stored = users.find(new AddressOfRecord("carol", "fabrikam.com"))
                .orElseThrow(() -> new AssertionError("carol@fabrikam.com not found after create"));
        assertEquals("carol@fabrikam.com", stored.uri());
        assertEquals("Carol", stored.displayName());
        assertTrue(stored.enabled());
        // RFC 2617 §3.2.2.2 / RFC 8760: HA1 = H(username ":" realm ":" password), realm = the domain
        assertEquals(hex("MD5", "carol:fabrikam.com:" + PASSWORD), stored.ha1Md5());
        assertEquals(hex("SHA-256", "carol:fabrikam.com:" + PASSWORD), stored.ha1Sha256());

        try {
            users.create(carol, new UserChange("Impostor", true, "other"));
            fail("a second user with the same address was created");
        } catch (RuntimeException expected) {
            assertTrue("refused for the duplicate, not something else: " + expected,
                    causeChain(expected).contains("already exists"));
        }
        assertEquals("Carol", users.find(carol).orElseThrow().displayName());
    }

    @Test
    public void registerOverUdpIsAnswered200WithPresenceStateAndTheSpecGruu() throws Exception {
        createUser("alice");
        try (SipUdpClient ua = new SipUdpClient(config.sipAddress, config.sipPort)) {
            SipUdpClient.Message ok = ua.register("alice", DOMAIN, SPEC_INSTANCE, 7200);

            assertEquals(ok.text, 200, ok.status);
            assertEquals(ok.text, PRESENCE_ADDED, ok.header("presence-state"));
            assertEquals(ok.text, "7200", ok.header("Expires"));
            // the Contact, read with the container's own SIP parser
            Address contact = sipFactory.createAddress(ok.header("Contact"));
            assertEquals(ok.text, SPEC_GRUU, unquote(contact.getParameter("gruu")));
            assertEquals(ok.text, ua.contactUri(), contact.getURI().toString());
            // RFC 4122 §3: the hex digits of a UUID compare case-insensitively
            assertTrue(ok.text, ("<" + SPEC_INSTANCE + ">").equalsIgnoreCase(unquote(contact.getParameter("+sip.instance"))));
            assertEquals(ok.text, 7200, contact.getExpires());
        }
    }

    @Test
    public void theBindingTheServletMadeIsInTheBindingRegistryAndWrittenToTheDatabase() throws Exception {
        createUser("bob");
        String instance = "urn:uuid:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        assertEquals("the test's GRUU oracle reproduces §4.1.1", SPEC_GRUU, expectedGruu("alice", SPEC_INSTANCE));
        try (SipUdpClient ua = new SipUdpClient(config.sipAddress, config.sipPort)) {
            SipUdpClient.Message ok = ua.register("bob", DOMAIN, instance, 3600);
            assertEquals(ok.text, 200, ok.status);

            List<Endpoint> bindings = registry.bindings("bob@fabrikam.com");
            assertEquals(bindings.toString(), 1, bindings.size());
            Endpoint endpoint = bindings.get(0);
            assertEquals(expectedGruu("bob", instance), endpoint.gruu());
            assertEquals(ua.epid, endpoint.epid());
            assertEquals(ua.contactUri(), endpoint.binding().contact());
            assertEquals("udp", endpoint.binding().transport());
            assertEquals(ua.localPort(), endpoint.binding().remotePort());
            assertEquals(ua.callId, endpoint.binding().callId());
            assertEquals(ua.fromTag, endpoint.binding().clientTag());
            long secondsLeft = (endpoint.binding().expiresAt() - System.currentTimeMillis()) / 1000;
            assertTrue("granted 3600 s, " + secondsLeft + " s left", secondsLeft > 3500 && secondsLeft <= 3600);

            // write-behind: flush now instead of waiting for the persistence window
            registry.flush();
            try (Connection db = DriverManager.getConnection(config.jdbcUrl, config.jdbcUser, config.jdbcPassword);
                 PreparedStatement q = db.prepareStatement(
                         "SELECT gruu, routable, contact, call_id FROM sip_endpoint WHERE aor = ?")) {
                q.setString(1, "bob@fabrikam.com");
                try (ResultSet row = q.executeQuery()) {
                    assertTrue("no sip_endpoint row for bob@fabrikam.com", row.next());
                    assertEquals(expectedGruu("bob", instance), row.getString("gruu"));
                    assertTrue(row.getBoolean("routable"));
                    assertEquals(ua.contactUri(), row.getString("contact"));
                    assertEquals(ua.callId, row.getString("call_id"));
                    assertFalse("one row per endpoint", row.next());
                }
            }
        }
    }

    @Test
    public void unregisterWithExpiresZeroRemovesTheBindingButKeepsTheEndpoint() throws Exception {
        createUser("dave");
        String instance = "urn:uuid:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        try (SipUdpClient ua = new SipUdpClient(config.sipAddress, config.sipPort)) {
            SipUdpClient.Message added = ua.register("dave", DOMAIN, instance, 7200);
            assertEquals(added.text, 200, added.status);
            assertEquals(1, registry.bindings("dave@fabrikam.com").size());

            SipUdpClient.Message removed = ua.register("dave", DOMAIN, instance, 0);

            // §4.1.2: the answer to an unregistration has Expires: 0 and no presence-state
            assertEquals(removed.text, 200, removed.status);
            assertEquals(removed.text, "0", removed.header("Expires"));
            assertNull(removed.text, removed.header("presence-state"));
            assertEquals(List.of(), registry.bindings("dave@fabrikam.com"));
            // §3.1.2.5.1: the endpoint stays known (a later REGISTER is "fixed"), without a binding
            List<Endpoint> known = registry.endpoints("dave@fabrikam.com");
            assertEquals(known.toString(), 1, known.size());
            assertFalse(known.get(0).routable());
            assertEquals(expectedGruu("dave", instance), known.get(0).gruu());
        }
    }

    @Test
    public void registerOfAnUnknownUserIsAnswered404AndBindsNothing() throws Exception {
        assertFalse(users.find(new AddressOfRecord("mallory", DOMAIN)).isPresent());
        try (SipUdpClient ua = new SipUdpClient(config.sipAddress, config.sipPort)) {
            SipUdpClient.Message refused = ua.register("mallory", DOMAIN,
                    "urn:uuid:" + UUID.randomUUID(), 7200);

            // RFC 3261 §10.3 step 3: an address of record the registrar does not know gets 404
            assertEquals(refused.text, 404, refused.status);
            assertEquals(List.of(), registry.endpoints("mallory@fabrikam.com"));
        }
    }

    /**
     * Over TCP a REGISTER's transaction ends as its 200 is sent (Timer J is 0): the dispatcher detaches
     * it there, and the registrar invalidates the session, instead of a task of the container's
     * executor per transaction.
     */
    @Test
    public void registerTransactionsOverTcpEndWithoutATaskOfTheContainersExecutor() throws Exception {
        createUser("tcpclient");
        SipApplicationDispatcher dispatcher = StaticServiceHolder.sipStandardService.getSipApplicationDispatcher();
        assertTrue(dispatcher.getClass().getName(), dispatcher instanceof EndedRegisterDispatcher);
        ThreadPoolExecutor executor = ((SipApplicationDispatcherImpl) dispatcher).getAsynchronousExecutor();
        String instance = "urn:uuid:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        int registers = 40;
        long tasksBefore = executor.getTaskCount();
        try (SipUdpClient ua = new SipUdpClient(config.sipAddress, config.sipPort);
             SipTestClient tcp = SipTestClient.tcp(config.sipPort)) {
            for (int i = 0; i < registers; i++) {
                tcp.send(ua.nextRegister("TCP", "tcpclient", DOMAIN, instance, 3600));
                SipTestClient.Message ok = tcp.receive();
                assertEquals(ok.text(), 200, ok.status());
            }
            Endpoint endpoint = registry.bindings("tcpclient@fabrikam.com").get(0);
            assertEquals("tcp", endpoint.binding().transport());
            assertEquals(tcp.localPort(), endpoint.binding().remotePort());
        }
        // other traffic of the container may add a few tasks meanwhile; one per REGISTER would be 40
        long tasks = executor.getTaskCount() - tasksBefore;
        assertTrue(tasks + " tasks of the container's executor during " + registers + " REGISTERs over TCP",
                tasks < registers / 4);
    }

    @Test
    public void thePreloadKeepsEveryStoredUserAcrossItsPages() throws Exception {
        // more users than one page holds, so the preload must go on past a page's last address
        List<String> created = new ArrayList<>();
        for (int i = 0; i <= UserService.PRELOAD_PAGE; i++) {
            String user = String.format(Locale.ROOT, "preload%05d", i);
            createUser(user);
            created.add(user + "@" + DOMAIN);
        }
        UserCache cache = ((UserCacheService) new InitialContext()
                .lookup("java:comp/env/" + Ejbs.USER_CACHE_SERVICE)).cache();
        cache.clear();

        int kept = users.preloadCache().get(60, TimeUnit.SECONDS);

        assertTrue("kept " + kept + " users, fewer than the " + created.size() + " created", kept >= created.size());
        for (String uri : created) {
            cache.find(uri, missing -> {
                throw new AssertionError(missing + " was not preloaded: the lookup went to the store");
            });
        }
    }

    private void createUser(String user) {
        users.create(new AddressOfRecord(user, DOMAIN), new UserChange(user, true, PASSWORD));
    }

    /**
     * The test's own GRUU oracle (MS-SIPREGE §4.1.1): {@code opaque=user:epid:} + unpadded
     * base64url of the instance GUID in Windows memory order (Data1..Data3 little-endian) + 2 zero bytes.
     */
    static String expectedGruu(String user, String uuidUrn) {
        String hex = uuidUrn.substring("urn:uuid:".length()).replace("-", "");
        int[] order = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
        byte[] token = new byte[18];
        for (int i = 0; i < 16; i++) {
            token[i] = (byte) Integer.parseInt(hex.substring(2 * order[i], 2 * order[i] + 2), 16);
        }
        return "sip:" + user + "@" + DOMAIN + ";opaque=user:epid:"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(token) + ";gruu";
    }

    /** A parameter value as the container returns it, without the quotes of a quoted-string. */
    private static String unquote(String value) {
        return value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String hex(String algorithm, String text) throws Exception {
        byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%0" + (digest.length * 2) + "x", new BigInteger(1, digest));
    }

    private static String causeChain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append(" / ");
        }
        return b.toString();
    }
}
