package org.ucfront.voicemail.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.Test;
import org.ucfront.voicemail.model.UserNotification.CallHeaders;
import org.ucfront.voicemail.model.UserNotification.MissedReason;
import org.ucfront.voicemail.model.UserNotification.TargetClass;

/** MS-EUMR §2.2.3 and the §4 examples, validated against the Appendix A schema. */
public class UserNotificationTest {

    static Schema schema() throws Exception {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(UserNotificationTest.class.getResource("/voicemail/usernotification.xsd"));
    }

    static void assertValid(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    public void missedCallOfSection41() throws Exception {
        UserNotification n = UserNotification.missed("sip:user@example.com",
                "EUM:user@contoso.com;phone-context=dpl.contoso.com", Instant.parse("2006-05-12T01:33:32Z"),
                new CallHeaders("234d82934091df92034ad3e329fae03234", "sip:someuser@contoso.com", "RE: Quote for widgets",
                        null, "Aca6SdRQ/SvHLJIHDHoWAEvg==", null),
                MissedReason.DECLINED);
        String xml = n.toXml();
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<UserNotification><User>sip:user@example.com</User>"
                + "<EumProxyAddress>EUM:user@contoso.com;phone-context=dpl.contoso.com</EumProxyAddress>"
                + "<Time>2006-05-12 01:33:32Z</Time><Template>RtcDefault</Template><Event type=\"missed\">"
                + "<CallId>234d82934091df92034ad3e329fae03234</CallId><From>sip:someuser@contoso.com</From>"
                + "<Subject>RE: Quote for widgets</Subject><ConversationID>Aca6SdRQ/SvHLJIHDHoWAEvg==</ConversationID>"
                + "<MissedReason>Declined</MissedReason></Event></UserNotification>", xml);
        assertValid(xml);
    }

    @Test
    public void answeredOfSection42() throws Exception {
        String xml = UserNotification.answered("sip:user@contoso.com", "EUM:user@contoso.com;phone-context=dpl.contoso.com",
                Instant.parse("2006-05-02T12:53:32Z"), new CallHeaders("234d82934091df92034ad3e329fae03234",
                        "sip:someuser@contoso.com", "RE: Car pool", null, "Aca6SdRQ/SvHLJIHDHoWAEvg==", null),
                "sip:teammember@contoso.com", TargetClass.SECONDARY, "sip:teammember@contoso.com").toXml();
        assertTrue(xml, xml.contains("<Target>sip:teammember@contoso.com</Target><TargetClass>secondary</TargetClass>"
                + "<AnsweredBy>sip:teammember@contoso.com</AnsweredBy></Event>"));
        assertValid(xml);
    }

    @Test
    public void forbiddenOfSection43() throws Exception {
        String xml = UserNotification.forbidden("sip:user@contoso.com", "EUM:user@contoso.com;phone-context=dpl.contoso.com",
                Instant.parse("2006-05-02T18:53:32Z"), new CallHeaders("234d82934091df92034ad3e329fae03234",
                        "sip:someuser@contoso.com", "Pricing figures", "High", "Aca6SdRQ/SvHLJIHDHoWAEvg==", null),
                "sip:+145532290933@contoso.com;user=phone", TargetClass.PRIMARY).toXml();
        assertTrue(xml, xml.contains("<Subject>Pricing figures</Subject><Priority>High</Priority>"
                + "<ConversationID>Aca6SdRQ/SvHLJIHDHoWAEvg==</ConversationID>"
                + "<Target>sip:+145532290933@contoso.com;user=phone</Target><TargetClass>primary</TargetClass></Event>"));
        assertFalse(xml, xml.contains("<AnsweredBy>"));
        assertValid(xml);
    }

    @Test
    public void valuesAreEscaped() throws Exception {
        String xml = UserNotification.missed("sip:u@contoso.com", null, Instant.EPOCH,
                new CallHeaders("c", "\"Eve\" <sip:e@x>", "</Subject><x>&\u0001", null, null, null),
                MissedReason.CALLER_RELEASED).toXml();
        assertTrue(xml, xml.contains("<Subject>&lt;/Subject&gt;&lt;x&gt;&amp;</Subject>"));
        assertTrue(xml, xml.contains("<From>&quot;Eve&quot; &lt;sip:e@x&gt;</From>"));
        assertValid(xml);
    }

    @Test
    public void notificationSdpOfferAndAnswer() {
        String offer = NotificationSession.offer("192.0.2.1", 1);
        assertTrue(offer, offer.contains("m=application 9 SIP *\r\na=sendonly\r\n"
                + "a=accept-types:application/ms-rtc-usernotification+xml\r\n"));
        assertTrue(NotificationSession.answerAccepted("v=0\r\nm=application 9 SIP *\r\na=recvonly\r\n"
                + "a=accept-types:application/ms-rtc-usernotification+xml\r\na=ms-rtc-accept-eventtemplates:RtcDefault\r\n"));
        assertFalse("no event templates", NotificationSession.answerAccepted("v=0\r\nm=application 9 SIP *\r\n"
                + "a=recvonly\r\na=accept-types:application/ms-rtc-usernotification+xml\r\n"));
        assertFalse(NotificationSession.answerAccepted(null));
    }

    @Test
    public void diversionOnlyWhenRequestUriDiffersFromFrom() {
        assertEquals("<sip:bob@fabrikam.com>", Diversion.forRequest("bob", "fabrikam.com", "alice", "fabrikam.com").orElseThrow());
        assertTrue(Diversion.forRequest("bob", "fabrikam.com", "bob", "FABRIKAM.com").isEmpty());
    }

    @Test
    public void sdpPartOfAMultipartBody() {
        String body = "--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\ns=one\r\n--b1\r\n"
                + "Content-Type: application/sdp; ms-proxy-2007fallback\r\n\r\nv=0\r\ns=two\r\n--b1--\r\n";
        byte[] sdp = MultipartBody.sdpPart("multipart/alternative; boundary=\"b1\"",
                body.getBytes(StandardCharsets.US_ASCII)).orElseThrow();
        assertEquals("v=0\r\ns=one\r\n", new String(sdp, StandardCharsets.US_ASCII));
        assertTrue(MultipartBody.sdpPart("application/sdp", new byte[0]).isEmpty());
    }
}
