package org.ucfront.sip;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** RFC 4475's messages, back to back on one stream as a client pipelines them, cut apart again. */
public class StreamFramingTest {

    private static final int LIMIT = 65536; // SipStackProperties' gov.nist.javax.sip.MAX_MESSAGE_SIZE
    private static final byte[] PING = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] rfc4475(String name) throws IOException {
        try (InputStream in = StreamFramingTest.class.getResourceAsStream("/rfc4475/" + name + ".dat")) {
            return in.readAllBytes();
        }
    }

    /** Everything {@code stream} holds, fed {@code chunk} bytes at a time. */
    private static List<StreamFraming.Unit> units(byte[] stream, int chunk) throws StreamFraming.TooLarge {
        StreamFraming framing = new StreamFraming(LIMIT);
        InputStream in = new Chunked(stream, chunk);
        List<StreamFraming.Unit> units = new ArrayList<>();
        try {
            while (framing.readFrom(in) != -1) {
                for (StreamFraming.Unit u; (u = framing.next()) != null;) {
                    units.add(u);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return units;
    }

    /** A connection that delivers at most {@code chunk} bytes per read, as TCP segments do. */
    private static final class Chunked extends ByteArrayInputStream {
        private final int chunk;

        Chunked(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void assertMessage(byte[] expected, String callId, StreamFraming.Unit unit) {
        StreamFraming.Message m = (StreamFraming.Message) unit;
        assertArrayEquals(expected, concat(m.head(), m.body()));
        assertEquals(callId, m.callId());
    }

    @Test
    public void pipelinedMessagesAreCutWhereTheirContentLengthSaysInAnyChunking() throws Exception {
        byte[] wsinv = rfc4475("wsinv"); // folded lines, an SDP body of 150 bytes
        byte[] mpart01 = rfc4475("mpart01"); // a multipart body with CRLFs of its own
        byte[] longreq = rfc4475("longreq"); // a header section of 3,365 bytes
        byte[] esc01 = rfc4475("esc01"); // compact Call-ID (i:)
        byte[] intmeth = rfc4475("intmeth"); // no body
        byte[] stream = concat(wsinv, mpart01, PING, longreq, esc01, intmeth);
        for (int chunk : new int[] {1, 2, 7, 100, 1460, 8192, stream.length}) {
            List<StreamFraming.Unit> units = units(stream, chunk);
            assertEquals("chunks of " + chunk, 7, units.size());
            assertMessage(wsinv, "wsinv.ndaksdj@192.0.2.1", units.get(0));
            assertMessage(mpart01, "3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..", units.get(1));
            assertEquals(StreamFraming.Keepalive.PONG, units.get(2)); // the first CRLF of the ping
            assertEquals(StreamFraming.Keepalive.PING, units.get(3));
            assertMessage(longreq, "longreq.onereallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreally"
                    + "reallyreallyreallyreallyreallyreallyreallyreallylongcallid", units.get(4));
            assertMessage(esc01, "esc01.239409asdfakjkn23onasd0-3234", units.get(5));
            assertMessage(intmeth, "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", units.get(6));
        }
    }

    @Test
    public void aMessageLargerThanTheFirstBufferIsFramedWholeAndTheNextAfterIt() throws Exception {
        byte[] big = ("MESSAGE sip:a@b SIP/2.0\r\nCall-ID: big\r\nContent-Length: 20000\r\n\r\n" + "z".repeat(20_000))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] intmeth = rfc4475("intmeth");
        for (int chunk : new int[] {1000, 65536}) {
            List<StreamFraming.Unit> units = units(concat(big, intmeth, big), chunk);
            assertEquals(3, units.size());
            assertMessage(big, "big", units.get(0));
            assertMessage(intmeth, "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", units.get(1));
            assertMessage(big, "big", units.get(2));
        }
    }

    @Test
    public void aSingleCrlfBetweenMessagesIsAPong() throws Exception {
        byte[] intmeth = rfc4475("intmeth");
        List<StreamFraming.Unit> units = units(concat(intmeth, "\r\n".getBytes(StandardCharsets.US_ASCII), intmeth), 3);
        assertEquals(3, units.size());
        assertEquals(StreamFraming.Keepalive.PONG, units.get(1));
        assertMessage(intmeth, "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", units.get(2));
    }

    @Test
    public void bareLfLineEndsAndCompactNamesFrameToo() throws Exception {
        byte[] bare = "\nMESSAGE sip:a@b SIP/2.0\nL :3\nI:\t c1 \n\nxyzOPTIONS".getBytes(StandardCharsets.US_ASCII);
        List<StreamFraming.Unit> units = units(bare, 5);
        assertEquals(1, units.size()); // the OPTIONS after it is not complete
        StreamFraming.Message m = (StreamFraming.Message) units.get(0);
        assertEquals("xyz", new String(m.body(), StandardCharsets.US_ASCII));
        assertEquals("c1", m.callId());
    }

    @Test
    public void aContentLengthThatIsNoNumberFramesNoBodyForTheParserToRefuse() throws Exception {
        byte[] ncl = rfc4475("ncl"); // Content-Length: -999
        StreamFraming.Message m = (StreamFraming.Message) units(ncl, 64).get(0);
        assertEquals(0, m.body().length);
        assertEquals("ncl.0ha0isndaksdj2193423r542w35", m.callId());
    }

    @Test
    public void aMessageWithoutCallIdIsOrderedUnderTheEmptyOne() throws Exception {
        byte[] noCallId = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("", ((StreamFraming.Message) units(noCallId, 10).get(0)).callId());
    }

    @Test
    public void aHeaderSectionOverHalfTheLimitIsTooLargeBeforeItEnds() {
        byte[] head = ("OPTIONS sip:a@b SIP/2.0\r\nX-Padding: " + "a".repeat(LIMIT / 2)).getBytes(StandardCharsets.US_ASCII);
        assertThrows(StreamFraming.TooLarge.class, () -> units(head, 1460));
    }

    @Test
    public void aBodyOverTheLimitIsTooLargeBeforeItIsRead() {
        for (String length : new String[] {Integer.toString(LIMIT + 1), "99999999999999999999"}) {
            byte[] head = ("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            assertThrows(length, StreamFraming.TooLarge.class, () -> units(head, head.length));
        }
    }

    @Test
    public void nothingIsFramedUntilTheBodyIsComplete() throws Exception {
        byte[] wsinv = rfc4475("wsinv");
        StreamFraming framing = new StreamFraming(LIMIT);
        InputStream in = new Chunked(wsinv, wsinv.length - 1);
        assertEquals(wsinv.length - 1, framing.readFrom(in));
        assertNull(framing.next());
        assertEquals(1, framing.readFrom(in));
        assertMessage(wsinv, "wsinv.ndaksdj@192.0.2.1", framing.next());
        assertNull(framing.next());
        assertEquals(-1, framing.readFrom(in));
    }
}
