package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.ProvisionGroupList.property;
import static org.ucfront.provisioning.model.ProvisionGroupList.propertyEntryList;

import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.ucfront.provisioning.model.ProvisioningSettings;
import org.w3c.dom.Element;

/** §2.2.2.5.11 persistentChatConfiguration: a propertyEntryList of the chat pool settings. */
public final class PersistentChatConfiguration implements ProvisionGroup {

    public static final String NAME = "persistentChatConfiguration";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Element g, ProvisioningContext context) {
        ProvisioningSettings s = context.settings();
        Element list = propertyEntryList(g);
        property(list, "EnablePersistentChat", Boolean.toString(s.persistentChatEnabled()));
        property(list, "DefaultPersistentChatPoolUri", s.persistentChatPoolUri());
        // §2.2.2.5.11: every pool the client may use, separated by single spaces (one pool here)
        property(list, "PersistentChatPoolUris", s.persistentChatPoolUri());
        property(list, "PersistentChatWebManagerUriInt", s.persistentChatWebManagerUrlInternal());
        property(list, "PersistentChatWebManagerUriExt", s.persistentChatWebManagerUrlExternal());
    }
}
