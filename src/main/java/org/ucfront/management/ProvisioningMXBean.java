package org.ucfront.management;

import java.util.Map;

/** JMX view of in-band provisioning (§2.2.2): {@code org.ucfront:type=Provisioning}. */
public interface ProvisioningMXBean {

    /** SUBSCRIBEs served since the start, by requester (user, delegate, server) and delivery. */
    Map<String, Long> getSubscriptions();

    /** SUBSCRIBEs refused since the start, by reason. */
    Map<String, Long> getRefusals();

    /** Provision groups served since the start, by name. */
    Map<String, Long> getGroupsServed();
}
