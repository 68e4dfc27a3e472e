package org.ucfront.routing.servlet;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.TimerListener;
import org.ucfront.voicemail.servlet.UserNotifications;

/** The application's timer listener (JSR 289 allows one): ring, UM server and inactivity timers. */
public class CallTimers implements TimerListener {

    private static final Logger LOG = Logger.getLogger(CallTimers.class.getName());

    @Override
    public void timeout(ServletTimer timer) {
        try {
            SipApplicationSession session = timer.getApplicationSession();
            if (!session.isValid()) {
                return;
            }
            CallRouter.TimerKind kind = (CallRouter.TimerKind) timer.getInfo();
            if (kind == CallRouter.TimerKind.NOTIFICATION_INACTIVITY) {
                UserNotifications.inactive(session);
                return;
            }
            Call call = (Call) session.getAttribute(Legs.CALL);
            if (call != null) {
                call.timeout(timer, kind);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "timer " + timer.getInfo() + " failed", e);
        }
    }
}
