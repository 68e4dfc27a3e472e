package org.ucfront.registrar.servlet;

import gov.nist.javax.sip.stack.HopImpl;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import javax.servlet.sip.Address;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.mobicents.servlet.sip.core.session.MobicentsSipApplicationSession;
import org.mobicents.servlet.sip.message.SipFactoryImpl;
import org.mobicents.servlet.sip.message.SipServletRequestImpl;
import org.ucfront.registrar.model.Binding;
import org.ucfront.management.ServerMetrics;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.model.RegistrationEvent;
import org.ucfront.security.sipae.SipaeAuthenticator;
import org.ucfront.sip.MsDiagnostics;
import org.ucfront.sip.SipHeaders;
import org.ucfront.sip.SipParams;

/**
 * Sends the deregister and survivable-mode NOTIFY (§2.2.1.11–13, §3.2.2.4.1) to one endpoint,
 * inside its REGISTER dialog: the REGISTER's Call-ID, From = the AOR with the registrar's To-tag,
 * To = the client's From (tag and epid), the registrar's own CSeq, sent to the registered Contact
 * over the connection the endpoint registered on.
 */
public final class DeregisterNotifier {

    private static final Logger LOG = Logger.getLogger(DeregisterNotifier.class.getName());
    static final String NOTIFY = "NOTIFY";

    private final SipFactory factory;
    private final String handler;
    private final SipaeAuthenticator sipae;

    /** @param sipae signs the NOTIFY on the endpoint's security association (MS-SIPAE §3.3.5.3); may be null */
    DeregisterNotifier(SipFactory factory, String handlerServletName, SipaeAuthenticator sipae) {
        this.factory = factory;
        this.handler = handlerServletName;
        this.sipae = sipae;
    }

    /** The notifier of the running application, for the admin interfaces. */
    public static DeregisterNotifier of(javax.servlet.ServletContext context) throws ServletException {
        Object n = context.getAttribute(DeregisterNotifier.class.getName());
        if (n == null) {
            throw new ServletException("the registrar servlet has not started");
        }
        return (DeregisterNotifier) n;
    }

    /** NOTIFY with a terminated subscription (every event but survivable mode). */
    public void deregister(Endpoint endpoint, RegistrationEvent event) {
        send(endpoint, event, null, 0);
    }

    /**
     * @param preferredRegistrar the new registrar for preferred-registrar-change, else null
     * @param secondsLeft        the registration's remaining time for survivable mode
     */
    public void send(Endpoint endpoint, RegistrationEvent event, String preferredRegistrar, int secondsLeft) {
        Binding b = endpoint.binding();
        if (b == null) {
            return; // not routable: nobody to tell
        }
        SipApplicationSession session = factory.createApplicationSession();
        try {
            SipFactoryImpl impl = (SipFactoryImpl) ((MobicentsSipApplicationSession) session).getSipContext()
                    .getSipApplicationDispatcher().getSipFactory();
            Address aor = factory.createAddress("<sip:" + endpoint.aor() + ">");
            // the container keys sessions on Call-ID and From tag, so both are set at creation
            SipServletRequest notify = impl.createRequest(session, NOTIFY, aor, (Address) aor.clone(), handler,
                    b.callId(), b.registrarTag());
            notify.setRequestURI(factory.createURI(b.contact()));
            Request raw = (Request) ((SipServletRequestImpl) notify).getMessage();
            ToHeader to = (ToHeader) raw.getHeader(ToHeader.NAME);
            if (b.clientTag() != null) {
                to.setTag(b.clientTag());
            }
            if (endpoint.epid() != null) {
                to.setParameter(SipParams.EPID, endpoint.epid());
            }
            ((CSeqHeader) raw.getHeader(CSeqHeader.NAME)).setSeqNumber(Math.max(1, endpoint.notifyCseq()));
            notify.setHeader(SipHeaders.EVENT, RegistrationEvent.EVENT_TYPE);
            notify.setHeader(SipHeaders.SUBSCRIPTION_STATE, event.subscriptionState(secondsLeft));
            notify.setHeader(MsDiagnostics.HEADER, event.diagnostics());
            if (preferredRegistrar != null && event.needsPreferredRegistrar()) {
                notify.setHeader(SipHeaders.P_PREFERRED_REGISTRAR, "<" + preferredRegistrar + ">");
            }
            notify.setContent(event.body().getBytes(StandardCharsets.UTF_8), RegistrationEvent.CONTENT_TYPE);
            if (sipae != null) {
                sipae.sign(notify, endpoint.epid(), endpoint.aor());
            }
            ((SipServletRequestImpl) notify).send(new HopImpl(b.remoteAddr(), b.remotePort(),
                    b.transport().toUpperCase(Locale.ROOT)));
            ServerMetrics.DEREGISTER_NOTIFICATIONS.inc(event.name());
            LOG.info(() -> "NOTIFY " + event.body() + " sent to " + endpoint.aor() + " endpoint " + endpoint.key());
        } catch (Exception e) {
            session.invalidate();
            LOG.log(Level.WARNING, "NOTIFY " + event.body() + " to " + endpoint.aor() + " endpoint "
                    + endpoint.key() + " could not be sent: " + e, e);
        }
    }

}
