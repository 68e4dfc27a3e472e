package org.ucfront.directory.ldap.model;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.ucfront.sip.AddressOfRecord;

/**
 * One directory entry read through an {@link AttributeMapping}: a SIP user as the directory
 * describes it.
 *
 * @param enabled false when the SIP-enabled flag is FALSE or the account is disabled
 * @param ntHash  the NT hash (32 hexadecimal digits) when the mapping reads one and the value is one, else null
 */
public record DirectoryUser(String dn, AddressOfRecord aor, String displayName, String telephoneNumber, String mail,
        boolean enabled, String homeServer, String registrar, String changeMarker, String ntHash) {

    public DirectoryUser(String dn, AddressOfRecord aor, String displayName, String telephoneNumber, String mail,
            boolean enabled, String homeServer, String registrar, String changeMarker) {
        this(dn, aor, displayName, telephoneNumber, mail, enabled, homeServer, registrar, changeMarker, null);
    }

    /** Thrown for an entry that cannot be a SIP user (no or no valid SIP address): it is skipped. */
    public static final class UnusableEntryException extends Exception {
        public UnusableEntryException(String message) {
            super(message);
        }
    }

    /**
     * @param value the entry's first value of an attribute, or null (a null name reads null)
     */
    public static DirectoryUser from(String dn, UnaryOperator<String> value, AttributeMapping m)
            throws UnusableEntryException {
        String sip = read(value, m.sip());
        if (sip == null || sip.isBlank()) {
            throw new UnusableEntryException(dn + ": no " + m.sip());
        }
        AddressOfRecord aor;
        try {
            aor = AddressOfRecord.parse(sip);
        } catch (IllegalArgumentException e) {
            throw new UnusableEntryException(dn + ": " + m.sip() + " is not a SIP address (" + e.getMessage() + ")");
        }
        boolean enabled = !"FALSE".equals(upper(read(value, m.sipEnabled()))) && !accountDisabled(read(value,
                m.accountControl()));
        return new DirectoryUser(dn, aor, read(value, m.displayName()), read(value, m.telephoneNumber()),
                read(value, m.mail()), enabled, read(value, m.homeServer()), registrarUri(read(value, m.registrar())),
                read(value, m.changed()), ntHash(read(value, m.ntHash())));
    }

    /** An NT hash value, or null when absent or not 32 hexadecimal digits (never logged: it is a secret). */
    static String ntHash(String v) {
        return v != null && v.trim().matches("[0-9A-Fa-f]{32}") ? v.trim() : null;
    }

    /** userAccountControl with ACCOUNTDISABLE set; an unreadable value disables nothing. */
    static boolean accountDisabled(String userAccountControl) {
        if (userAccountControl == null) {
            return false;
        }
        try {
            return (Long.parseLong(userAccountControl.trim()) & AttributeMapping.ACCOUNT_DISABLE) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A registrar as a {@code sip:} URI (an FQDN gets the scheme); a value unsafe in a header reads as none. */
    static String registrarUri(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String t = v.trim();
        String uri = t.regionMatches(true, 0, "sip:", 0, 4) ? "sip:" + t.substring(4) : "sip:" + t;
        return DirectoryEffect.isRegistrarUri(uri) ? uri : null;
    }

    private static String read(UnaryOperator<String> value, String attribute) {
        return attribute == null ? null : value.apply(attribute);
    }

    private static String upper(String v) {
        return v == null ? null : v.trim().toUpperCase(Locale.ROOT);
    }
}
