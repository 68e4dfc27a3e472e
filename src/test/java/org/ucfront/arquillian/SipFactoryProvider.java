package org.ucfront.arquillian;

import java.lang.annotation.Annotation;
import javax.servlet.ServletContext;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServlet;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/**
 * {@code @ArquillianResource SipFactory}: the SipFactory the container gave the ucfront SIP
 * application, read from that application's ServletContext (JSR 289 §4.1.2 attribute
 * {@value SipServlet#SIP_FACTORY}) through the test deployment's cross-context access.
 */
public class SipFactoryProvider implements ResourceProvider {

    @Inject
    private Instance<ServletContext> servletContext;

    @Override
    public boolean canProvide(Class<?> type) {
        return SipFactory.class.equals(type);
    }

    @Override
    public Object lookup(ArquillianResource resource, Annotation... qualifiers) {
        ServletContext own = servletContext.get();
        if (own == null) {
            throw new IllegalStateException("SipFactory can be injected only into tests that run in the container");
        }
        ServletContext application = own.getContext(UcfrontDeployableContainer.APPLICATION_PATH);
        if (application == null || application == own) {
            throw new IllegalStateException("the ucfront application is not reachable at "
                    + UcfrontDeployableContainer.APPLICATION_PATH + " from " + own.getContextPath());
        }
        Object factory = application.getAttribute(SipServlet.SIP_FACTORY);
        if (!(factory instanceof SipFactory)) {
            throw new IllegalStateException("the ucfront application has no " + SipServlet.SIP_FACTORY + " attribute");
        }
        return factory;
    }
}
