package org.ucfront.sip;

import java.util.Properties;

/**
 * The SIP stack ucfront runs on, the same in the embedded server (launcher.SipRuntime) and the
 * standalone server (server.SipStackSettings): its limits and ucfront's extensions of it (flood
 * valves, strict parser, connection-limited network layer, connection watcher). TLS properties
 * are added from the {@code ucfront.tls.*} settings where a TLS connector is configured.
 */
public final class SipStackProperties {

    private SipStackProperties() {
    }

    /** The properties of the JAIN SIP stack (gov.nist SipStackImpl) both servers run on. */
    public static Properties standard() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "ucfront");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "64");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // UDP server transactions live 32 s after their answer (RFC 3261 Timer J) and a Digest
        // registration makes two: the stack's default cap (10,000) refuses new REGISTERs beyond
        // ~150 registrations/s. 25,000 (~390/s) still fits a 512 MB heap; beyond it the stack sheds
        // load (clients retransmit) instead of exhausting the heap, as 150,000 did at 500/s
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "25000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
        // Answers go back where the request came from (RFC 3581 rport, added when the client did not
        // ask): over TCP on the request's own connection (RFC 3261 §18.2.2), over UDP to the source
        // port. Without it the stack connects (or resolves names) to whatever host the Via names
        p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true");
        // floods refused per source and user, requests the parser let through but RFC 3261
        // refuses (wrong version, duplicated single headers), and requests not for this server
        // (which the container would relay), before any transaction
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE",
                "org.ucfront.sip.flood.FloodValve,org.ucfront.sip.RequestFramingValve,org.ucfront.sip.RequestUriValve");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", "org.ucfront.sip.StrictMessageParserFactory");
        // TCP connections limited per source and closed when silent
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", "org.ucfront.sip.flood.ConnectionLimitedNetworkLayer");
        // TCP closes reported so that the bindings registered over them can be removed
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                "org.ucfront.sip.ConnectionWatchingProcessorFactory");
        p.setProperty("org.mobicents.servlet.sip.SERVER_HEADER", "RTC/4.0");
        return p;
    }
}
