package org.ucfront.voicemail.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One user notification (MS-EUMR §2.2.3, Appendix A): the body of an INFO to Exchange UM.
 * Optional fields are null when absent; they are written exactly when present.
 */
public record UserNotification(String user, String eumProxyAddress, Instant time, EventType type, String callId,
        String from, String subject, String priority, String conversationId, String referredBy, String target,
        TargetClass targetClass, String answeredBy, MissedReason missedReason) {

    /** §2.2.3: the INFO's Content-Type. */
    public static final String CONTENT_TYPE = "application/ms-rtc-usernotification+xml";
    /** §2.2.3.1: the only template. */
    public static final String TEMPLATE = "RtcDefault";
    /** §4.1: "2006-05-12 01:33:32Z". */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** §2.2.3.3 event-type-attribute-type. */
    public enum EventType {
        MISSED("missed"), ANSWERED("answered"), FORBIDDEN("forbidden");

        public final String value;

        EventType(String value) {
            this.value = value;
        }
    }

    /** Appendix A target-class-type. */
    public enum TargetClass {
        PRIMARY("primary"), SECONDARY("secondary");

        public final String value;

        TargetClass(String value) {
            this.value = value;
        }
    }

    /** Appendix A missed-reason-type (§3.2.4.1.1). */
    public enum MissedReason {
        CALLER_RELEASED("CallerReleased"), DECLINED("Declined");

        public final String value;

        MissedReason(String value) {
            this.value = value;
        }
    }

    /** The INVITE headers §2.2.3.2 copies into the event. */
    public record CallHeaders(String callId, String from, String subject, String priority, String conversationId,
            String referredBy) {
    }

    public static UserNotification missed(String user, String eum, Instant time, CallHeaders h, MissedReason reason) {
        return new UserNotification(user, eum, time, EventType.MISSED, h.callId(), h.from(), h.subject(), h.priority(),
                h.conversationId(), h.referredBy(), null, null, null, reason);
    }

    public static UserNotification answered(String user, String eum, Instant time, CallHeaders h, String target,
            TargetClass targetClass, String answeredBy) {
        return new UserNotification(user, eum, time, EventType.ANSWERED, h.callId(), h.from(), h.subject(),
                h.priority(), h.conversationId(), h.referredBy(), target, targetClass, answeredBy, null);
    }

    public static UserNotification forbidden(String user, String eum, Instant time, CallHeaders h, String target,
            TargetClass targetClass) {
        return new UserNotification(user, eum, time, EventType.FORBIDDEN, h.callId(), h.from(), h.subject(),
                h.priority(), h.conversationId(), h.referredBy(), target, targetClass, null, null);
    }

    /** The document in the element order of Appendix A, UTF-8, every value escaped. */
    public String toXml() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<UserNotification>");
        element(b, "User", user);
        element(b, "EumProxyAddress", eumProxyAddress);
        element(b, "Time", TIME.format(time));
        element(b, "Template", TEMPLATE);
        b.append("<Event type=\"").append(type.value).append("\">");
        element(b, "CallId", callId);
        element(b, "From", from);
        element(b, "Subject", subject);
        element(b, "Priority", priority);
        element(b, "ConversationID", conversationId);
        element(b, "ReferredBy", referredBy);
        element(b, "Target", target);
        element(b, "TargetClass", targetClass == null ? null : targetClass.value);
        element(b, "AnsweredBy", answeredBy);
        element(b, "MissedReason", missedReason == null ? null : missedReason.value);
        return b.append("</Event></UserNotification>").toString();
    }

    private static void element(StringBuilder b, String name, String value) {
        if (value == null) {
            return;
        }
        b.append('<').append(name).append('>');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot carry at all are dropped, not escaped
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        b.append("</").append(name).append('>');
    }
}
