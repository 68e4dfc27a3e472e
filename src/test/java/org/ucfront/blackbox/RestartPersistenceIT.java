package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.After;
import org.junit.Test;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * Endpoints survive a restart (§3.1.2.1 state in the database): after the server is stopped and
 * started again on the same data directory, the client's refresh is "refreshed" and carries the
 * same GRUU, and the admin API lists the registration before any refresh.
 */
public class RestartPersistenceIT {

    private UcfrontServer server;

    @After
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void aRefreshAfterARestartIsRefreshedWithTheSameGruu() throws Exception {
        server = new UcfrontServer("restart", 15070, 18090).with("UCFRONT_DIGEST_ALGORITHMS", "MD5").start();
        AdminClient admin = AdminClient.of(server);
        String aor = "sip:alice@" + UcfrontServer.DOMAIN;
        admin.createUser(aor, RegistrarIT.PASSWORD);

        Sipp first = RegistrarIT.registration("register-once.xml", "alice", RegistrarIT.SPEC_INSTANCE)
                .set("GRUU", RegistrarIT.SPEC_GRUU).set("ACTION", "added")
                .callId("restart-dialog").transport(Transport.UDP); // a TCP binding would end with sipp's connection
        RegistrarIT.assertPasses(first, first.run(server));

        server.stop();
        server.start();
        String listed = admin.registrations(aor);
        assertTrue(listed, listed.contains(RegistrarIT.SPEC_GRUU));
        assertTrue(server.logText(), server.logText().contains("1 endpoints of 1 users restored"));

        // the same REGISTER dialog continues: same Call-ID, higher CSeq
        Sipp refresh = RegistrarIT.registration("register-once.xml", "alice", RegistrarIT.SPEC_INSTANCE)
                .set("GRUU", RegistrarIT.SPEC_GRUU).set("ACTION", "refreshed")
                .callId("restart-dialog").baseCseq(10).transport(Transport.UDP);
        RegistrarIT.assertPasses(refresh, refresh.run(server));
        assertEquals(1, RegistrarIT.count(admin.registrations(aor), "\"gruu\""));
    }
}
