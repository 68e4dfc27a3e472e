package org.ucfront.directory.ldap.model;

/**
 * The directory's change marker: uSNChanged (an integer, AD) or modifyTimestamp (GeneralizedTime,
 * RFC 4517 §3.3.13, which slapd writes in one fixed form, so text order is time order).
 */
public final class ChangeMarker {

    private ChangeMarker() {
    }

    /** The later of two markers; null counts as earliest. */
    public static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return compare(a, b) >= 0 ? a : b;
    }

    static int compare(String a, String b) {
        if (a.matches("\\d{1,18}") && b.matches("\\d{1,18}")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }
}
