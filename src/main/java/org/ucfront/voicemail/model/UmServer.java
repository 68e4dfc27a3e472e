package org.ucfront.voicemail.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Exchange UM server of a dial plan (MS-EUMR §3.1.1). In production it is reached over TLS on
 * port 5061 at its FQDN (§2.2.2); an administrator may override where ucfront connects (address,
 * port, transport), e.g. a lab or a test peer speaking plain TCP/UDP. The override changes only
 * the connection: the Request-URI keeps the §2.2.2 form.
 */
public record UmServer(String fqdn, int version, boolean frontEnd, String transport, String address, Integer port) {

    /** §2.2.2: the port and transport of the Request-URI, always. */
    public static final int TLS_PORT = 5061;
    public static final String TLS = "tls";
    /** §2.2.4.2: the opaque parameter of the notification dialog's Request-URI. */
    public static final String RTCEVENT_OPAQUE = "app:rtcevent";

    private static final Pattern FQDN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** @throws IllegalArgumentException naming the field at fault */
    public UmServer {
        fqdn = fqdn == null ? null : fqdn.toLowerCase(Locale.ROOT);
        if (fqdn == null || fqdn.length() > 253 || !FQDN.matcher(fqdn).matches()) {
            throw new IllegalArgumentException("fqdn: not a fully qualified domain name");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version: must be 0 or more");
        }
        transport = transport == null || transport.isEmpty() ? null : transport.toLowerCase(Locale.ROOT);
        if (transport != null && !transport.equals("udp") && !transport.equals("tcp") && !transport.equals(TLS)) {
            throw new IllegalArgumentException("transport: udp, tcp or tls");
        }
        if (address != null && !IPV4.matcher(address).matches()) {
            throw new IllegalArgumentException("address: an IPv4 address literal (no DNS lookup is made)");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port: 1..65535");
        }
    }

    /** §2.2.2: {@code sip:<dialplan>@<fqdn>:5061;transport=tls;maddr=<fqdn>}. */
    public String requestUri(String dialPlan) {
        return "sip:" + dialPlan + "@" + fqdn + ":" + TLS_PORT + ";transport=" + TLS + ";maddr=" + fqdn;
    }

    /** §2.2.4.2: {@code sip:<fqdn>;transport=tls;opaque=app:rtcevent} (no user part). */
    public String notificationUri() {
        return "sip:" + fqdn + ";transport=" + TLS + ";opaque=" + RTCEVENT_OPAQUE;
    }

    /** Where ucfront connects: the override, else the FQDN on 5061 over TLS. */
    public String connectAddress() {
        return address != null ? address : fqdn;
    }

    public int connectPort() {
        return port != null ? port : TLS_PORT;
    }

    public String connectTransport() {
        return transport != null ? transport : TLS;
    }
}
