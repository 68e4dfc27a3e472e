package org.ucfront.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.IOException;
import java.io.InputStream;
import org.junit.Test;

/** RFC 4475's messages as vectors for what the stack's parser does not see. */
public class RequestFramingTest {

    private static byte[] rfc4475(String name) throws IOException {
        try (InputStream in = RequestFramingTest.class.getResourceAsStream("/rfc4475/" + name + ".dat")) {
            return in.readAllBytes();
        }
    }

    @Test
    public void anUnknownSipVersionIs505() throws IOException {
        assertEquals(new RequestFraming.Problem(505, "Only SIP/2.0 is supported."), RequestFraming.check(rfc4475("badvers")));
    }

    @Test
    public void aSecondCallIdOrContentLengthIs400() throws IOException {
        assertEquals(400, RequestFraming.check(rfc4475("multi01")).status());
        assertEquals("Content-Length must appear once.", RequestFraming.check(rfc4475("mcl01")).reason());
    }

    @Test
    public void wellFormedAndFoldedRequestsAndResponsesPass() throws IOException {
        assertNull(RequestFraming.check(rfc4475("wsinv"))); // folding, compact and long forms mixed
        assertNull(RequestFraming.check(rfc4475("longreq")));
        assertNull(RequestFraming.check(rfc4475("unreason")));
        assertNull(RequestFraming.check(rfc4475("esc02"))); // C%6Fntact is not Contact, and Contact is multi-valued
    }
}
