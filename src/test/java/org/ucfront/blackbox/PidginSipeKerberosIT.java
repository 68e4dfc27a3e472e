package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * pidgin-sipe signs in to ucfront with Kerberos against a real MIT KDC (throwaway realm
 * FABRIKAM.COM on loopback): sipe gets a ticket for sip/fabrikam.com with the user's password,
 * sends the AP-REQ with its first signature; ucfront accepts it with the JDK's GSS-API acceptor and
 * the keytab, and signs its answers with GSS_GetMIC, which sipe verifies. Disabling the user ends
 * with the signed deregister NOTIFY.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PidginSipeKerberosIT {

    static final String USER = "kara";
    static final String AOR = "sip:" + USER + "@" + UcfrontServer.DOMAIN;
    static final String PASSWORD = "Krb-s3cret";
    static final String REALM = "FABRIKAM.COM";
    static final int SIP_PORT = 15340;
    static final int HTTP_PORT = 18340;
    static final int KDC_PORT = 15341;
    static final int IRC_PORT = 15342;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static Kdc kdc;
    static UcfrontServer server;
    static AdminClient admin;
    static Bitlbee bitlbee;

    @BeforeClass
    public static void start() throws Exception {
        Bitlbee.executable();
        server = new UcfrontServer("pidgin-sipe-kerberos", SIP_PORT, HTTP_PORT);
        Path work = server.log().getParent();
        kdc = Kdc.start(work.resolveSibling("kerberos-kdc"), REALM, UcfrontServer.DOMAIN, KDC_PORT,
                Map.of(USER, PASSWORD), "sip/" + UcfrontServer.DOMAIN);
        server.with("UCFRONT_AUTH_SCHEMES", "kerberos")
                .with("UCFRONT_KERBEROS_KEYTAB", kdc.keytab().toString())
                .with("JAVA_OPTS", "-Xmx512m -Djava.security.krb5.conf=" + kdc.krb5Conf())
                .start();
        admin = AdminClient.of(server);
        admin.createUser(AOR, "digest-only-password");
        bitlbee = Bitlbee.start(work.resolveSibling("pidgin-sipe-kerberos-bitlbee"), IRC_PORT, USER, TIMEOUT,
                Map.of("KRB5_CONFIG", kdc.krb5Conf().toString()));
        bitlbee.command("account add sipe " + USER + "@" + UcfrontServer.DOMAIN + " " + PASSWORD);
        bitlbee.awaitIrc(Pattern.compile("Account successfully added with tag sipe"), null, TIMEOUT);
        bitlbee.command("account sipe set server 127.0.0.1:" + SIP_PORT);
        bitlbee.awaitIrc(Pattern.compile("server = `127\\.0\\.0\\.1:" + SIP_PORT + "'"), null, TIMEOUT);
        bitlbee.command("account sipe set transport tcp");
        bitlbee.awaitIrc(Pattern.compile("transport = `tcp'"), null, TIMEOUT);
        bitlbee.command("account sipe set authentication krb5");
        bitlbee.awaitIrc(Pattern.compile("authentication = `krb5'"), null, TIMEOUT);
        bitlbee.command("account sipe on");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (bitlbee != null) {
            bitlbee.close();
        }
        if (server != null) {
            server.stop();
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    public void a_sipeSignsInWithKerberosAndAcceptsTheSignedAnswers() throws Exception {
        bitlbee.awaitIrc(Pattern.compile("sipe - Logging in: Logged in"), PidginSipeIT.SIPE_FAILURE, TIMEOUT);
        bitlbee.awaitDebug(Pattern.compile("sip_transport_input: signature of incoming message validated"), TIMEOUT);
        assertTrue(bitlbee.sipMessages(false).stream().anyMatch(m -> m.startsWith("REGISTER ")
                && m.contains("Authorization: Kerberos ") && m.contains("targetname=\"sip/" + UcfrontServer.DOMAIN + "\"")
                && m.contains("gssapi-data=\"")));
        String ok = bitlbee.awaitSipMessage(true, m -> m.startsWith("SIP/2.0 200 ") && m.contains(" REGISTER"), TIMEOUT);
        assertTrue(ok, PidginSipeIT.header(ok, "Authentication-Info").startsWith("Kerberos rspauth=\""));
        assertFalse(bitlbee.debugText().contains("signature of incoming message is invalid"));
        assertTrue(server.logText(), server.logText().contains("Kerberos acceptor for sip/" + UcfrontServer.DOMAIN));
    }

    @Test
    public void b_disablingTheUserDeregistersSipeWithItsRejectedMessage() throws Exception {
        assertEquals(200, admin.patchUser(AOR, "{\"enabled\":false}").statusCode());
        Matcher m = bitlbee.awaitIrc(Pattern.compile("sipe - Error: (.*)"), null, TIMEOUT);
        assertEquals("You have been rejected by the server: User disabled", m.group(1).trim());
    }
}
