package org.ucfront.arquillian;

import org.jboss.arquillian.container.test.spi.RemoteLoadableExtension;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/** In-container side: lets tests inject the ucfront application's SipFactory. */
public class UcfrontRemoteExtension implements RemoteLoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ResourceProvider.class, SipFactoryProvider.class);
    }
}
