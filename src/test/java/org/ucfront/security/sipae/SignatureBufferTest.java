package org.ucfront.security.sipae;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import javax.sip.message.Message;
import org.junit.Test;

/**
 * The signature buffer (MS-SIPAE §3.2.5.1.3, MS-SIP §3.1.4.2) of the REGISTER and 200 of a recorded
 * Office Communicator 2007 R2 ↔ OCS 2007 R2 sign-in (protocol version 4), whose signatures
 * {@code NtlmTest} verifies; and version 2 without To URI and P-Asserted-Identity.
 */
public class SignatureBufferTest {

    @Test
    public void requestBufferOfTheRecordedRegister() {
        String buffer = SignatureBuffer.of(new SignatureBuffer.Fields("NTLM", "13317733", "1",
                "SIP Communications Service", "cosmo-ocs-r2.cosmo.local", "4037df9284354df39065195bd57a4b14", "3",
                "REGISTER", SignatureBuffer.uri("<sip:user@cosmo.local>;tag=3e49177a52;epid=c8ca638a15"),
                SignatureBuffer.tag("<sip:user@cosmo.local>;tag=3e49177a52;epid=c8ca638a15"),
                SignatureBuffer.uri("<sip:user@cosmo.local>"), SignatureBuffer.tag("<sip:user@cosmo.local>"), null, null,
                null, null), 4);
        assertEquals("<NTLM><13317733><1><SIP Communications Service><cosmo-ocs-r2.cosmo.local>"
                + "<4037df9284354df39065195bd57a4b14><3><REGISTER><sip:user@cosmo.local><3e49177a52>"
                + "<sip:user@cosmo.local><><><><>", buffer);
    }

    @Test
    public void responseBufferOfTheRecorded200() {
        String from = "\"User\"<sip:user@cosmo.local>;tag=3e49177a52;epid=c8ca638a15";
        String to = "<sip:user@cosmo.local>;tag=5E61CCD925D17E043D9A74835A88F664";
        String buffer = SignatureBuffer.of(new SignatureBuffer.Fields("NTLM", "9616454F", "1",
                "SIP Communications Service", "cosmo-ocs-r2.cosmo.local", "4037df9284354df39065195bd57a4b14", "3",
                "REGISTER", SignatureBuffer.uri(from), SignatureBuffer.tag(from), SignatureBuffer.uri(to),
                SignatureBuffer.tag(to), null, null, "7200", 200), 4);
        assertEquals("<NTLM><9616454F><1><SIP Communications Service><cosmo-ocs-r2.cosmo.local>"
                + "<4037df9284354df39065195bd57a4b14><3><REGISTER><sip:user@cosmo.local><3e49177a52>"
                + "<sip:user@cosmo.local><5E61CCD925D17E043D9A74835A88F664><><><7200><200>", buffer);
    }

    /** Version 2 (MS-SIP §3.1.4.2): 13 fields, no To URI nor P-Asserted-Identity. */
    /** The same 200 as the SIP stack holds it (a response it makes by itself is signed from there). */
    @Test
    public void responseBufferOfTheRecorded200AsParsedByTheStack() throws Exception {
        Message ok = new MessageFactoryImpl().createResponse("SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/TLS 192.168.0.10:1234;branch=z9hG4bK1\r\n"
                + "From: \"User\"<sip:user@cosmo.local>;tag=3e49177a52;epid=c8ca638a15\r\n"
                + "To: <sip:user@cosmo.local>;tag=5E61CCD925D17E043D9A74835A88F664\r\n"
                + "Call-ID: 4037df9284354df39065195bd57a4b14\r\n"
                + "CSeq: 3 REGISTER\r\n"
                + "Expires: 7200\r\n"
                + "Content-Length: 0\r\n\r\n");
        String buffer = SignatureBuffer.of(ok, "NTLM", "9616454F", "1", "SIP Communications Service",
                "cosmo-ocs-r2.cosmo.local", 4);
        assertEquals("<NTLM><9616454F><1><SIP Communications Service><cosmo-ocs-r2.cosmo.local>"
                + "<4037df9284354df39065195bd57a4b14><3><REGISTER><sip:user@cosmo.local><3e49177a52>"
                + "<sip:user@cosmo.local><5E61CCD925D17E043D9A74835A88F664><><><7200><200>", buffer);
    }

    @Test
    public void versionTwoLeavesOutToUriAndAssertedIdentity() {
        String buffer = SignatureBuffer.of(new SignatureBuffer.Fields("NTLM", "0878F41B", "1",
                "SIP Communications Service", "ocs1.ocs.provo.novell.com", "8592g5DCBa1694i5887m0D0Bt2247b3F38xAE9Fx",
                "3", "REGISTER", "sip:gabriel@ocs.provo.novell.com", "2947328781", "sip:gabriel@ocs.provo.novell.com",
                "B816D65C2300A32CFA6D371F2AF537FD", "sip:x@y", null, "900", 200), 2);
        assertEquals("<NTLM><0878F41B><1><SIP Communications Service><ocs1.ocs.provo.novell.com>"
                + "<8592g5DCBa1694i5887m0D0Bt2247b3F38xAE9Fx><3><REGISTER><sip:gabriel@ocs.provo.novell.com>"
                + "<2947328781><B816D65C2300A32CFA6D371F2AF537FD><900><200>", buffer);
    }

    @Test
    public void replayWindowAcceptsEachNumberOnceAndOutOfOrderWithinTheWindow() {
        ReplayWindow w = new ReplayWindow();
        assertTrue(w.accept(1));
        assertTrue(w.accept(3));
        assertTrue(w.accept(2));
        assertFalse(w.accept(2));
        assertFalse(w.accept(3));
        assertTrue(w.accept(100));
        assertFalse(w.accept(100 - ReplayWindow.SIZE));
        assertTrue(w.accept(100 - ReplayWindow.SIZE + 1));
    }

    @Test
    public void ntlmUserNamesThatNameTheAddressedUser() {
        assertTrue(SipaeAuthenticator.sameUser("nina@fabrikam.com", "nina@fabrikam.com"));
        assertTrue(SipaeAuthenticator.sameUser("NINA", "nina@fabrikam.com"));
        assertTrue(SipaeAuthenticator.sameUser("nina@FABRIKAM.LOCAL", "nina@fabrikam.com"));
        assertFalse(SipaeAuthenticator.sameUser("otto@fabrikam.com", "nina@fabrikam.com"));
        assertFalse(SipaeAuthenticator.sameUser("nin", "nina@fabrikam.com"));
    }
}
