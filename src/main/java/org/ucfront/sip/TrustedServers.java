package org.ucfront.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Server entities the administrator trusts (Exchange UM, gateways): each FQDN with the one
 * address its requests must come from. Configured as {@code fqdn=address, …}; addresses are
 * literals, so trusting a server never needs a DNS lookup.
 */
public record TrustedServers(Map<String, String> addressByFqdn) {

    private static final Pattern FQDN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:]{2,39}");

    public TrustedServers {
        addressByFqdn = Map.copyOf(addressByFqdn);
    }

    /** @throws IllegalArgumentException naming the entry that is not {@code fqdn=address} */
    public static TrustedServers parse(String value) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String fqdn = eq < 0 ? e : e.substring(0, eq).trim();
            String address = eq < 0 ? "" : e.substring(eq + 1).trim();
            if (!FQDN.matcher(fqdn).matches() || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
                throw new IllegalArgumentException("'" + Tokens.excerpt(entry.trim()) + "' is not fqdn=ip-address");
            }
            m.put(fqdn, address);
        }
        return new TrustedServers(m);
    }

    /** Whether a request naming {@code fqdn} and coming from {@code address} is from that trusted server. */
    public boolean trusts(String fqdn, String address) {
        return fqdn != null && address != null && address.equalsIgnoreCase(addressByFqdn.get(fqdn.toLowerCase(Locale.ROOT)));
    }

    /** Whether requests from this address come from a trusted server (it relays many users: no per-source limit). */
    public boolean isTrustedAddress(String address) {
        return address != null && addressByFqdn.values().stream().anyMatch(address::equalsIgnoreCase);
    }
}
