package org.ucfront.registrar.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.ParamList;
import org.ucfront.sip.ParamList.Param;
import org.ucfront.sip.Tokens;

/**
 * The Ms-Device-Info header (§2.2.1.7), e.g.
 * {@code MAC=00-11-22-33-44-55,vendor="Polycom",version=4.0.7577}, stored per endpoint to
 * track devices (§3.1.2.5.1).
 *
 * <p>Readings of the ABNF: parameter names are case-insensitive (RFC 5234 strings) and their
 * order is not enforced, but each of the three must appear exactly once and nothing else may.
 * MAC and version must be bare (mac-addr and token are not quoted); vendor is a pvalue, which
 * RFC 3261 does not quote, but devices do ({@code vendor="Polycom"}), so both are accepted.
 */
public final class DeviceInfo {
    /** §2.2.1.7: name of the mac-info field. */
    public static final String MAC = "MAC";
    /** §2.2.1.7: name of the vendor-info field. */
    public static final String VENDOR = "vendor";
    /** §2.2.1.7: name of the version-info field. */
    public static final String VERSION = "version";
    /** ucfront's own bound on vendor and version, which are stored per endpoint. */
    public static final int MAX_FIELD_LENGTH = 256;

    /** §2.2.1.7 mac-addr: 6 or 8 hyphen-separated hex pairs. */
    private static final Pattern MAC_ADDR =
            Pattern.compile("[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){7}");
    /** RFC 3261 §25.1 pvalue = 1*paramchar (param-unreserved / unreserved / escaped). */
    private static final Pattern PVALUE =
            Pattern.compile("(?:[\\[\\]/:&+$A-Za-z0-9\\-_.!~*'()]|%[0-9A-Fa-f]{2})+");
    private static final String HEADER = "Ms-Device-Info";

    private final String mac;
    private final String vendor;
    private final String version;

    private DeviceInfo(String mac, String vendor, String version) {
        this.mac = mac;
        this.vendor = vendor;
        this.version = version;
    }

    /** Values read back from storage, already validated when they were parsed. */
    public static DeviceInfo of(String mac, String vendor, String version) {
        return new DeviceInfo(mac, vendor, version);
    }

    /**
     * @throws MalformedHeaderException if a field is missing, repeated, unknown or malformed,
     *         or the value is longer than the header bound
     */
    public static DeviceInfo parse(String value) {
        Map<String, Param> params = ParamList.parse(value, HEADER);
        for (Param p : params.values()) {
            String n = p.name();
            if (!n.equalsIgnoreCase(MAC) && !n.equalsIgnoreCase(VENDOR) && !n.equalsIgnoreCase(VERSION)) {
                throw new MalformedHeaderException(HEADER + ": unknown field '" + Tokens.excerpt(n) + "'");
            }
        }
        Param mac = required(params, MAC);
        Param vendor = required(params, VENDOR);
        Param version = required(params, VERSION);

        if (mac.quoted() || !MAC_ADDR.matcher(mac.value()).matches()) {
            throw new MalformedHeaderException(HEADER + ": MAC is not 6 or 8 hyphen-separated hex pairs: '"
                    + Tokens.excerpt(mac.value()) + "'");
        }
        String vendorValue = vendor.value();
        if (vendorValue.isEmpty() || vendorValue.length() > MAX_FIELD_LENGTH
                || (!vendor.quoted() && !PVALUE.matcher(vendorValue).matches())) {
            throw new MalformedHeaderException(HEADER + ": invalid vendor '" + Tokens.excerpt(vendorValue) + "'");
        }
        if (version.quoted() || version.value().length() > MAX_FIELD_LENGTH || !Tokens.isToken(version.value())) {
            throw new MalformedHeaderException(HEADER + ": version is not a token: '"
                    + Tokens.excerpt(version.value()) + "'");
        }
        return new DeviceInfo(mac.value().toUpperCase(Locale.ROOT), vendorValue, version.value());
    }

    private static Param required(Map<String, Param> params, String name) {
        Param p = params.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new MalformedHeaderException(HEADER + ": missing field '" + name + "'");
        }
        return p;
    }

    /** The MAC address, uppercase, hyphen-separated, e.g. {@code 00-11-22-AA-BB-CC}. */
    public String mac() {
        return mac;
    }

    /** The vendor, unquoted. */
    public String vendor() {
        return vendor;
    }

    public String version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeviceInfo)) {
            return false;
        }
        DeviceInfo d = (DeviceInfo) o;
        return mac.equals(d.mac) && vendor.equals(d.vendor) && version.equals(d.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mac, vendor, version);
    }

    @Override
    public String toString() {
        return "DeviceInfo[mac=" + mac + ", vendor=" + vendor + ", version=" + version + "]";
    }
}
