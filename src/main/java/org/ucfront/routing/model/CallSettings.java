package org.ucfront.routing.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user's administered call settings: ring time before voicemail, immediate forward,
 * simultaneous ring, team/delegate ring members, and the UM dial plan with the user's
 * EumProxyAddress (MS-EUMR §2.2.3.1) when the user is UM-enabled.
 */
public record CallSettings(String user, int ringSeconds, String forwardUri, String simultaneousRingUri,
        List<String> teamMembers, String dialPlan, String eumProxyAddress) {

    public static final int DEFAULT_RING_SECONDS = 20;
    public static final int MAX_RING_SECONDS = 600;
    public static final int MAX_TEAM_MEMBERS = 16;
    /** A plain {@code sip:user@host} target; parameters would let an admin typo route anywhere. */
    private static final Pattern TARGET = Pattern.compile("sip:[A-Za-z0-9\\-_.!~*'()&=+$,;?/%]+@[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    /** @throws IllegalArgumentException naming the field at fault */
    public CallSettings {
        if (ringSeconds < 1 || ringSeconds > MAX_RING_SECONDS) {
            throw new IllegalArgumentException("ringSeconds: 1.." + MAX_RING_SECONDS);
        }
        forwardUri = target("forwardUri", forwardUri);
        simultaneousRingUri = target("simultaneousRingUri", simultaneousRingUri);
        teamMembers = teamMembers == null ? List.of()
                : teamMembers.stream().map(m -> target("teamMembers", m)).toList();
        if (teamMembers.size() > MAX_TEAM_MEMBERS) {
            throw new IllegalArgumentException("teamMembers: at most " + MAX_TEAM_MEMBERS);
        }
        dialPlan = dialPlan == null || dialPlan.isEmpty() ? null : dialPlan;
        eumProxyAddress = eumProxyAddress == null || eumProxyAddress.isEmpty() ? null : eumProxyAddress;
        if (eumProxyAddress != null && (eumProxyAddress.length() > 1024 || eumProxyAddress.chars().anyMatch(c -> c < 0x20))) {
            throw new IllegalArgumentException("eumProxyAddress: at most 1024 printable characters");
        }
        if (eumProxyAddress != null && dialPlan == null) {
            throw new IllegalArgumentException("eumProxyAddress: needs a dialPlan");
        }
    }

    /** A user without administered settings: default ring time, nothing else, not UM-enabled. */
    public static CallSettings defaults(String user) {
        return new CallSettings(user, DEFAULT_RING_SECONDS, null, null, List.of(), null, null);
    }

    /** MS-EUMR §3.1: routing to Exchange UM and notifications apply only to UM-enabled users. */
    public boolean umEnabled() {
        return dialPlan != null;
    }

    private static String target(String field, String uri) {
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        String u = uri.strip();
        int at = u.lastIndexOf('@');
        if (at > 0) {
            u = u.substring(0, at) + u.substring(at).toLowerCase(Locale.ROOT);
        }
        if (u.length() > 1024 || !TARGET.matcher(u).matches()) {
            throw new IllegalArgumentException(field + ": a sip:user@host URI without parameters");
        }
        return u;
    }
}
