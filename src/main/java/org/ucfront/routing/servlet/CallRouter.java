package org.ucfront.routing.servlet;

import java.io.Serializable;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.TimerService;
import org.ucfront.directory.service.UserService;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.routing.persistence.CallSettingsStore;
import org.ucfront.voicemail.persistence.DialPlanStore;
import org.ucfront.voicemail.servlet.UserNotifications;

/** What the calls of the running application share: container facilities, services, settings. */
public record CallRouter(String servletName, SipFactory factory, TimerService timers, UcfrontConfig config,
        BindingRegistry registry, UserService users, CallSettingsStore settings, DialPlanStore dialPlans,
        UserNotifications notifications, String mrasUri, LegSigner signer) {

    /** A timer's purpose, kept in the ServletTimer's info. */
    public enum TimerKind implements Serializable {
        /** The user's ring time before voicemail. */
        RING,
        /** MS-EUMR §3.1.2 Unified Messaging server timer. */
        UM_SERVER,
        /** MS-EUMR §3.2.2 User Notification Inactivity timer. */
        NOTIFICATION_INACTIVITY
    }

    public javax.servlet.sip.ServletTimer timer(SipApplicationSession session, long delayMs, TimerKind kind) {
        return timers.createTimer(session, delayMs, false, kind);
    }
}
