package org.ucfront.routing.model;

import java.util.Locale;

/**
 * Where one branch of a call goes: the Request-URI to send, the next hop (the connection an
 * endpoint registered over, or a configured server's address), and why it is rung, which decides
 * the MS-EUMR §3.2.4 notifications (an answer by a forwarding target or team member is reported,
 * one by the user's own endpoints or simultaneous ring is not). A registered endpoint also names
 * its epid and user ({@code user@host}): ucfront signs what it sends there on that endpoint's
 * MS-SIPAE security association, if it has one.
 */
public record Destination(String requestUri, String address, int port, String transport, Kind kind, String target,
        String epid, String aor) {

    public enum Kind {
        /** A registered endpoint of the called user. */
        ENDPOINT,
        /** The user's simultaneous ring URI. */
        SIMULTANEOUS,
        /** The user's immediate forwarding target. */
        FORWARD,
        /** A team or delegate ring member (TargetClass secondary). */
        TEAM;

        /** §3.2.4.2: answers by these raise the call answered event. */
        public boolean notifiesAnswer() {
            return this == FORWARD || this == TEAM;
        }
    }

    public Destination {
        transport = transport.toLowerCase(Locale.ROOT);
    }

    /** A configured server (gateway): no endpoint, no security association. */
    public static Destination server(String requestUri, String address, int port, String transport, Kind kind,
            String target) {
        return new Destination(requestUri, address, port, transport, kind, target, null, null);
    }
}
