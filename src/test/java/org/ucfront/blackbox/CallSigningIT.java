package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ucfront.security.ntlm.NtlmTestClient;

/**
 * MS-SIPAE message signing on calls, over raw TCP sockets with an independent NTLMv2 client
 * (NtlmTestClient): bob registers with NTLM (401, so his association signs in Authentication-Info);
 * amy, not registered, calls him, is challenged with 407 NTLM and completes the handshake on her
 * INVITE with Proxy-Authorization (§3.3.5.1 through a proxy). Bob receives the INVITE, the ACK and
 * the BYE signed on his association; amy receives every response (180, 200, the BYE's 200) signed
 * on hers, in Proxy-Authentication-Info. Each signature is checked as a client does (§3.2.5.2),
 * with the signature buffer built here from the raw message. NTLMv1 is enabled on this server
 * (ucfront.ntlm.v1): an NTLMv1 client signs in and gets a valid signature.
 */
public class CallSigningIT {

    static final int SIP_PORT = 15700;
    static final int HTTP_PORT = 18700;
    static final String DOMAIN = UcfrontServer.DOMAIN;
    static final String REALM = "SIP Communications Service";
    static final String PASSWORD = "s1gned-Calls";

    static UcfrontServer server;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("call-signing", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_AUTH_SCHEMES", "ntlm,digest")
                .with("UCFRONT_NTLM_V1", "true")
                .start();
        AdminClient admin = AdminClient.of(server);
        for (String u : List.of("amy", "bob", "cleo", "dora")) {
            admin.createUser("sip:" + u + "@" + DOMAIN, PASSWORD);
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** A caller that authenticates to the proxy (407) with NTLM on its INVITE. */
    static final class Caller implements AutoCloseable {
        final SipTestClient sip = SipTestClient.tcp(SIP_PORT);
        String callId = "call-signing-" + System.nanoTime();
        final String fromTag = "a11ce";
        final String epid = "5e6f7a8b9c";
        int cseq = 1;
        int cnum;
        String opaque;
        NtlmTestClient ntlm;

        Caller() throws Exception {
        }

        /** RFC 3261 §8.1.1.7: unique per transaction (the stack matches transactions by branch). */
        String branch() {
            return "z9hG4bK" + Integer.toHexString(callId.hashCode()) + "inv" + cseq;
        }

        String from() {
            return "From: <sip:amy@" + DOMAIN + ">;tag=" + fromTag + ";epid=" + epid + "\n";
        }

        String invite(String proxyAuthorization) {
            return invite("bob", proxyAuthorization);
        }

        String invite(String callee, String proxyAuthorization) {
            return "INVITE sip:" + callee + "@" + DOMAIN + " SIP/2.0\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + sip.localPort() + ";branch=" + branch() + "\n"
                    + "Max-Forwards: 70\n"
                    + from()
                    + "To: <sip:" + callee + "@" + DOMAIN + ">\n"
                    + "Call-ID: " + callId + "\n"
                    + "CSeq: " + cseq + " INVITE\n"
                    + "Contact: <sip:127.0.0.1:" + sip.localPort() + ";transport=tcp>\n"
                    + (proxyAuthorization == null ? "" : "Proxy-Authorization: " + proxyAuthorization + "\n")
                    + "Content-Length: 0\n\n";
        }

        /** 407 offering NTLM in Proxy-Authenticate, then the NTLM CHALLENGE (MS-SIPAE §3.3.5.1 through a proxy). */
        void proxyHandshake(String callee) throws Exception {
            sip.send(invite(callee, null));
            SipTestClient.Message offer = next(sip);
            assertEquals(offer.text(), 407, offer.status());
            assertEquals(offer.text(), "NTLM realm=\"" + REALM + "\", targetname=\"" + DOMAIN + "\", version=4",
                    offer.headers("Proxy-Authenticate").get(0));
            ackFailure(offer, callee);
            sip.send(invite(callee, "NTLM qop=\"auth\", realm=\"" + REALM + "\", targetname=\"" + DOMAIN
                    + "\", gssapi-data=\"\", version=4"));
            SipTestClient.Message challenge = next(sip);
            assertEquals(challenge.text(), 407, challenge.status());
            String proxyAuthenticate = challenge.header("Proxy-Authenticate");
            opaque = NtlmSigningIT.param(proxyAuthenticate, "opaque");
            ntlm = NtlmTestClient.answer(Base64.getDecoder().decode(NtlmSigningIT.param(proxyAuthenticate,
                    "gssapi-data")), "amy@" + DOMAIN, "", PASSWORD, false);
            ackFailure(challenge, callee);
        }

        /**
         * An INVITE signed as §3.2.5.1.3 says (version 4), with Proxy-Authorization: with the
         * AUTHENTICATE that completes the handshake, or (null) on the established association alone.
         */
        void sendSignedInvite(String callee, String gssapi) throws Exception {
            String crand = "0c0ffee" + cnum;
            int number = ++cnum;
            String signed = "<NTLM><" + crand + "><" + number + "><" + REALM + "><" + DOMAIN + "><" + callId + "><"
                    + cseq + "><INVITE><sip:amy@" + DOMAIN + "><" + fromTag + "><sip:" + callee + "@" + DOMAIN
                    + "><><><><>";
            sip.send(invite(callee, "NTLM qop=\"auth\", opaque=\"" + opaque + "\", realm=\"" + REALM
                    + "\", targetname=\"" + DOMAIN + "\"" + (gssapi == null ? "" : ", gssapi-data=\"" + gssapi + "\"")
                    + ", version=4, crand=\"" + crand + "\", cnum=\"" + number + "\", response=\""
                    + HexFormat.of().formatHex(ntlm.sign(signed.getBytes(StandardCharsets.UTF_8))) + "\""));
        }

        /** RFC 3261 §9.1: CANCEL of the pending INVITE (its Via branch and CSeq number). */
        void cancel(String callee) throws Exception {
            sip.send("CANCEL sip:" + callee + "@" + DOMAIN + " SIP/2.0\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + sip.localPort() + ";branch=" + branch() + "\n"
                    + "Max-Forwards: 70\n"
                    + from()
                    + "To: <sip:" + callee + "@" + DOMAIN + ">\n"
                    + "Call-ID: " + callId + "\n"
                    + "CSeq: " + cseq + " CANCEL\n"
                    + "Content-Length: 0\n\n");
        }

        void ackFailure(SipTestClient.Message response) throws Exception {
            ackFailure(response, "bob");
        }

        /** RFC 3261 §17.1.1.3: the ACK of a non-2xx final response, in the INVITE's transaction. */
        void ackFailure(SipTestClient.Message response, String callee) throws Exception {
            sip.send("ACK sip:" + callee + "@" + DOMAIN + " SIP/2.0\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + sip.localPort() + ";branch=" + branch() + "\n"
                    + "Max-Forwards: 70\n"
                    + from()
                    + "To: " + response.header("To") + "\n"
                    + "Call-ID: " + callId + "\n"
                    + "CSeq: " + cseq + " ACK\n"
                    + "Content-Length: 0\n\n");
            cseq++;
        }

        /** A request in the call's dialog (ACK of the 2xx, BYE), to the server's Contact. */
        void inDialog(String method, int number, SipTestClient.Message ok) throws Exception {
            String target = ok.header("Contact").replaceAll(".*<([^>]*)>.*", "$1");
            sip.send(method + " " + target + " SIP/2.0\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + sip.localPort() + ";branch=z9hG4bK" + Integer.toHexString(callId.hashCode()) + method + number + "\n"
                    + "Max-Forwards: 70\n"
                    + from()
                    + "To: " + ok.header("To") + "\n"
                    + "Call-ID: " + callId + "\n"
                    + "CSeq: " + number + " " + method + "\n"
                    + "Content-Length: 0\n\n");
        }

        @Override
        public void close() throws Exception {
            sip.close();
        }
    }

    /** bob's answer to a request it received (RFC 3261 §8.2.6), with his To tag. */
    static String answer(SipTestClient.Message request, int status, String reason, int localPort) {
        StringBuilder b = new StringBuilder("SIP/2.0 " + status + " " + reason + "\n");
        for (String via : request.headers("Via")) {
            b.append("Via: ").append(via).append('\n');
        }
        String to = request.header("To");
        b.append("From: ").append(request.header("From")).append('\n')
                .append("To: ").append(to.contains(";tag=") ? to : to + ";tag=b0b").append('\n')
                .append("Call-ID: ").append(request.header("Call-ID")).append('\n')
                .append("CSeq: ").append(request.header("CSeq")).append('\n')
                .append("Contact: <sip:127.0.0.1:").append(localPort).append(";transport=tcp>\n")
                .append("Content-Length: 0\n\n");
        return b.toString();
    }

    /** The next message that is not a 100 Trying. */
    static SipTestClient.Message next(SipTestClient sip) throws Exception {
        while (true) {
            SipTestClient.Message m = sip.receiveAny();
            if (!m.startLine().startsWith("SIP/2.0 100 ")) {
                return m;
            }
        }
    }

    /**
     * The client's check of a server signature (MS-SIPAE §3.2.5.2, version 4 buffer): scheme, srand,
     * snum, realm, targetname, Call-ID, CSeq number and method, From URI and tag, To URI and tag,
     * P-Asserted-Identity sip and tel URIs, Expires, and the status code of a response.
     */
    static void assertSigned(SipTestClient.Message m, String header, NtlmTestClient keys) {
        List<String> infos = m.headers(header);
        assertEquals(m.text(), 1, infos.size());
        String info = infos.get(0);
        assertTrue(info, info.startsWith("NTLM rspauth=\""));
        assertEquals(info, "auth", NtlmSigningIT.param(info, "qop"));
        String[] cseq = m.header("CSeq").split("\\s+");
        String sipIdentity = "";
        String telIdentity = "";
        for (String pai : m.headers("P-Asserted-Identity")) {
            for (String value : pai.split(",")) {
                String u = uri(value.trim());
                if (u.startsWith("sip:")) {
                    sipIdentity = u;
                } else if (u.startsWith("tel:")) {
                    telIdentity = u;
                }
            }
        }
        String buffer = "<NTLM><" + NtlmSigningIT.param(info, "srand") + "><" + NtlmSigningIT.param(info, "snum") + "><"
                + NtlmSigningIT.param(info, "realm") + "><" + NtlmSigningIT.param(info, "targetname") + "><"
                + m.header("Call-ID") + "><" + cseq[0] + "><" + cseq[1] + "><" + uri(m.header("From")) + "><"
                + tag(m.header("From")) + "><" + uri(m.header("To")) + "><" + tag(m.header("To")) + "><" + sipIdentity
                + "><" + telIdentity + "><" + m.header("Expires", "") + ">"
                + (m.startLine().startsWith("SIP/2.0 ") ? "<" + m.status() + ">" : "");
        assertEquals(REALM, NtlmSigningIT.param(info, "realm"));
        assertEquals(m.text(), HexFormat.of().formatHex(keys.expectedServerSignature(
                buffer.getBytes(StandardCharsets.UTF_8))), NtlmSigningIT.param(info, "rspauth").toLowerCase());
    }

    static String uri(String nameAddr) {
        int lt = nameAddr.indexOf('<');
        return lt >= 0 ? nameAddr.substring(lt + 1, nameAddr.indexOf('>', lt)) : nameAddr.split(";")[0].trim();
    }

    static String tag(String nameAddr) {
        for (String p : nameAddr.substring(nameAddr.lastIndexOf('>') + 1).split(";")) {
            if (p.trim().startsWith("tag=")) {
                return p.trim().substring(4);
            }
        }
        return "";
    }

    @Test
    public void aCallBetweenNtlmClientsIsSignedForEachOnItsOwnAssociation() throws Exception {
        try (NtlmSigningIT.Endpoint bob = new NtlmSigningIT.Endpoint("bob", InetAddress.getLoopbackAddress(), SIP_PORT);
             Caller amy = new Caller()) {
            SipTestClient.Message registered = bob.signIn(PASSWORD);
            assertEquals(registered.text(), 200, registered.status());

            amy.proxyHandshake("bob");
            amy.sendSignedInvite("bob", Base64.getEncoder().encodeToString(amy.ntlm.authenticateMessage()));

            // bob's INVITE: signed on bob's registrar association, amy's credentials gone
            SipTestClient.Message invite = next(bob.sip);
            assertTrue(invite.text(), invite.startLine().startsWith("INVITE "));
            assertSigned(invite, "Authentication-Info", bob.ntlm);
            assertTrue(invite.text(), invite.headers("Proxy-Authorization").isEmpty());
            assertTrue(invite.text(), invite.headers("Proxy-Authentication-Info").isEmpty());

            bob.sip.send(answer(invite, 180, "Ringing", bob.sip.localPort()));
            SipTestClient.Message ringing = next(amy.sip);
            assertEquals(ringing.text(), 180, ringing.status());
            assertSigned(ringing, "Proxy-Authentication-Info", amy.ntlm);

            bob.sip.send(answer(invite, 200, "OK", bob.sip.localPort()));
            SipTestClient.Message ok = next(amy.sip);
            assertEquals(ok.text(), 200, ok.status());
            assertSigned(ok, "Proxy-Authentication-Info", amy.ntlm);
            assertTrue(ok.text(), ok.headers("Authentication-Info").isEmpty());

            amy.inDialog("ACK", amy.cseq, ok);
            SipTestClient.Message ack = next(bob.sip);
            assertTrue(ack.text(), ack.startLine().startsWith("ACK "));
            assertSigned(ack, "Authentication-Info", bob.ntlm);

            amy.inDialog("BYE", amy.cseq + 1, ok);
            SipTestClient.Message byeOk = next(amy.sip);
            assertEquals(byeOk.text(), 200, byeOk.status());
            assertEquals(byeOk.text(), "BYE", byeOk.header("CSeq").split("\\s+")[1]);
            assertSigned(byeOk, "Proxy-Authentication-Info", amy.ntlm);
            SipTestClient.Message bye = next(bob.sip);
            assertTrue(bye.text(), bye.startLine().startsWith("BYE "));
            assertSigned(bye, "Authentication-Info", bob.ntlm);
            bob.sip.send(answer(bye, 200, "OK", bob.sip.localPort()));
        }
    }

    @Test
    public void anNtlmV1ClientSignsInWhenEnabled() throws Exception {
        try (NtlmSigningIT.Endpoint cleo = new NtlmSigningIT.Endpoint("cleo", InetAddress.getLoopbackAddress(),
                SIP_PORT)) {
            cleo.sip.send(cleo.register(null, "3600"));
            assertEquals(401, cleo.sip.receive().status());
            cleo.sip.send(cleo.register("NTLM qop=\"auth\", realm=\"" + REALM + "\", targetname=\"" + DOMAIN
                    + "\", gssapi-data=\"\", version=4", "3600"));
            String www = cleo.sip.receive().header("WWW-Authenticate");
            cleo.opaque = NtlmSigningIT.param(www, "opaque");
            cleo.ntlm = NtlmTestClient.answerV1(Base64.getDecoder().decode(NtlmSigningIT.param(www, "gssapi-data")),
                    "cleo@" + DOMAIN, "", PASSWORD);
            SipTestClient.Message ok = cleo.sendSigned(Base64.getEncoder().encodeToString(
                    cleo.ntlm.authenticateMessage()), "3600", null);
            assertEquals(ok.text(), 200, ok.status());
            assertSigned(ok, "Authentication-Info", cleo.ntlm);
        }
    }

    /**
     * Calls on an association made through 407: one refused by the callee (the caller's 486 signed,
     * and the ACK the SIP stack sends the callee for it, on the callee's association), then one on the
     * same association without a new handshake (§3.3.5.2: the INVITE only signed) that the caller
     * cancels while it rings: the 200 and 487 the container answers the caller's CANCEL with are
     * signed on the caller's association, the callee's CANCEL and the ACK of its 487 on the callee's.
     */
    @Test
    public void aRefusedAndACancelledCallAreSigned() throws Exception {
        try (NtlmSigningIT.Endpoint dora = new NtlmSigningIT.Endpoint("dora", InetAddress.getLoopbackAddress(),
                SIP_PORT); Caller amy = new Caller()) {
            SipTestClient.Message registered = dora.signIn(PASSWORD);
            assertEquals(registered.text(), 200, registered.status());
            amy.proxyHandshake("dora");
            amy.sendSignedInvite("dora", Base64.getEncoder().encodeToString(amy.ntlm.authenticateMessage()));
            SipTestClient.Message invite = next(dora.sip);
            assertSigned(invite, "Authentication-Info", dora.ntlm);
            dora.sip.send(answer(invite, 486, "Busy Here", dora.sip.localPort()));
            SipTestClient.Message stackAck = next(dora.sip);
            assertTrue(stackAck.text(), stackAck.startLine().startsWith("ACK "));
            assertSigned(stackAck, "Authentication-Info", dora.ntlm);
            SipTestClient.Message busy = next(amy.sip);
            assertEquals(busy.text(), 486, busy.status());
            assertSigned(busy, "Proxy-Authentication-Info", amy.ntlm);
            amy.ackFailure(busy, "dora");

            amy.callId = "call-signing-again-" + System.nanoTime();
            amy.sendSignedInvite("dora", null);
            SipTestClient.Message again = next(dora.sip);
            assertTrue(again.text(), again.startLine().startsWith("INVITE "));
            assertSigned(again, "Authentication-Info", dora.ntlm);
            dora.sip.send(answer(again, 180, "Ringing", dora.sip.localPort()));
            SipTestClient.Message ringing = next(amy.sip);
            assertEquals(ringing.text(), 180, ringing.status());
            assertSigned(ringing, "Proxy-Authentication-Info", amy.ntlm);

            amy.cancel("dora");
            SipTestClient.Message cancelled = next(amy.sip);
            assertEquals(cancelled.text(), 200, cancelled.status());
            assertEquals(cancelled.text(), "CANCEL", cancelled.header("CSeq").split("\\s+")[1]);
            assertSigned(cancelled, "Proxy-Authentication-Info", amy.ntlm);
            SipTestClient.Message terminated = next(amy.sip);
            assertEquals(terminated.text(), 487, terminated.status());
            assertEquals(terminated.text(), "INVITE", terminated.header("CSeq").split("\\s+")[1]);
            assertSigned(terminated, "Proxy-Authentication-Info", amy.ntlm);
            amy.ackFailure(terminated, "dora");
            SipTestClient.Message cancel = next(dora.sip);
            assertTrue(cancel.text(), cancel.startLine().startsWith("CANCEL "));
            assertSigned(cancel, "Authentication-Info", dora.ntlm);
            dora.sip.send(answer(cancel, 200, "OK", dora.sip.localPort()));
            dora.sip.send(answer(again, 487, "Request Terminated", dora.sip.localPort()));
            SipTestClient.Message terminatedAck = next(dora.sip);
            assertTrue(terminatedAck.text(), terminatedAck.startLine().startsWith("ACK "));
            assertSigned(terminatedAck, "Authentication-Info", dora.ntlm);
        }
    }
}
