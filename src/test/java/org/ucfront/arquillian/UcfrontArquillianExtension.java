package org.ucfront.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.test.spi.client.deployment.AuxiliaryArchiveAppender;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Client side: the container, and the in-container part packaged into every test deployment. */
public class UcfrontArquillianExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, UcfrontDeployableContainer.class)
                .service(AuxiliaryArchiveAppender.class, UcfrontRemoteArchiveAppender.class);
    }
}
