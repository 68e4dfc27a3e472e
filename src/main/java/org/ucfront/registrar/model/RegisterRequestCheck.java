package org.ucfront.registrar.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.ucfront.sip.OptionTags;

/**
 * The REGISTER validations of §3.1.2.5.1 (DIGEST §1 table) over values the caller has already
 * extracted. Checks run in a fixed order and the first failure wins:
 * <ol>
 * <li>Event (489/4055): about the request as a whole, so it is reported first;</li>
 * <li>endpoint identifier (400/4010): without it nothing else can be bound;</li>
 * <li>gruu-10 with msrtc-event-categories (421/2057);</li>
 * <li>presence service down without survivable-mode support (503/4164), last because it
 *     depends on server state rather than on the request.</li>
 * </ol>
 */
public final class RegisterRequestCheck {
    private RegisterRequestCheck() {
    }

    /** §2.2.1.1: the only Event value a REGISTER may carry. */
    public static final String REGISTRATION_EVENT = "registration";

    /**
     * Checks with the presence service assumed available.
     *
     * @see #check(String, SipInstance, String, Set, boolean)
     */
    public static Optional<RegisterError> check(String epid, SipInstance instance, String event,
            Set<String> supported) {
        return check(epid, instance, event, supported, true);
    }

    /**
     * @param epid      the From header's epid parameter, or null; blank counts as absent
     * @param instance  the Contact's +sip.instance, or null
     * @param event     the Event header value, or null if absent (absent is allowed, §2.2.1.1)
     * @param supported the Supported option tags; compared case-insensitively
     * @param presenceServiceAvailable §3.1.2.1 Presence-Service-Available
     */
    public static Optional<RegisterError> check(String epid, SipInstance instance, String event,
            Set<String> supported, boolean presenceServiceAvailable) {
        if (event != null && !isRegistrationEvent(event)) {
            return Optional.of(RegisterError.BAD_EVENT);
        }
        if ((epid == null || epid.isBlank()) && instance == null) {
            return Optional.of(RegisterError.MISSING_ENDPOINT_ID);
        }
        if (has(supported, OptionTags.MSRTC_EVENT_CATEGORIES) && !has(supported, OptionTags.GRUU_10)) {
            return Optional.of(RegisterError.GRUU_REQUIRED);
        }
        if (!presenceServiceAvailable && !has(supported, OptionTags.MS_USERSERVICES_STATE_NOTIFICATION)) {
            return Optional.of(RegisterError.USER_SERVICES_UNAVAILABLE);
        }
        return Optional.empty();
    }

    /**
     * RFC 3265 §7.2.1 Event = event-type *(SEMI event-param): only the event-type is compared,
     * case-insensitively and ignoring whitespace, so that {@code Registration} or
     * {@code registration;id=1} are not refused over a detail clients do not agree on.
     */
    static boolean isRegistrationEvent(String event) {
        int semi = event.indexOf(';');
        String type = (semi < 0 ? event : event.substring(0, semi)).strip();
        return type.equalsIgnoreCase(REGISTRATION_EVENT);
    }

    /** Case-insensitive membership, whatever kind of set the caller built. */
    private static boolean has(Set<String> tags, String tag) {
        if (tags == null) {
            return false;
        }
        if (tags.contains(tag)) {
            return true;
        }
        String lower = tag.toLowerCase(Locale.ROOT);
        for (String t : tags) {
            if (t != null && t.toLowerCase(Locale.ROOT).equals(lower)) {
                return true;
            }
        }
        return false;
    }
}
