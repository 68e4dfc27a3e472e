package org.ucfront.sip;

import java.util.Properties;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.sip.flood.OverloadValve;

/**
 * The SIP stack ucfront runs on, the same in the embedded server (launcher.SipRuntime) and the
 * standalone server (server.SipStackSettings): its limits and ucfront's extensions of it (flood
 * valves, strict parser, connection-limited network layer, connection watcher) and its server
 * transaction cap (ucfront.sip.max.server.transactions, else sized from the heap). TLS properties
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
        // jain-sip gives its UDP socket an 8 KB receive buffer (about 12 REGISTERs): any pause of the
        // receiving thread longer than a few ms under load dropped datagrams, each a retransmission
        // 500 ms later (RFC 3261 T1). The kernel caps the size asked at net.core.rmem_max / wmem_max.
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_RECEIVE_BUFFER));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_SEND_BUFFER));
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        // terminated and completed transactions keep their messages encoded, not parsed
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
        // the stack drops new requests at random from 80% of its cap: OverloadValve answers 503 from
        // there, so the transactions admitted are those 80%
        int configured = UcfrontConfig.current().maxServerTransactions;
        int admitted = configured > 0 ? configured : serverTransactionCap(Runtime.getRuntime().maxMemory());
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Long.toString(admitted * 5L / 4));
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
        p.setProperty(OverloadValve.MAX_QUEUE_DELAY_MS, Integer.toString(UcfrontConfig.current().maxQueueDelayMillis));
        // Answers go back where the request came from (RFC 3581 rport, added when the client did not
        // ask): over TCP on the request's own connection (RFC 3261 §18.2.2), over UDP to the source
        // port. Without it the stack connects (or resolves names) to whatever host the Via names
        p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true");
        // overload answered 503 (OverloadValve), floods refused per source and user, requests the parser let through but RFC 3261
        // refuses (wrong version, duplicated single headers), and requests not for this server
        // (which the container would relay), before any transaction
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE",
                "org.ucfront.sip.flood.OverloadValve,org.ucfront.sip.flood.FloodValve,org.ucfront.sip.RequestFramingValve,org.ucfront.sip.RequestUriValve");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", "org.ucfront.sip.StrictMessageParserFactory");
        // TCP connections limited per source and closed when silent
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", "org.ucfront.sip.flood.ConnectionLimitedNetworkLayer");
        // TCP closes reported so that the bindings registered over them can be removed
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                "org.ucfront.sip.ConnectionWatchingProcessorFactory");
        p.setProperty("org.mobicents.servlet.sip.SERVER_HEADER", "RTC/4.0");
        return p;
    }

    /**
     * Live server transactions admitted in a heap of {@code maxHeap} bytes. UDP server transactions
     * live 32 s after their answer (RFC 3261 Timer J) and a Digest registration makes two, so this
     * bounds the sustained UDP rate at cap / 64 registrations/s (about 930/s with -Xmx512m, of which the
     * parallel collector reports 455 MB as the maximum: one survivor space is left out). An answered
     * transaction keeps about 3.2 KB (AnsweredRequests; class histogram of 6,000 transactions),
     * counted as {@link #BYTES_PER_SERVER_TRANSACTION}; 1/{@link #TRANSACTION_HEAP_SHARE} of the
     * heap is theirs, the rest is the endpoints' (100,000 take 167 MB) and the container's.
     */
    static int serverTransactionCap(long maxHeap) {
        long cap = maxHeap / TRANSACTION_HEAP_SHARE / BYTES_PER_SERVER_TRANSACTION;
        return (int) Math.max(MIN_SERVER_TRANSACTIONS, Math.min(cap, MAX_SERVER_TRANSACTIONS));
    }

    /**
     * The UDP socket's buffers: about 850 REGISTERs, so that the longest collector pause measured
     * (417 ms, docs/benchmarks.md) at 2,000 requests/s loses none, while a request queued behind a
     * full buffer still waits less than T1 (a larger one would let sustained overload queue for
     * seconds, to be answered after the client's retransmissions; not measured).
     */
    static final int UDP_RECEIVE_BUFFER = 512 * 1024;
    static final int UDP_SEND_BUFFER = 512 * 1024;

    static final long BYTES_PER_SERVER_TRANSACTION = 4_000;
    static final int TRANSACTION_HEAP_SHARE = 2;
    static final int MIN_SERVER_TRANSACTIONS = 10_000; // the stack's own default
    static final int MAX_SERVER_TRANSACTIONS = 1_000_000;
}
