package org.ucfront.sip;

import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.util.Set;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.ucfront.launcher.UcfrontConfig;

/**
 * Requests the container would relay by itself, answered in the stack before any transaction. The
 * container treats a request with a To tag, and INFO, UPDATE, PRACK and BYE even without one, as
 * part of a dialog; when no application session has that dialog it relays the request statelessly
 * to its Request-URI: an open relay, and connections (even DNS lookups) nobody configured.
 * <ul>
 * <li>such a request for a Request-URI host that is not this server's ({@link ServedHosts}): 404
 * (RFC 3261 §8.2.2.1);</li>
 * <li>INFO, UPDATE, PRACK or BYE outside any dialog (no To tag): 481 (§12.2.2, RFC 6086 §4.2.2,
 * RFC 3311 §5.2, RFC 3262 §3); the container would relay these too.</li>
 * </ul>
 * An ACK is never answered (§17.1.1.3); it is dropped instead.
 */
public class RequestUriValve implements SIPMessageValve {

    /** ucfront's ErrorIds (its own range, see RegisterError). */
    static final int NOT_SERVED_ERROR_ID = 60207;
    static final int NO_DIALOG_ERROR_ID = 60208;
    static final Set<String> DIALOG_ONLY_METHODS = Set.of(Request.INFO, Request.UPDATE, Request.PRACK, Request.BYE);

    private ServedHosts hosts;

    @Override
    public void init(SipStack stack) {
        hosts = new ServedHosts(ServedHosts.configuredNames(UcfrontConfig.current()));
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        boolean dialogOnly = DIALOG_ONLY_METHODS.contains(request.getMethod());
        if (request.getToTag() == null && !dialogOnly) {
            return true; // an initial request: the application answers it (or 405/501), never relays it
        }
        if (request.getRequestURI() instanceof SipUri && !hosts.serves(((SipUri) request.getRequestURI()).getHost())) {
            ValveAnswer.refuse(request, channel, Response.NOT_FOUND, NOT_SERVED_ERROR_ID, "Request-URI not served by this server.");
            return false;
        }
        if (dialogOnly && request.getToTag() == null) {
            ValveAnswer.refuse(request, channel, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, NO_DIALOG_ERROR_ID,
                    request.getMethod() + " outside a dialog.");
            return false;
        }
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
    }
}
