package org.ucfront.voicemail.model;

import java.util.Set;
import java.util.stream.Collectors;

/** The INVITE dialog that carries user notifications to a UM server (MS-EUMR §2.2.4, §2.2.5). */
public final class NotificationSession {

    /** §2.2.4.1: the From of the notification INVITE. */
    public static final String FROM = "<sip:A410AA79-D874-4e56-9B46-709BDD0EB850>";
    public static final String SDP_TYPE = "application/sdp";
    /** §2.2.4.3: the offer (RFC 2327 fields; the m-line and attributes are the protocol's). */
    public static final String OFFER_MEDIA = "m=application 9 SIP *";
    public static final String SENDONLY = "a=sendonly";
    public static final String RECVONLY = "a=recvonly";
    public static final String ACCEPT_TYPES = "a=accept-types:" + UserNotification.CONTENT_TYPE;
    public static final String EVENT_TEMPLATES = "a=ms-rtc-accept-eventtemplates:" + UserNotification.TEMPLATE;

    private NotificationSession() {
    }

    /** §2.2.4.3: the SDP offer, with the origin and connection of this server. */
    public static String offer(String address, long sessionId) {
        return "v=0\r\n"
                + "o=- " + sessionId + " 0 IN IP4 " + address + "\r\n"
                + "s=session\r\n"
                + "c=IN IP4 " + address + "\r\n"
                + "t=0 0\r\n"
                + OFFER_MEDIA + "\r\n"
                + SENDONLY + "\r\n"
                + ACCEPT_TYPES + "\r\n";
    }

    /** §2.2.5: the answer has the application m-line, recvonly, accept-types and RtcDefault. */
    public static boolean answerAccepted(String sdp) {
        if (sdp == null) {
            return false;
        }
        Set<String> lines = sdp.lines().map(String::strip).collect(Collectors.toSet());
        return lines.contains(OFFER_MEDIA) && lines.contains(RECVONLY) && lines.contains(ACCEPT_TYPES)
                && lines.contains(EVENT_TEMPLATES);
    }
}
