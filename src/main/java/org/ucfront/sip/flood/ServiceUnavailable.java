package org.ucfront.sip.flood;

import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import java.io.IOException;
import javax.sip.InvalidArgumentException;
import org.ucfront.sip.MsDiagnostics;
import org.ucfront.sip.RequestFramingValve;

/**
 * The 503 a valve answers with before any transaction exists (RFC 3261 §21.5.4): Retry-After says
 * when to come back, ms-diagnostics-public why.
 */
final class ServiceUnavailable {

    private ServiceUnavailable() {
    }

    static void send(SIPRequest request, MessageChannel channel, int retryAfterSeconds, int errorId, String reason)
            throws IOException, InvalidArgumentException {
        SIPResponse r = request.createResponse(SIPResponse.SERVICE_UNAVAILABLE);
        RetryAfter header = new RetryAfter();
        header.setRetryAfter(retryAfterSeconds);
        r.setHeader(header);
        r.addHeader(MsDiagnostics.HEADER + ": " + MsDiagnostics.value(errorId, reason));
        RequestFramingValve.send(r, channel);
    }
}
