package org.ucfront.sip;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Option tags of the Supported and Require headers that the registrar understands. */
public final class OptionTags {
    private OptionTags() {
    }

    /** MS-SIPREGE §2.2.1.5: the UAC wants a GRUU (draft-ietf-sip-gruu-10 §6). */
    public static final String GRUU_10 = "gruu-10";
    /** MS-SIPREGE §2.2.1.5 (spelled "ad hoc list" in its ABNF; DIGEST §8 reads it as adhoclist). */
    public static final String ADHOCLIST = "adhoclist";
    /** MS-SIPREGE §2.2.1.5: the UAC supports MS-PRES event categories. */
    public static final String MSRTC_EVENT_CATEGORIES = "msrtc-event-categories";
    /** MS-SIPREGE §2.2.1.5: the UAC supports the presence protocol of MS-SIP. */
    public static final String MSRTC_PRESENCE = "com.microsoft.msrtc.presence";
    /** MS-SIPREGE §2.2.1.5: the UAC supports survivable-mode registration. */
    public static final String MS_USERSERVICES_STATE_NOTIFICATION = "ms-userservices-state-notification";
    /** MS-SIPREGE §2.2.1.5: the UAC processes Contacts serially in decreasing q order. */
    public static final String MS_CLUSTER_FAILOVER = "ms-cluster-failover";

    /**
     * Collects the option tags of one or more Supported header values (the header may be repeated,
     * as in the §4.1.1 example) into a case-insensitive set. Empty list elements are skipped.
     *
     * @throws MalformedHeaderException if a value is too long or an element is not a token
     */
    public static Set<String> parse(Iterable<String> headerValues) {
        Set<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (headerValues == null) {
            return Collections.unmodifiableSet(tags);
        }
        for (String value : headerValues) {
            if (value == null) {
                continue;
            }
            if (value.length() > SipHeaders.MAX_HEADER_VALUE_LENGTH) {
                throw new MalformedHeaderException("Supported value longer than "
                        + SipHeaders.MAX_HEADER_VALUE_LENGTH + " characters");
            }
            for (String element : value.split(",", -1)) {
                String tag = element.strip();
                if (tag.isEmpty()) {
                    continue;
                }
                if (!Tokens.isToken(tag)) {
                    throw new MalformedHeaderException("Supported option tag is not a token: '"
                            + Tokens.excerpt(tag) + "'");
                }
                tags.add(tag);
            }
        }
        return Collections.unmodifiableSet(tags);
    }
}
