package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.After;
import org.junit.Test;

/**
 * SIP over TLS on the standalone server, configured the administrator's way in conf/ucfront.properties:
 * a key store made with keytool, the TLS port and a handshake deadline. A client that trusts only
 * that certificate completes a TLS 1.2+ handshake, sees the configured certificate and registers with
 * Digest over the TLS connection (the binding is listed with transport tls); a client that connects
 * and never starts its handshake is disconnected by the server at its deadline (after an alert).
 */
public class StandaloneTlsIT {

    static final int SIP = 15710;
    static final int HTTP = 18710;
    static final int TLS = 15711;
    static final String STORE_PASSWORD = "tls-store-pw";
    static final String PASSWORD = "Tls-Register-1";
    /** RFC 8446 §5.1 ContentType alert(21). */
    static final int ALERT_RECORD = 21;

    private UcfrontServer server;

    @After
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void aTlsRegisterSucceedsWithTheConfiguredCertificate() throws Exception {
        Path home = StandaloneServerIT.install("standalone-tls-server");
        StandaloneServerIT.configure(home.resolve("conf/ucfront.properties"), SIP, HTTP);
        Path store = home.resolve("conf/sip-tls.p12");
        keytool("-genkeypair", "-alias", "sip", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + UcfrontServer.DOMAIN, "-ext", "SAN=dns:" + UcfrontServer.DOMAIN, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD, "-keypass",
                STORE_PASSWORD);
        Path properties = home.resolve("conf/ucfront.properties");
        Files.writeString(properties, Files.readString(properties, StandardCharsets.UTF_8)
                .replace("ucfront.tls.port=5061", "ucfront.tls.port=" + TLS)
                .replace("ucfront.tls.keystore=\n", "ucfront.tls.keystore=" + store + "\n")
                .replace("ucfront.tls.keystore.password=\n", "ucfront.tls.keystore.password=" + STORE_PASSWORD + "\n")
                .replace("ucfront.tls.handshake.timeout.ms=10000", "ucfront.tls.handshake.timeout.ms=1000"),
                StandardCharsets.UTF_8);
        server = new UcfrontServer("standalone-tls", SIP, HTTP)
                .without("UCFRONT_SIP_PORT").without("UCFRONT_HTTP_PORT").without("UCFRONT_DOMAIN")
                .without("UCFRONT_TLS_PORT") // from conf/
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5")
                .script(home.resolve("bin/ucfront-server"), "ucfront server ready in");
        StandaloneServerIT.deploy(home);
        server.start();
        server.awaitLog(StandaloneServerIT.STARTED, 1, 180);
        server.awaitLog(StandaloneServerIT.DEPLOYED, 1, 180);
        assertTrue(server.logText(), server.logText().contains("SIP over TLS on 127.0.0.1:" + TLS));
        AdminClient admin = AdminClient.of(server);
        String aor = "sip:tess@" + UcfrontServer.DOMAIN;
        admin.createUser(aor, PASSWORD);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            trusted.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), TLS);
        tls.setSoTimeout(10_000); // a server that never answers fails the test instead of hanging it
        tls.startHandshake();
        assertTrue(tls.getSession().getProtocol(), List.of("TLSv1.3", "TLSv1.2").contains(tls.getSession().getProtocol()));
        assertEquals(trusted.getCertificate("sip"), tls.getSession().getPeerCertificates()[0]);
        try (SipTestClient c = SipTestClient.over(tls, TLS)) {
            c.send(register(c, 1, null));
            SipTestClient.Message challenge = c.receive();
            assertEquals(challenge.text(), 401, challenge.status());
            String www = challenge.header("WWW-Authenticate");
            String nonce = param(www, "nonce");
            String realm = param(www, "realm");
            // RFC 2617 §3.2.2 with qop=auth, computed here
            String ha1 = md5("tess:" + realm + ":" + PASSWORD);
            String ha2 = md5("REGISTER:sip:" + UcfrontServer.DOMAIN);
            String response = md5(ha1 + ":" + nonce + ":00000001:5e1f7a2b:auth:" + ha2);
            c.send(register(c, 2, "Digest username=\"tess\", realm=\"" + realm + "\", nonce=\"" + nonce
                    + "\", uri=\"sip:" + UcfrontServer.DOMAIN + "\", response=\"" + response
                    + "\", algorithm=MD5, cnonce=\"5e1f7a2b\", qop=auth, nc=00000001"));
            SipTestClient.Message ok = c.receive();
            assertEquals(ok.text(), 200, ok.status());
            String listed = admin.registrations(aor);
            assertTrue(listed, listed.contains("\"transport\":\"tls\""));
        }

        // connected, never says hello: the server ends the connection at its handshake deadline
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), TLS)) {
            silent.setSoTimeout(15_000);
            try {
                InputStream in = silent.getInputStream();
                int first = in.read();
                if (first != -1) { // a TLS alert record (content type 21) before the close
                    assertEquals(ALERT_RECORD, first);
                    in.readAllBytes();
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a connection without a handshake for 15 s", e);
            } catch (java.net.SocketException reset) {
                // closed with a reset: ended as well
            }
        }
    }

    private static String register(SipTestClient c, int cseq, String authorization) {
        return "REGISTER sip:" + UcfrontServer.DOMAIN + " SIP/2.0\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-tls-" + cseq + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:tess@" + UcfrontServer.DOMAIN + ">;tag=7e55a;epid=3c4d5e6f7a\n"
                + "To: <sip:tess@" + UcfrontServer.DOMAIN + ">\n"
                + "Call-ID: standalone-tls-" + c.localPort() + "\n"
                + "CSeq: " + cseq + " REGISTER\n"
                + "Contact: <sip:127.0.0.1:" + c.localPort() + ";transport=tls>;+sip.instance=\""
                + "<urn:uuid:7B2E4C1A-5D3F-4A6B-9C8D-1E2F3A4B5C6D>\"\n"
                + "Expires: 3600\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\n")
                + "Content-Length: 0\n\n";
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String param(String challenge, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(challenge);
        assertTrue(challenge, m.find());
        return m.group(1);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out, p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
    }
}
