package org.ucfront.sip;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user's address of record, {@code user@host}, normalised to lower case without scheme or
 * parameters: the key users and bindings are stored under (RFC 3261 §10.3 step 5).
 */
public record AddressOfRecord(String user, String host) {

    public static final int MAX_LENGTH = 255;
    // RFC 3261 §25.1 user (unreserved / escaped / user-unreserved) and hostname, kept strict:
    // these values reach SQL parameters, LDAP filters and logs
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9\\-_.!~*'()&=+$,;?/%]{1,128}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9\\-.]{0,251}[A-Za-z0-9])?");

    public AddressOfRecord {
        if (user == null || !USER.matcher(user).matches()) {
            throw new MalformedHeaderException("address of record has no valid user part");
        }
        if (host == null || !HOST.matcher(host).matches()) {
            throw new MalformedHeaderException("address of record has no valid host part");
        }
        user = user.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code alice@fabrikam.com} or {@code sip:alice@fabrikam.com} (no parameters). */
    public static AddressOfRecord parse(String value) {
        if (value == null || value.length() > MAX_LENGTH + 4) {
            throw new MalformedHeaderException("address of record is missing or too long");
        }
        String v = value.trim();
        if (v.regionMatches(true, 0, "sip:", 0, 4)) {
            v = v.substring(4);
        }
        int at = v.lastIndexOf('@');
        if (at <= 0 || at == v.length() - 1) {
            throw new MalformedHeaderException("address of record must be user@host");
        }
        return new AddressOfRecord(v.substring(0, at), v.substring(at + 1));
    }

    /** {@code user@host}: the stored key. */
    @Override
    public String toString() {
        return user + "@" + host;
    }

    public String toSipUri() {
        return "sip:" + this;
    }
}
