package org.ucfront.routing.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class CallSettingsTest {

    @Test
    public void defaultsRingTwentySecondsWithoutVoicemail() {
        CallSettings s = CallSettings.defaults("bob@fabrikam.com");
        assertEquals(20, s.ringSeconds());
        assertFalse(s.umEnabled());
    }

    @Test
    public void targetsArePlainSipUris() {
        CallSettings s = new CallSettings("bob@fabrikam.com", 10, "sip:carol@Fabrikam.COM", null,
                List.of("sip:team1@fabrikam.com"), "dpl.contoso.com", "EUM:bob@contoso.com;phone-context=dpl.contoso.com");
        assertEquals("sip:carol@fabrikam.com", s.forwardUri());
        assertTrue(s.umEnabled());
        for (String bad : new String[] {"tel:+1425", "sip:carol@fabrikam.com;maddr=10.0.0.1", "sip:carol@fab rikam.com",
            "sip:carol@fabrikam.com>\r\nX: y"}) {
            try {
                new CallSettings("bob@fabrikam.com", 10, bad, null, List.of(), null, null);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().startsWith("forwardUri:"));
            }
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void ringTimeIsBounded() {
        new CallSettings("bob@fabrikam.com", 0, null, null, List.of(), null, null);
    }

    @Test(expected = IllegalArgumentException.class)
    public void eumProxyAddressNeedsADialPlan() {
        new CallSettings("bob@fabrikam.com", 20, null, null, List.of(), null, "EUM:bob@contoso.com");
    }
}
