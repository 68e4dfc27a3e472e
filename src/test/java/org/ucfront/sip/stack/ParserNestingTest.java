package org.ucfront.sip.stack;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import gov.nist.javax.sip.parser.FromParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Test;

public class ParserNestingTest {

    /** MS-SIPREGE §4.1.1's From line. */
    private static final String FROM = "From: <sip:alice@fabrikam.com>;tag=2d0be03279;epid=492a7ce35f\n";

    @Test
    public void aFromHeaderIsParsedAtTheDisarmedLevelAndLeavesIt() throws Exception {
        ParserNesting.disarm();
        assertEquals(ParserNesting.START, ParserNesting.level());
        new FromParser(FROM).parse();
        assertEquals("dbg_enter and dbg_leave are balanced on one thread", ParserNesting.START, ParserNesting.level());
    }

    @Test
    public void concurrentParsingCannotBringTheLevelAboveZero() throws Exception {
        ParserNesting.disarm();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> parsing = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                parsing.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        new FromParser(FROM).parse();
                    }
                    return null;
                }));
            }
            for (Future<?> f : parsing) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // lost updates move it by at most one per parse; 160,000 parses cannot cross half the int range
        assertTrue("level " + ParserNesting.level(), ParserNesting.level() < ParserNesting.START / 2);
    }

    @Test
    public void ucfrontsStackDisarmsItWhenItIsMade() throws Exception {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "parser-nesting-test");
        org.ucfront.sip.stack.javax.sip.SipStackImpl stack = null;
        try {
            setLevel(0);
            stack = new org.ucfront.sip.stack.javax.sip.SipStackImpl(p);
            assertEquals(ParserNesting.START, ParserNesting.level());
        } finally {
            if (stack != null) {
                stack.stop();
            }
        }
    }

    private static void setLevel(int value) throws ReflectiveOperationException {
        java.lang.reflect.Field f = gov.nist.core.ParserCore.class.getDeclaredField(ParserNesting.FIELD);
        f.setAccessible(true);
        f.setInt(null, value);
    }
}
