package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.ProvisionGroupList.element;

import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.w3c.dom.Element;

/**
 * §2.2.2.5.5 userSetting: the user's file transfer, location profile and common area phone
 * settings. ucfront administers no per-user values for them yet, so every user is served the
 * defaults below and the server-wide location profile.
 */
public final class UserSetting implements ProvisionGroup {

    public static final String NAME = "userSetting";
    /** §2.2.2.5.5 disableFileTransfer ("true" or "false"): users may transfer files. */
    static final boolean FILE_TRANSFER_DISABLED = false;
    /** §2.2.2.5.5 commonAreaPhone ("MUST be true or false"): users are people, not shared phones. */
    static final boolean COMMON_AREA_PHONE = false;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Element g, ProvisioningContext context) {
        String profile = context.settings().locationProfile();
        element(g, "disableFileTransfer", Boolean.toString(FILE_TRANSFER_DISABLED));
        // the schema requires the element (minOccurs 1): empty when no location profile is set
        element(g, "ucUserLocationProfile", profile == null ? "" : profile);
        element(g, "commonAreaPhone", Boolean.toString(COMMON_AREA_PHONE));
    }
}
