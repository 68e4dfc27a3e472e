package org.ucfront.management;

import java.util.Map;

/** JMX view of client version control (§3.4.2.5): {@code org.ucfront:type=ClientVersionPolicy}. */
public interface ClientVersionPolicyMXBean {

    /** Blocked REGISTERs since the start, by deciding rule (its id, or default) and action. */
    Map<String, Long> getBlocked();

    /** Allowed REGISTERs since the start, by deciding rule and action. */
    Map<String, Long> getAllowed();

    long getBlockedTotal();

    long getAllowedTotal();
}
