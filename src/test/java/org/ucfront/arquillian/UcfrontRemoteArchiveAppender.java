package org.ucfront.arquillian;

import org.jboss.arquillian.container.test.spi.RemoteLoadableExtension;
import org.jboss.arquillian.container.test.spi.client.deployment.AuxiliaryArchiveAppender;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** Adds the in-container extension (the {@code @ArquillianResource SipFactory} provider) to test archives. */
public class UcfrontRemoteArchiveAppender implements AuxiliaryArchiveAppender {

    @Override
    public Archive<?> createAuxiliaryArchive() {
        return ShrinkWrap.create(JavaArchive.class, "ucfront-arquillian-remote.jar")
                .addClasses(UcfrontRemoteExtension.class, SipFactoryProvider.class)
                .addAsServiceProvider(RemoteLoadableExtension.class, UcfrontRemoteExtension.class);
    }
}
