package org.ucfront.voicemail.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A UM dial plan and its servers in administered order (MS-EUMR §3.1.1). */
public record DialPlan(String name, List<UmServer> servers) {

    /** The dial plan name is the user part of the §2.2.2 Request-URI: an RFC 3261 unreserved run. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]{1,255}");

    public DialPlan {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: letters, digits and - _ . ! ~ * ' ( ), at most 255");
        }
        servers = List.copyOf(servers);
        long distinct = servers.stream().map(UmServer::fqdn).distinct().count();
        if (distinct != servers.size()) {
            throw new IllegalArgumentException("servers: an FQDN is listed twice");
        }
    }

    /**
     * §3.1.5 step 7 (and §3.1.5.7): only the servers of the highest version; of those, only front
     * ends or arrays when there is any. The administered order is kept among them.
     */
    public List<UmServer> ordering() {
        int highest = servers.stream().mapToInt(UmServer::version).max().orElse(0);
        List<UmServer> newest = servers.stream().filter(s -> s.version() == highest).toList();
        boolean anyFrontEnd = newest.stream().anyMatch(UmServer::frontEnd);
        return anyFrontEnd ? newest.stream().filter(UmServer::frontEnd).toList() : newest;
    }

    /** The server of this dial plan with the FQDN, if any. */
    public Optional<UmServer> server(String fqdn) {
        String f = fqdn == null ? "" : fqdn.toLowerCase(Locale.ROOT);
        return servers.stream().filter(s -> s.fqdn().equals(f)).findFirst();
    }
}
