package org.ucfront.management;

import java.util.Map;

/**
 * JMX view of voicemail routing to Exchange UM (MS-EUMR §3.1, §3.2):
 * {@code org.ucfront:type=VoicemailRouting}. Counts since the start.
 */
public interface VoicemailRoutingMXBean {

    /** INVITEs sent to each UM server (by its dial plan FQDN), failovers and redirects included. */
    Map<String, Long> getRoutedByServer();

    /** How each UM server's INVITEs ended, keyed "fqdn outcome" (answered, refused, redirected, timeout, unreachable, cancelled). */
    Map<String, Long> getOutcomesByServer();

    /** Calls a UM server answered. */
    long getCallsAnswered();

    /** Calls no UM server of the dial plan took (480 to the caller). */
    long getCallsFailed();

    /** Call notifications a UM server accepted (INFO 2xx, §3.2.4). */
    long getNotificationsSent();

    /** Call notifications refused by the UM server or lost (no server took the dialog). */
    long getNotificationsFailed();
}
