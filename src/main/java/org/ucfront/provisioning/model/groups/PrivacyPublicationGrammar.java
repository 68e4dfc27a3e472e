package org.ucfront.provisioning.model.groups;

import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.w3c.dom.Element;

/**
 * §2.2.2.5.10 privacyPublicationGrammar: the container manifest a client follows in privacy mode
 * (presencePolicyV2 EnablePrivacyMode), where only contacts get an access level. It has no
 * category publication manifest: in privacy mode nothing is published by default.
 */
public final class PrivacyPublicationGrammar implements ProvisionGroup {

    public static final String NAME = "privacyPublicationGrammar";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Element g, ProvisioningContext context) {
        ContainerManifestXml.write(g, LyncContainerManifests.PRIVACY, LyncContainerManifests.MIN_SUPPORTED_CLIENT_VERSION);
    }
}
