package org.ucfront.sip;

import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.message.Request;

/**
 * The answer a valve gives a request it stops, before any transaction exists: sent statelessly to
 * where the request came from, with ms-diagnostics-public saying why. An ACK is never answered
 * (RFC 3261 §17.2.3); a request too broken to answer is dropped.
 */
public final class ValveAnswer {

    private static final Logger LOG = Logger.getLogger(ValveAnswer.class.getName());

    private ValveAnswer() {
    }

    public static void refuse(SIPRequest request, MessageChannel channel, int status, int errorId, String reason) {
        answer(request, channel, status, errorId, reason, -1);
    }

    /** 503 with Retry-After (RFC 3261 §21.5.4): when to come back. */
    public static void unavailable(SIPRequest request, MessageChannel channel, int retryAfterSeconds, int errorId,
            String reason) {
        answer(request, channel, SIPResponse.SERVICE_UNAVAILABLE, errorId, reason, retryAfterSeconds);
    }

    private static void answer(SIPRequest request, MessageChannel channel, int status, int errorId, String reason,
            int retryAfterSeconds) {
        if (Request.ACK.equals(request.getMethod())) {
            return;
        }
        try {
            SIPResponse r = request.createResponse(status);
            if (retryAfterSeconds >= 0) {
                RetryAfter header = new RetryAfter();
                header.setRetryAfter(retryAfterSeconds);
                r.setHeader(header);
            }
            r.addHeader(MsDiagnostics.HEADER + ": " + MsDiagnostics.value(errorId, reason));
            send(r, channel);
        } catch (Exception e) {
            LOG.log(Level.FINE, "a " + status + " from a valve not sent", e);
        }
    }

    /** Over UDP to the packet's source, since no transaction knows the Via's. */
    public static void send(SIPResponse r, MessageChannel channel) throws IOException {
        if (channel.isReliable()) {
            channel.sendMessage(r);
        } else {
            channel.sendMessage(r, channel.getPeerPacketSourceAddress(), channel.getPeerPacketSourcePort());
        }
    }
}
