package org.ucfront.registrar.model;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.Tokens;

/** The ms-subnet header value (§2.2.1.6): an IPv4 address in dotted form, nothing else. */
public final class MsSubnet {
    /** RFC 3261 §25.1 IPv4address: four groups of 1 to 3 digits. */
    private static final int MAX_LENGTH = 15;
    private static final int OCTETS = 4;
    private static final int MAX_OCTET_DIGITS = 3;

    private final byte[] address;

    private MsSubnet(byte[] address) {
        this.address = address;
    }

    /**
     * Parses {@code 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT}, each at most 255.
     * Leading and trailing whitespace is ignored; host names and IPv6 are refused.
     *
     * @throws MalformedHeaderException otherwise
     */
    public static MsSubnet parse(String value) {
        if (value == null) {
            throw new MalformedHeaderException("ms-subnet: missing value");
        }
        String s = value.strip();
        if (s.length() > MAX_LENGTH) {
            throw new MalformedHeaderException("ms-subnet: not an IPv4 address: '" + Tokens.excerpt(s) + "'");
        }
        byte[] bytes = new byte[OCTETS];
        int octet = 0;
        int digits = 0;
        int current = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (Tokens.isDigit(c)) {
                current = current * 10 + (c - '0');
                if (++digits > MAX_OCTET_DIGITS) {
                    throw new MalformedHeaderException("ms-subnet: more than 3 digits in a group: '" + Tokens.excerpt(s) + "'");
                }
            } else if (c == '.') {
                if (digits == 0 || octet == OCTETS) {
                    throw new MalformedHeaderException("ms-subnet: not an IPv4 address: '" + Tokens.excerpt(s) + "'");
                }
                if (current > 255) {
                    throw new MalformedHeaderException("ms-subnet: group above 255: '" + Tokens.excerpt(s) + "'");
                }
                bytes[octet++] = (byte) current;
                digits = 0;
                current = 0;
            } else {
                throw new MalformedHeaderException("ms-subnet: not an IPv4 address: '" + Tokens.excerpt(s) + "'");
            }
        }
        if (octet != OCTETS) {
            throw new MalformedHeaderException("ms-subnet: not an IPv4 address: '" + Tokens.excerpt(s) + "'");
        }
        return new MsSubnet(bytes);
    }

    /** Dotted form without leading zeros, e.g. {@code 10.1.2.1}. */
    public String value() {
        return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }

    /** The address (no name lookup is made). */
    public Inet4Address toInetAddress() {
        try {
            return (Inet4Address) InetAddress.getByAddress(address.clone());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsSubnet && Arrays.equals(((MsSubnet) o).address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address);
    }

    @Override
    public String toString() {
        return value();
    }
}
