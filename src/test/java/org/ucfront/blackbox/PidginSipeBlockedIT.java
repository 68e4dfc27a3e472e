package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * Client version control (§3.4.2.5.3) against the real client: with a policy that blocks it,
 * pidgin-sipe's REGISTER gets 403 with Warning 310, it does not sign in, and it shows the
 * Warning's text; ucfront keeps no binding. Sipe's User-Agent version (1.25.0) has no four-digit
 * build, so no rule can match it and the configured default decides.
 */
public class PidginSipeBlockedIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    public void aBlockedClientDoesNotSignInAndShowsTheWarning() throws Exception {
        Bitlbee.executable();
        try (UcfrontServer server = new UcfrontServer("pidgin-sipe-blocked", 15135, 18155)
                .with("UCFRONT_AUTH", "none")
                .with("UCFRONT_CLIENTVERSION_DEFAULT", "block-with-prompt")
                .start()) {
            AdminClient admin = AdminClient.of(server);
            String aor = "sip:alice@" + UcfrontServer.DOMAIN;
            admin.createUser(aor, "never-asked-with-auth-none");
            Path work = server.log().getParent().resolveSibling("pidgin-sipe-blocked-bitlbee");
            try (Bitlbee bitlbee = Bitlbee.start(work, 15136, "alice", TIMEOUT)) {
                bitlbee.command("account add sipe alice@" + UcfrontServer.DOMAIN + " unused-password");
                bitlbee.awaitIrc(Pattern.compile("Account successfully added with tag sipe"), null, TIMEOUT);
                bitlbee.command("account sipe set server 127.0.0.1:" + server.sipPort);
                bitlbee.awaitIrc(Pattern.compile("server = `127\\.0\\.0\\.1:" + server.sipPort + "'"), null, TIMEOUT);
                bitlbee.command("account sipe set transport tcp");
                bitlbee.awaitIrc(Pattern.compile("transport = `tcp'"), null, TIMEOUT);
                bitlbee.command("account sipe on");
                Matcher refused = bitlbee.awaitIrc(Pattern.compile("sipe - Login error: (.*)"),
                        Pattern.compile("sipe - Logging in: Logged in"), TIMEOUT);
                // DIGEST §4: the warn-text of 310, which sipe shows as the reason
                assertEquals("You have been rejected by the server: "
                        + "You are currently not using the recommended version of the client", refused.group(1).trim());
            }
            assertEquals("[]", admin.registrations(aor));
        }
    }
}
