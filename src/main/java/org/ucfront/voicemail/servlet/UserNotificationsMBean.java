package org.ucfront.voicemail.servlet;

/** JMX {@code org.ucfront:type=UserNotifications}: MS-EUMR §3.2 notifications sent and lost. */
public interface UserNotificationsMBean {

    /** INFOs a UM server accepted. */
    long getSent();

    /** Notifications no UM server took, or refused INFOs: each is also logged as a warning. */
    long getFailed();

    long getDialogsOpened();

    int getOpenDialogs();
}
