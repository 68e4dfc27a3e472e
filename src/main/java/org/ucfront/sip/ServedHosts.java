package org.ucfront.sip;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ucfront.launcher.UcfrontConfig;

/**
 * The Request-URI hosts this server accepts requests for (RFC 3261 §8.2.2.1): its SIP domain, its
 * pool and server FQDNs, and its own IP addresses. Anything else is not ucfront's to handle: the
 * container would relay such a request statelessly to whatever host it names, which makes an open
 * relay and opens connections no administrator configured.
 */
public final class ServedHosts {

    /** An IPv4 literal, or a bracketed IPv6 reference (RFC 3261 §25.1 IPv6reference). */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+]");

    private final Set<String> names;

    /** @param names the served host names (lower case is not required) */
    public ServedHosts(Set<String> names) {
        this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The configured names: the SIP domain, the pool and authentication FQDNs. Not the SIP address:
     * the container matches names without their port, so its address would make every peer on it
     * (a UM server on the same host) look like the container itself.
     */
    public static Set<String> configuredNames(UcfrontConfig config) {
        Set<String> names = new HashSet<>();
        names.add(config.domain);
        for (String key : new String[] {"ucfront.pool.fqdn", "ucfront.auth.fqdn"}) {
            String v = UcfrontConfig.raw(key);
            if (v != null && !v.isBlank()) {
                names.add(v.trim());
            }
        }
        return names;
    }

    /** Whether a Request-URI host is this server's: a served name, or an address of this machine. */
    public boolean serves(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (names.contains(h)) {
            return true;
        }
        if (!IP_LITERAL.matcher(h).matches()) {
            return false; // a name is never resolved here: that would be a connection nobody configured
        }
        try {
            InetAddress a = InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h);
            return a.isAnyLocalAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
