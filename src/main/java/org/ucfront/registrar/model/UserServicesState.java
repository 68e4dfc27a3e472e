package org.ucfront.registrar.model;

/**
 * §3.1.2.1 Presence-Service-Available, as monitored: the health check's verdict, unless an
 * administrator overrides it. Not thread-safe: its owner serialises the calls.
 */
public final class UserServicesState {

    /** What a change did to the availability; only {@link #LOST} triggers the §3.5 NOTIFYs. */
    public enum Transition {
        NONE, LOST, RESTORED
    }

    private final int failuresToLose;
    private boolean healthy = true;
    private int consecutiveFailures;
    private Boolean override;

    /** @param failuresToLose consecutive failed checks before the health check says unavailable */
    public UserServicesState(int failuresToLose) {
        if (failuresToLose < 1) {
            throw new IllegalArgumentException("failuresToLose must be at least 1");
        }
        this.failuresToLose = failuresToLose;
    }

    public boolean available() {
        return override != null ? override : healthy;
    }

    public boolean healthy() {
        return healthy;
    }

    /** The admin override, or null when the health check decides. */
    public Boolean override() {
        return override;
    }

    /**
     * One health check's result. A single failure does not make the services unavailable: a blip
     * would otherwise deregister every endpoint that cannot run in survivable mode.
     */
    public Transition probe(boolean ok) {
        boolean before = available();
        if (ok) {
            consecutiveFailures = 0;
            healthy = true;
        } else if (++consecutiveFailures >= failuresToLose) {
            healthy = false;
        }
        return transition(before);
    }

    /** Sets (true/false) or clears (null) the admin override. */
    public Transition override(Boolean value) {
        boolean before = available();
        override = value;
        return transition(before);
    }

    private Transition transition(boolean before) {
        boolean after = available();
        if (before == after) {
            return Transition.NONE;
        }
        return after ? Transition.RESTORED : Transition.LOST;
    }
}
