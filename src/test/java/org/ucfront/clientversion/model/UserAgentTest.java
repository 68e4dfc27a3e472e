package org.ucfront.clientversion.model;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.ucfront.clientversion.model.UserAgent.Product;

public class UserAgentTest {

    /** DIGEST §4. */
    static final String COMMUNICATOR_2010 = "UCCAPI/4.0.7577.0 OC/4.0.7577.0 (Microsoft Communicator 2010)";
    /** §4.3.1. */
    static final String COMMUNICATOR_2007_R2 = "UCCAPI/3.5.6890.0 OC/3.5.6890.0 (Microsoft Office Communicator 2007 R2)";
    static final String COMMUNICATOR_2007 = "UCCP/2.0.6362.0 OC/2.0.6362.0 (Microsoft Office Communicator)";

    private static Optional<ClientVersion> v(String text) {
        return ClientVersion.parse(text);
    }

    @Test
    public void readsTheSpecUserAgents() {
        UserAgent ua = UserAgent.parse(COMMUNICATOR_2010);
        assertEquals(List.of(new Product("UCCAPI", "4.0.7577.0"), new Product("OC", "4.0.7577.0")), ua.products());
        assertEquals(List.of("Microsoft Communicator 2010"), ua.comments());
        assertEquals(v("4.0.7577.0"), ua.version("OC"));
        assertEquals(v("4.0.7577.0"), ua.version("UCCAPI"));

        ua = UserAgent.parse(COMMUNICATOR_2007_R2);
        assertEquals(v("3.5.6890.0"), ua.version("OC"));
        assertEquals(List.of("Microsoft Office Communicator 2007 R2"), ua.comments());

        ua = UserAgent.parse(COMMUNICATOR_2007);
        assertEquals(v("2.0.6362.0"), ua.version("UCCP"));
        assertEquals(v("2.0.6362.0"), ua.version("OC"));
        assertEquals(Optional.empty(), ua.version("UCCAPI"));

        // §3.4.1.5.1: products only, no comment
        ua = UserAgent.parse("UCCAPI/3.5.6889.0 OC/3.5.6889.0");
        assertEquals(v("3.5.6889.0"), ua.version("OC"));
        assertEquals(List.of(), ua.comments());
    }

    @Test
    public void productTokensMatchCaseInsensitively() {
        assertEquals(v("4.0.7577.0"), UserAgent.parse(COMMUNICATOR_2010).version("oc"));
    }

    @Test
    public void aBuildNumberUnderFourDigitsIsNoVersion() {
        UserAgent ua = UserAgent.parse("OC/3.5.689.0");
        assertEquals(List.of(new Product("OC", "3.5.689.0")), ua.products());
        assertEquals(Optional.empty(), ua.version("OC"));
        assertEquals(Optional.empty(), UserAgent.parse("UCCAPI/3.5.689.0 OC/3.5.689.0").version("UCCAPI"));
    }

    @Test
    public void otherClientsAreReadButHaveNoMicrosoftVersion() {
        UserAgent ua = UserAgent.parse("Linphone/3.6.1 (belle-sip/1.2.4)");
        assertEquals(List.of(new Product("Linphone", "3.6.1")), ua.products());
        assertEquals(List.of("belle-sip/1.2.4"), ua.comments());
        assertEquals(Optional.empty(), ua.version("Linphone"));
        assertEquals(List.of(new Product("PolycomVVX", null)), UserAgent.parse("PolycomVVX").products());
    }

    @Test
    public void followsTheRfc3261Grammar() {
        // SLASH = SWS "/" SWS; LPAREN = SWS "(" SWS; tabs are LWS; nested comments and quoted-pairs
        UserAgent ua = UserAgent.parse("OC / 4.0.7577.0\tUCCAPI/4.0.7577.0(a (nested) \\) comment)X");
        assertEquals(List.of(new Product("OC", "4.0.7577.0"), new Product("UCCAPI", "4.0.7577.0"),
                new Product("X", null)), ua.products());
        assertEquals(List.of("a (nested) \\) comment"), ua.comments());
    }

    @Test
    public void theFirstProductOfAName() {
        assertEquals(v("4.0.7577.0"), UserAgent.parse("OC/4.0.7577.0 OC/3.5.6890.0").version("OC"));
    }

    @Test
    public void garbageIsSkippedNeverThrown() {
        assertEquals(List.of(), UserAgent.parse(null).products());
        assertEquals(List.of(), UserAgent.parse("").products());
        assertEquals(List.of(), UserAgent.parse("   ").products());
        // a server-val that breaks the grammar is skipped up to the next whitespace
        UserAgent ua = UserAgent.parse("OC/4.0.7577.0;x=y <junk> / ) UCCAPI/3.5.6890.0 @@");
        assertEquals(List.of(new Product("UCCAPI", "3.5.6890.0")), ua.products());
        assertEquals(Optional.empty(), ua.version("OC"));
        assertEquals(List.of(), UserAgent.parse("OC/").products());
        assertEquals(List.of(), UserAgent.parse("/4.0.7577.0").products());
        assertEquals(List.of(), UserAgent.parse("\"OC/4.0.7577.0\"").products());
        // an unterminated comment ends the list
        ua = UserAgent.parse("UCCAPI/4.0.7577.0 (never closed OC/4.0.7577.0");
        assertEquals(List.of(new Product("UCCAPI", "4.0.7577.0")), ua.products());
        assertEquals(List.of(), ua.comments());
        assertEquals(List.of(), UserAgent.parse("(\\").comments());
    }

    @Test
    public void lengthIsBounded() {
        String padding = " x".repeat((UserAgent.MAX_LENGTH - COMMUNICATOR_2010.length()) / 2);
        assertEquals(v("4.0.7577.0"), UserAgent.parse(COMMUNICATOR_2010 + padding).version("OC"));
        assertEquals(Optional.empty(), UserAgent.parse(COMMUNICATOR_2010 + padding + "xx").version("OC"));
        assertEquals(List.of(), UserAgent.parse("(".repeat(100_000)).comments());
    }
}
