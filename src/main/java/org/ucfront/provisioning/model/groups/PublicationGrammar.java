package org.ucfront.provisioning.model.groups;

import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.w3c.dom.Element;

/**
 * §2.2.2.5.4 publicationGrammar: how a client publishes presence, the same for every user. The
 * group holds a containerManifestList (access levels and their members) and a
 * categoryPublicationManifest (what each level sees), each in its own namespace.
 */
public final class PublicationGrammar implements ProvisionGroup {

    public static final String NAME = "publicationGrammar";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Element g, ProvisioningContext context) {
        ContainerManifestXml.write(g, LyncContainerManifests.STANDARD, LyncContainerManifests.MIN_SUPPORTED_CLIENT_VERSION);
        CategoryPublicationManifestXml.write(g, LyncPublicationRules.RULES,
                LyncContainerManifests.MIN_SUPPORTED_CLIENT_VERSION);
    }
}
