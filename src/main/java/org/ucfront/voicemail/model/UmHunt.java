package org.ucfront.voicemail.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search for a UM server that takes a call (MS-EUMR §3.1.5, §3.1.5.3, §3.1.5.7): servers in
 * the dial plan's ordering are tried one after the other; a 302 from the selected server is
 * followed only under the four conditions of §3.1.5.3. Not thread-safe: one call's state.
 */
public final class UmHunt {

    /** §3.1.5.3: no more than four previous 302 responses processed for one server. */
    public static final int MAX_REDIRECTS_PER_SERVER = 4;

    private final DialPlan dialPlan;
    private List<UmServer> ordering;
    private int next;
    /** The server the ordering selected (the one 302 counts belong to) and the one last tried. */
    private UmServer selected;
    private UmServer current;
    private final Map<String, Integer> redirects = new HashMap<>();

    public UmHunt(DialPlan dialPlan) {
        this.dialPlan = dialPlan;
        restart();
    }

    /** §3.1.5.5: the ordering is cleared and the steps of §3.1.5 start over. */
    public void restart() {
        ordering = dialPlan.ordering();
        next = 0;
        selected = null;
        current = null;
        redirects.clear();
    }

    /** §3.1.5.7: the next server of the ordering, or empty when all were tried (480). */
    public Optional<UmServer> nextServer() {
        if (next >= ordering.size()) {
            current = null;
            return Optional.empty();
        }
        selected = ordering.get(next++);
        current = selected;
        return Optional.of(current);
    }

    /**
     * §3.1.5.3: the server a 302 redirects to, when it came from the server last tried, has
     * exactly one Contact naming a UM server of the dial plan, and at most four earlier 302s
     * were followed for the selected server; otherwise empty (the caller tries the next server).
     *
     * @param fromServer the FQDN of the server that answered (the branch's target)
     * @param contactHosts the host of each Contact of the 302
     */
    public Optional<UmServer> redirect(String fromServer, List<String> contactHosts) {
        if (current == null || !current.fqdn().equalsIgnoreCase(fromServer) || contactHosts.size() != 1) {
            return Optional.empty();
        }
        Optional<UmServer> target = dialPlan.server(contactHosts.get(0));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        int followed = redirects.merge(selected.fqdn(), 1, Integer::sum);
        if (followed > MAX_REDIRECTS_PER_SERVER) {
            return Optional.empty();
        }
        current = target.get();
        return target;
    }

    public DialPlan dialPlan() {
        return dialPlan;
    }

    /** The server last tried, or null. */
    public UmServer current() {
        return current;
    }
}
