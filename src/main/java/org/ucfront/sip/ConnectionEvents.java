package org.ucfront.sip;

import java.util.function.Consumer;

/**
 * Where the SIP stack reports that a client's TCP connection closed. The stack offers no callback
 * for it, so ucfront's message processor factory (configured in the stack properties) reports here,
 * and the registrar listens to remove the bindings registered over that connection (§3.1.2.6).
 */
public final class ConnectionEvents {

    /** A closed connection: transport ("tcp"), the peer's address and port. */
    public record Closed(String transport, String peerAddress, int peerPort) {
    }

    private static volatile Consumer<Closed> listener = c -> { };

    private ConnectionEvents() {
    }

    public static void listen(Consumer<Closed> l) {
        listener = l == null ? c -> { } : l;
    }

    static void closed(Closed c) {
        listener.accept(c);
    }
}
