package org.ucfront.sip.stack;

import gov.nist.core.ParserCore;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps JAIN SIP's parser debug indentation from costing CPU. {@code ParserCore.dbg_enter} and
 * {@code dbg_leave} build a string of {@code nesting_level} characters before they look at the
 * debug flag, and some parsers (From, To, Contact: {@code AddressParametersParser}) call them on
 * every header. The level is one static int that every parsing thread increments and decrements
 * without synchronisation, so lost updates make it wander; under load it climbed until those two
 * methods took 9 % of the server's CPU for new registrations and 15 % a minute later (async-profiler,
 * docs/benchmarks.md, session 10). The level is read only by that indentation loop: started far
 * below zero, the loop never runs and the wandering (of the order of the square root of the lost
 * updates) cannot bring it back above zero.
 */
public final class ParserNesting {

    private static final Logger LOG = Logger.getLogger(ParserNesting.class.getName());
    /** ParserCore's field (jain-sip-ri 1.3); package-private, not final. */
    static final String FIELD = "nesting_level";
    static final int START = Integer.MIN_VALUE / 2;

    private ParserNesting() {
    }

    /** Sets the level far below zero; idempotent, and harmless if the field is not there. */
    public static void disarm() {
        try {
            Field level = ParserCore.class.getDeclaredField(FIELD);
            level.setAccessible(true);
            level.setInt(null, START);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "JAIN SIP's parser nesting level was not set: its debug indentation stays", e);
        }
    }

    /** The level now, for the tests. */
    static int level() throws ReflectiveOperationException {
        Field level = ParserCore.class.getDeclaredField(FIELD);
        level.setAccessible(true);
        return level.getInt(null);
    }
}
