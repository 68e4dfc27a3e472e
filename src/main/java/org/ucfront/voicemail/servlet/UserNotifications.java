package org.ucfront.voicemail.servlet;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.TimerService;
import org.ucfront.management.ServerMetrics;
import org.ucfront.routing.servlet.Legs;
import org.ucfront.voicemail.model.DialPlan;
import org.ucfront.voicemail.model.NotificationSession;
import org.ucfront.voicemail.model.UmServer;
import org.ucfront.voicemail.model.UserNotification;
import org.ucfront.voicemail.persistence.DialPlanStore;
import org.ucfront.sip.Tokens;

/**
 * Call notifications to Exchange UM (MS-EUMR §3.2): one INVITE dialog per UM server, opened on the
 * first event for a user of its dial plan (§3.2.3), reused while alive, closed with BYE when the
 * User Notification Inactivity timer expires (§3.2.6); each event one INFO. A server that is down
 * or refuses the dialog is replaced by the next of the dial plan; a notification no server takes
 * is logged and counted, never dropped silently.
 */
public final class UserNotifications implements UserNotificationsMBean {

    private static final Logger LOG = Logger.getLogger(UserNotifications.class.getName());
    /** The timer info of the inactivity timer (CallTimers dispatches on it). */
    private final Serializable inactivityInfo;
    private static volatile UserNotifications current;

    private final SipFactory factory;
    private final TimerService timers;
    private final String handler;
    private final DialPlanStore dialPlans;
    private final long inactivityMs;
    private final String localAddress;
    /** UM server FQDN → its notification dialog (open or opening). */
    private final Map<String, Dialog> dialogs = new HashMap<>();
    private final Map<String, Dialog> bySession = new HashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dialogsOpened = new AtomicLong();

    private static final class Dialog {
        final UmServer server;
        final Deque<UmServer> remaining;
        final SipApplicationSession app;
        final List<UserNotification> queue = new ArrayList<>();
        SipSession session;
        boolean established;
        ServletTimer inactivity;

        Dialog(UmServer server, Deque<UmServer> remaining, SipApplicationSession app) {
            this.server = server;
            this.remaining = remaining;
            this.app = app;
        }
    }

    public UserNotifications(SipFactory factory, TimerService timers, String handler, DialPlanStore dialPlans,
            int inactivitySeconds, String localAddress, Serializable inactivityInfo) {
        this.factory = factory;
        this.timers = timers;
        this.handler = handler;
        this.dialPlans = dialPlans;
        this.inactivityMs = inactivitySeconds * 1000L;
        this.localAddress = localAddress;
        this.inactivityInfo = inactivityInfo;
        current = this;
    }

    /** Sends one event to a UM server of the dial plan (§3.2.4.x.1). */
    public synchronized void send(String dialPlanName, UserNotification n) {
        Optional<DialPlan> plan = dialPlans.find(dialPlanName);
        if (plan.isEmpty() || plan.get().servers().isEmpty()) {
            lost(List.of(n), "dial plan " + dialPlanName + " has no UM server");
            return;
        }
        for (UmServer s : plan.get().ordering()) { // §3.2.3: an existing dialog is reused
            Dialog d = dialogs.get(s.fqdn());
            if (d != null) {
                if (d.established) {
                    info(d, n);
                } else {
                    d.queue.add(n);
                }
                return;
            }
        }
        open(new ArrayDeque<>(plan.get().ordering()), List.of(n));
    }

    /** A response to a request of a notification dialog. */
    public synchronized void response(SipServletResponse resp) throws IOException {
        Dialog d = bySession.get(resp.getSession().getId());
        if (d == null) {
            return;
        }
        int status = resp.getStatus();
        if (status < 200) {
            return;
        }
        switch (resp.getMethod()) {
            case "INVITE" -> {
                if (status >= 300) {
                    LOG.warning("UM server " + d.server.fqdn() + " refused the notification dialog: " + status);
                    drop(d);
                    open(d.remaining, d.queue);
                    return;
                }
                resp.createAck().send();
                String sdp = body(resp);
                if (!NotificationSession.answerAccepted(sdp)) { // §2.2.5
                    LOG.warning("UM server " + d.server.fqdn() + " answered the notification dialog without the "
                            + "§2.2.5 SDP; trying the next server");
                    bye(d);
                    drop(d);
                    open(d.remaining, d.queue);
                    return;
                }
                d.established = true;
                dialogsOpened.incrementAndGet();
                List<UserNotification> queued = new ArrayList<>(d.queue);
                d.queue.clear();
                queued.forEach(n -> info(d, n));
                if (queued.isEmpty()) {
                    restartInactivity(d);
                }
            }
            case "INFO" -> {
                if (status < 300) {
                    sent.incrementAndGet();
                    ServerMetrics.USER_NOTIFICATIONS.inc("delivered");
                } else {
                    failed.incrementAndGet();
                    ServerMetrics.USER_NOTIFICATIONS.inc("refused");
                    LOG.warning("UM server " + d.server.fqdn() + " refused a notification INFO: " + status);
                    if (status == 481 || status == 408) { // the dialog is gone: the next event opens one
                        drop(d);
                    }
                }
            }
            default -> {
            }
        }
    }

    /** §3.2.6: the inactivity timer of a dialog expired: BYE, and the next event opens a new one. */
    public static void inactive(SipApplicationSession app) {
        UserNotifications n = current;
        if (n != null) {
            n.expire(app);
        }
    }

    private synchronized void expire(SipApplicationSession app) {
        for (Dialog d : new ArrayList<>(dialogs.values())) {
            if (d.app.getId().equals(app.getId())) { // the container may hand out another facade
                LOG.fine(() -> "notification dialog with " + d.server.fqdn() + " inactive: BYE");
                bye(d);
                drop(d);
            }
        }
    }

    private void open(Deque<UmServer> remaining, List<UserNotification> queue) {
        UmServer server = remaining.poll();
        if (server == null) {
            lost(queue, "no UM server of the dial plan accepted the notification dialog");
            return;
        }
        SipApplicationSession app = factory.createApplicationSession();
        app.setExpires(Math.max(2, (int) (inactivityMs / 60000) + 2));
        Dialog d = new Dialog(server, remaining, app);
        d.queue.addAll(queue);
        try {
            SipServletRequest invite = factory.createRequest(app, "INVITE",
                    factory.createAddress(NotificationSession.FROM),
                    factory.createAddress("<" + server.notificationUri() + ">"));
            invite.setRequestURI(factory.createURI(server.notificationUri())); // §2.2.4.2
            invite.setContent(NotificationSession.offer(localAddress, System.currentTimeMillis() / 1000)
                    .getBytes(StandardCharsets.US_ASCII), NotificationSession.SDP_TYPE); // §2.2.4.3
            d.session = invite.getSession();
            d.session.setHandler(handler);
            d.session.setAttribute(Legs.ROLE, Legs.NOTIFICATION);
            dialogs.put(server.fqdn(), d);
            bySession.put(d.session.getId(), d);
            Legs.send(invite, server.connectAddress(), server.connectPort(), server.connectTransport());
        } catch (IOException | javax.servlet.ServletException | IllegalStateException e) {
            LOG.log(Level.WARNING, "notification dialog to UM server " + server.fqdn() + " not opened: " + e);
            drop(d);
            open(remaining, d.queue);
        }
    }

    private void info(Dialog d, UserNotification n) {
        try {
            SipServletRequest info = d.session.createRequest("INFO");
            info.setContent(n.toXml().getBytes(StandardCharsets.UTF_8), UserNotification.CONTENT_TYPE);
            info.send();
            LOG.fine(() -> "notification " + n.type().value + " for " + n.user() + " sent to " + d.server.fqdn());
            restartInactivity(d); // §3.2.4.x.1: after each INFO
        } catch (IOException | IllegalStateException e) {
            drop(d);
            lost(List.of(n), "INFO to UM server " + d.server.fqdn() + " not sent: " + e);
        }
    }

    private void restartInactivity(Dialog d) {
        if (d.inactivity != null) {
            d.inactivity.cancel();
        }
        d.inactivity = timers.createTimer(d.app, inactivityMs, false, inactivityInfo);
    }

    private void bye(Dialog d) {
        try {
            d.session.createRequest("BYE").send();
        } catch (IOException | IllegalStateException e) {
            LOG.fine(() -> "BYE to " + d.server.fqdn() + " not sent: " + e.getMessage());
        }
    }

    private void drop(Dialog d) {
        if (d.inactivity != null) {
            d.inactivity.cancel();
        }
        dialogs.remove(d.server.fqdn(), d);
        if (d.session != null) {
            bySession.remove(d.session.getId());
        }
        if (d.app.isValid()) {
            d.app.setInvalidateWhenReady(true);
        }
    }

    private void lost(List<UserNotification> notifications, String why) {
        if (notifications.isEmpty()) {
            return;
        }
        failed.addAndGet(notifications.size());
        for (UserNotification n : notifications) {
            ServerMetrics.USER_NOTIFICATIONS.inc("lost");
            LOG.warning("notification " + n.type().value + " for " + n.user() + " (call " + Tokens.excerpt(n.callId())
                    + ") not delivered: " + why);
        }
    }

    private static String body(SipServletResponse resp) {
        try {
            byte[] b = resp.getRawContent();
            return b == null ? null : new String(b, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public long getSent() {
        return sent.get();
    }

    @Override
    public long getFailed() {
        return failed.get();
    }

    @Override
    public long getDialogsOpened() {
        return dialogsOpened.get();
    }

    @Override
    public synchronized int getOpenDialogs() {
        return (int) dialogs.values().stream().filter(d -> d.established).count();
    }
}
