package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.UUID;
import org.junit.Test;

/** The registrar's rules over one user's endpoints (§3.1.2.5.1, §3.1.2.6, §3.2, RFC 3261 §10.3). */
public class UserEndpointsTest {

    private static final String AOR = "alice@fabrikam.com";
    private final UserEndpoints user = new UserEndpoints(AOR, EndpointIds.after(List.of(), 0));

    static RegisterAttempt attempt(SipInstance instance, String callId, long cseq, long expiresAt) {
        Binding b = new Binding("sip:10.1.2.50:4237;transport=tcp", expiresAt, "tcp", "10.1.2.50", 4237, callId, cseq,
                "2d0be03279", "0D08337B2339766A952BC5B9D8E0A41A");
        return new RegisterAttempt(AOR, "492a7ce35f", instance, Gruu.of("alice", "fabrikam.com", instance),
                "UCCP/2.0.6362.0", null, null, false, b);
    }

    static SipInstance instance() {
        return SipInstance.of(UUID.randomUUID());
    }

    @Test
    public void aNewEndpointIsAddedThenRefreshed() {
        SipInstance i = SipInstance.parse("\"<urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97>\"");
        RegisterResult first = user.register(attempt(i, "c1", 3, 10_000), 1_000, 8);
        assertEquals(RegisterAction.ADDED, first.action());
        assertEquals("sip:alice@fabrikam.com;opaque=user:epid:HT07tI-f3F-fdDyic8rblwAA;gruu", first.endpoint().gruu());
        RegisterResult again = user.register(attempt(i, "c1", 4, 20_000), 2_000, 8);
        assertEquals(RegisterAction.REFRESHED, again.action());
        assertEquals(first.endpoint().gruu(), again.endpoint().gruu());
        assertEquals(1_000, again.endpoint().firstRegisteredAt());
    }

    /** Each REGISTER is parsed into new strings; a refresh keeps the stored ones where equal. */
    @Test
    public void aRefreshKeepsTheStoredValuesThatDidNotChange() {
        SipInstance i = instance();
        Endpoint first = user.register(attempt(i, "c1", 1, 10_000), 0, 8).endpoint();
        Binding before = first.binding();
        Binding moved = new Binding(new String(before.contact()), 20_000, new String(before.transport()),
                "10.1.2.51", 4237, new String(before.callId()), 2, new String(before.clientTag()), "5A3C");
        RegisterAttempt again = new RegisterAttempt(AOR, new String(first.epid()), i, Gruu.of("alice", "fabrikam.com", i),
                new String(first.userAgent()), null, null, false, moved);
        Endpoint refreshed = user.register(again, 1_000, 8).endpoint();
        Binding after = refreshed.binding();
        assertSame(before.contact(), after.contact());
        assertSame(before.transport(), after.transport());
        assertSame(before.callId(), after.callId());
        assertSame(before.clientTag(), after.clientTag());
        assertSame(first.userAgent(), refreshed.userAgent());
        assertSame(first.epid(), refreshed.epid());
        assertEquals("10.1.2.51", after.remoteAddr());
        assertNotSame(before.remoteAddr(), after.remoteAddr());
        assertEquals("5A3C", after.registrarTag());
        assertEquals(20_000, after.expiresAt());
        assertEquals(2, after.cseq());
    }

    @Test
    public void instancesCompareCaseInsensitively() {
        user.register(attempt(SipInstance.parse("<urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97>"), "c1", 1, 10_000),
                0, 8);
        RegisterResult r = user.register(attempt(
                SipInstance.parse("<urn:uuid:b43b3d1d-9f8f-5fdc-9f74-3ca273cadb97>"), "c1", 2, 10_000), 1, 8);
        assertEquals(RegisterAction.REFRESHED, r.action());
        assertEquals(1, user.all().size());
    }

    @Test
    public void anExpiredBindingMakesTheNextRegisterFixed() {
        SipInstance i = instance();
        user.register(attempt(i, "c1", 1, 10_000), 0, 8);
        List<Endpoint> expired = user.expire(10_000);
        assertEquals(1, expired.size());
        assertFalse(expired.get(0).routable());
        assertTrue(user.routable(10_001).isEmpty());
        assertEquals(RegisterAction.FIXED, user.register(attempt(i, "c2", 1, 50_000), 20_000, 8).action());
    }

    @Test
    public void expiryBeforeItsTimeRemovesNothing() {
        user.register(attempt(instance(), "c1", 1, 10_000), 0, 8);
        assertTrue(user.expire(9_999).isEmpty());
        assertEquals(1, user.routable(9_999).size());
    }

    @Test
    public void unregisteringKeepsTheEndpointSoTheNextRegisterIsFixed() {
        SipInstance i = instance();
        user.register(attempt(i, "c1", 1, 10_000), 0, 8);
        assertTrue(user.unregister(i.urn(), "c1", 2, 1).isPresent());
        assertTrue(user.routable(2).isEmpty());
        assertEquals(RegisterAction.FIXED, user.register(attempt(i, "c1", 3, 10_000), 3, 8).action());
    }

    @Test
    public void aLowerCseqInTheSameCallIdIsRefused() {
        SipInstance i = instance();
        user.register(attempt(i, "c1", 5, 10_000), 0, 8);
        try {
            user.register(attempt(i, "c1", 4, 10_000), 1, 8);
            fail("out-of-order REGISTER accepted");
        } catch (UserEndpoints.RegisterRefusedException e) {
            assertEquals(RegisterError.CSEQ_OUT_OF_ORDER, e.error());
        }
        // a new Call-ID starts over (RFC 3261 §10.3 step 7)
        assertEquals(RegisterAction.REFRESHED, user.register(attempt(i, "c2", 1, 10_000), 2, 8).action());
    }

    @Test
    public void beyondTheQuotaTheOldestEndpointIsDisplaced() {
        SipInstance oldest = instance();
        user.register(attempt(oldest, "c1", 1, 100_000), 0, 2);
        user.register(attempt(instance(), "c2", 1, 100_000), 10, 2);
        RegisterResult third = user.register(attempt(instance(), "c3", 1, 100_000), 20, 2);
        assertEquals(1, third.displaced().size());
        Endpoint gone = third.displaced().get(0);
        assertEquals(oldest.urn(), gone.key());
        assertEquals("the NOTIFY gets the registrar's next CSeq", 1, gone.notifyCseq());
        assertEquals(2, user.routable(21).size());
        assertEquals(2, third.bindings().size());
        assertEquals(third.endpoint(), third.bindings().get(0));
    }

    @Test
    public void refreshingNeverDisplaces() {
        SipInstance a = instance();
        user.register(attempt(a, "c1", 1, 100_000), 0, 1);
        assertTrue(user.register(attempt(a, "c1", 2, 100_000), 1, 1).displaced().isEmpty());
    }

    @Test
    public void removingAllRetiresTheUserAndReturnsItsEndpointsToNotify() {
        user.register(attempt(instance(), "c1", 1, 100_000), 0, 8);
        user.register(attempt(instance(), "c2", 1, 100_000), 0, 8);
        List<Endpoint> removed = user.removeAll(1);
        assertEquals(2, removed.size());
        assertTrue(removed.stream().allMatch(e -> e.notifyCseq() == 1));
        try {
            user.register(attempt(instance(), "c3", 1, 100_000), 2, 8);
            fail("a retired user took a registration");
        } catch (UserEndpoints.RetiredException expected) {
            // the registry looks the user up again
        }
    }

    @Test
    public void aClosedConnectionRemovesOnlyItsBindings() {
        user.register(attempt(instance(), "c1", 1, 100_000), 0, 8);
        Binding other = new Binding("sip:10.1.2.51:5000;transport=tcp", 100_000, "tcp", "10.1.2.51", 5000, "c2", 1,
                "x", "y");
        SipInstance i = instance();
        user.register(new RegisterAttempt(AOR, "e2", i, Gruu.of("alice", "fabrikam.com", i), null, null, null, false,
                other), 0, 8);
        assertEquals(1, user.connectionClosed("tcp", "10.1.2.50", 4237, 1).size());
        assertEquals(List.of(i.urn()), user.routable(2).stream().map(Endpoint::key).toList());
    }
}
