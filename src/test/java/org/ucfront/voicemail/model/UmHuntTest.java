package org.ucfront.voicemail.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** MS-EUMR §3.1.5 step 7, §3.1.5.3, §3.1.5.5 and §3.1.5.7 over the spec's example names. */
public class UmHuntTest {

    static UmServer um(String fqdn, int version, boolean frontEnd) {
        return new UmServer(fqdn, version, frontEnd, null, null, null);
    }

    static final DialPlan PLAN = new DialPlan("dpl.contoso.com", List.of(
            um("exchange-um1.contoso.com", 2, false), um("exchange-um2.contoso.com", 2, false),
            um("exchange-um3.contoso.com", 2, false)));

    @Test
    public void requestUriHasTheSection222Form() {
        assertEquals("sip:dpl.contoso.com@exchange-um1.contoso.com:5061;transport=tls;maddr=exchange-um1.contoso.com",
                um("exchange-um1.contoso.com", 1, false).requestUri("dpl.contoso.com"));
    }

    @Test
    public void notificationUriHasTheSection2242Form() {
        assertEquals("sip:exchange-um1.contoso.com;transport=tls;opaque=app:rtcevent",
                um("exchange-um1.contoso.com", 1, false).notificationUri());
    }

    @Test
    public void orderingKeepsTheHighestVersionAndOnlyFrontEndsWhenAnyExists() {
        DialPlan plan = new DialPlan("dp", List.of(um("a.contoso.com", 1, true), um("b.contoso.com", 3, false),
                um("c.contoso.com", 3, true), um("d.contoso.com", 3, true)));
        assertEquals(List.of("c.contoso.com", "d.contoso.com"), plan.ordering().stream().map(UmServer::fqdn).toList());
        DialPlan noFrontEnd = new DialPlan("dp", List.of(um("a.contoso.com", 1, false), um("b.contoso.com", 3, false)));
        assertEquals(List.of("b.contoso.com"), noFrontEnd.ordering().stream().map(UmServer::fqdn).toList());
    }

    @Test
    public void everyServerOnceThenNone() {
        UmHunt hunt = new UmHunt(PLAN);
        assertEquals("exchange-um1.contoso.com", hunt.nextServer().orElseThrow().fqdn());
        assertEquals("exchange-um2.contoso.com", hunt.nextServer().orElseThrow().fqdn());
        assertEquals("exchange-um3.contoso.com", hunt.nextServer().orElseThrow().fqdn());
        assertTrue(hunt.nextServer().isEmpty());
    }

    @Test
    public void redirectFollowedOnlyUnderTheFourConditions() {
        UmHunt hunt = new UmHunt(PLAN);
        hunt.nextServer();
        assertFalse("not from the selected server",
                hunt.redirect("exchange-um2.contoso.com", List.of("exchange-um3.contoso.com")).isPresent());
        assertFalse("two contacts", hunt.redirect("exchange-um1.contoso.com",
                List.of("exchange-um3.contoso.com", "exchange-um2.contoso.com")).isPresent());
        assertFalse("not of the dial plan",
                hunt.redirect("exchange-um1.contoso.com", List.of("exchange-um9.contoso.com")).isPresent());
        Optional<UmServer> to = hunt.redirect("exchange-um1.contoso.com", List.of("EXCHANGE-UM3.contoso.com"));
        assertEquals("exchange-um3.contoso.com", to.orElseThrow().fqdn());
    }

    @Test
    public void noMoreThanFourRedirectsForOneServer() {
        UmHunt hunt = new UmHunt(PLAN);
        hunt.nextServer();
        String from = "exchange-um1.contoso.com";
        for (int i = 0; i < 4; i++) {
            UmServer to = hunt.redirect(from, List.of(i % 2 == 0 ? "exchange-um2.contoso.com" : "exchange-um1.contoso.com"))
                    .orElseThrow();
            from = to.fqdn();
        }
        assertFalse("a fifth 302 is not followed", hunt.redirect(from, List.of("exchange-um3.contoso.com")).isPresent());
        assertEquals("exchange-um2.contoso.com", hunt.nextServer().orElseThrow().fqdn());
    }

    @Test
    public void restartClearsTheOrdering() {
        UmHunt hunt = new UmHunt(PLAN);
        hunt.nextServer();
        hunt.nextServer();
        hunt.restart();
        assertEquals("exchange-um1.contoso.com", hunt.nextServer().orElseThrow().fqdn());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aDialPlanListsAServerOnce() {
        new DialPlan("dp", List.of(um("a.contoso.com", 1, false), um("A.contoso.com", 2, false)));
    }

    @Test(expected = IllegalArgumentException.class)
    public void overrideAddressIsALiteral() {
        new UmServer("a.contoso.com", 1, false, "udp", "um.contoso.com", 5060);
    }
}
