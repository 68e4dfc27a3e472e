package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.Test;

/** §3.5 / §3.1.2.5.1: what the loss of user services does to one user's endpoints. */
public class UserEndpointsSurvivableTest {

    private static final String AOR = "alice@fabrikam.com";
    private final UserEndpoints user = new UserEndpoints(AOR, EndpointIds.after(List.of(), 0));

    private static RegisterAttempt attempt(SipInstance instance, boolean survivable, long expiresAt) {
        Binding b = new Binding("sip:10.1.2.50:4237;transport=tcp", expiresAt, "tcp", "10.1.2.50", 4237, "c1", 1,
                "2d0be03279", "0D08337B2339766A952BC5B9D8E0A41A");
        return new RegisterAttempt(AOR, "492a7ce35f", instance, Gruu.of("alice", "fabrikam.com", instance),
                "UCCAPI/4.0.7577.0", null, null, survivable, b);
    }

    @Test
    public void survivableEndpointsStayRegisteredAndTheOthersLoseTheirBinding() {
        SipInstance capable = SipInstance.of(UUID.randomUUID());
        SipInstance plain = SipInstance.of(UUID.randomUUID());
        long cseqBefore = user.register(attempt(capable, true, 900_000), 0, 8).endpoint().notifyCseq();
        user.register(attempt(plain, false, 900_000), 0, 8);

        UserServicesLoss loss = user.userServicesLost(1_000);

        assertEquals(1, loss.survivable().size());
        assertEquals(capable.urn(), loss.survivable().get(0).instance());
        assertEquals(cseqBefore + 1, loss.survivable().get(0).notifyCseq());
        assertEquals(1, loss.deregistered().size());
        Endpoint gone = loss.deregistered().get(0);
        assertEquals(plain.urn(), gone.instance());
        assertTrue("the NOTIFY needs the binding to reach the endpoint", gone.routable());
        assertEquals(1, user.routable(1_000).size());
        assertEquals(capable.urn(), user.routable(1_000).get(0).instance());
        assertEquals("the deregistered endpoint stays known (next REGISTER is fixed)", 2, user.all().size());
        assertEquals(RegisterAction.FIXED, user.register(attempt(plain, false, 900_000), 2_000, 8).action());
    }

    @Test
    public void expiredBindingsAreNotNotified() {
        user.register(attempt(SipInstance.of(UUID.randomUUID()), true, 5_000), 0, 8);
        user.register(attempt(SipInstance.of(UUID.randomUUID()), false, 5_000), 0, 8);
        UserServicesLoss loss = user.userServicesLost(5_000);
        assertTrue(loss.survivable().isEmpty());
        assertTrue(loss.deregistered().isEmpty());
    }
}
