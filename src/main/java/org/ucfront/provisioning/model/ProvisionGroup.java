package org.ucfront.provisioning.model;

import org.w3c.dom.Element;

/** One provision group of the answer (§2.2.2.5.x): its name and how it fills its element. */
public interface ProvisionGroup {

    /** The name attribute, as §2.2.2.5 spells it. */
    String name();

    /** Appends the group's content to its {@code provisionGroup} element. */
    void write(Element provisionGroup, ProvisioningContext context);
}
