package org.ucfront.registrar.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.Tokens;

/**
 * The value of a Contact's {@code +sip.instance} parameter (MS-SIPRE §3.2, RFC 5626 §4.1),
 * half of the SIP endpoint identifier of MS-SIPREGE §3.1.2.1.
 *
 * <p>Instances compare case-insensitively (DIGEST §1); the canonical form is lowercase. When
 * the URN is a {@code urn:uuid:} (RFC 4122 §3) the UUID is kept, because the GRUU is derived
 * from its bytes. Other URNs are allowed and kept as lowercase text.
 */
public final class SipInstance {
    /** ucfront's own bound on the raw parameter value, quotes and brackets included. */
    public static final int MAX_LENGTH = 256;
    /** RFC 4122 §3: the URN namespace of UUIDs (matched case-insensitively). */
    public static final String UUID_URN_PREFIX = "urn:uuid:";

    /** RFC 4122 §3 hex-and-hyphen form; {@link UUID#fromString} alone is laxer than this. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String urn; // lowercase, without quotes and angle brackets
    private final UUID uuid;  // null unless urn is a urn:uuid

    private SipInstance(String urn, UUID uuid) {
        this.urn = urn;
        this.uuid = uuid;
    }

    /** The instance of a UUID, e.g. one a test or a migration supplies. */
    public static SipInstance of(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return new SipInstance(UUID_URN_PREFIX + uuid, uuid);
    }

    /**
     * Parses a {@code +sip.instance} value in any of the forms clients send:
     * {@code "<urn:uuid:…>"}, {@code <urn:uuid:…>} or {@code urn:uuid:…}.
     *
     * @throws MalformedHeaderException if it is empty, too long, unbalanced, holds characters
     *         a URN cannot, or is a {@code urn:uuid:} whose UUID is not in RFC 4122 form
     */
    public static SipInstance parse(String paramValue) {
        if (paramValue == null) {
            throw new MalformedHeaderException("+sip.instance: missing value");
        }
        if (paramValue.length() > MAX_LENGTH) {
            throw new MalformedHeaderException("+sip.instance: longer than " + MAX_LENGTH + " characters");
        }
        String s = paramValue.strip();
        s = unwrap(s, '"', '"');
        s = unwrap(s, '<', '>');
        if (s.isEmpty()) {
            throw new MalformedHeaderException("+sip.instance: empty URN");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>') {
                throw new MalformedHeaderException("+sip.instance: invalid character at index " + i
                        + " in '" + Tokens.excerpt(s) + "'");
            }
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(UUID_URN_PREFIX)) {
            return new SipInstance(lower, null);
        }
        String uuidText = lower.substring(UUID_URN_PREFIX.length());
        if (!UUID_TEXT.matcher(uuidText).matches()) {
            throw new MalformedHeaderException("+sip.instance: not an RFC 4122 UUID: '"
                    + Tokens.excerpt(uuidText) + "'");
        }
        return new SipInstance(lower, UUID.fromString(uuidText));
    }

    private static String unwrap(String s, char open, char close) {
        boolean opens = !s.isEmpty() && s.charAt(0) == open;
        boolean closes = s.length() > 1 && s.charAt(s.length() - 1) == close;
        if (opens && closes) {
            return s.substring(1, s.length() - 1);
        }
        if (opens || (!s.isEmpty() && s.charAt(s.length() - 1) == close)) {
            throw new MalformedHeaderException("+sip.instance: unbalanced '" + open + "' in '"
                    + Tokens.excerpt(s) + "'");
        }
        return s;
    }

    /** The UUID when this is a {@code urn:uuid:} instance. */
    public Optional<UUID> uuid() {
        return Optional.ofNullable(uuid);
    }

    /** The URN in lowercase, without quotes or angle brackets, e.g. {@code urn:uuid:b43b…}. */
    public String urn() {
        return urn;
    }

    /** The Contact parameter value as the 200 OK carries it (§4.1.1): {@code "<urn:uuid:…>"}. */
    public String toParamValue() {
        return "\"<" + urn + ">\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipInstance && ((SipInstance) o).urn.equals(urn);
    }

    @Override
    public int hashCode() {
        return urn.hashCode();
    }

    @Override
    public String toString() {
        return urn;
    }
}
