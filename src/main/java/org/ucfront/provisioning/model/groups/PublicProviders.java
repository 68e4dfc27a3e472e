package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.ProvisionGroupList.propertyEntryList;

import org.ucfront.provisioning.model.InBandProvisioning;
import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.ucfront.provisioning.model.PublicProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * §2.2.2.5.12 publicProviders: one property whose content is a PublicProviders document in a
 * CDATA section, one PublicProvider per configured provider (none: an empty list).
 */
public final class PublicProviders implements ProvisionGroup {

    public static final String NAME = "publicProviders";
    /** §2.2.2.5.12 data model: {@code property[name="publicProviders"]} (§4.2.2 capitalises it). */
    public static final String PROPERTY = "publicProviders";
    /** §2.2.2.5.12: root and entry elements of the embedded document, in no namespace (§4.2.2). */
    public static final String ROOT = "PublicProviders";
    public static final String ENTRY = "PublicProvider";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Element g, ProvisioningContext context) {
        Element list = propertyEntryList(g);
        Element property = g.getOwnerDocument().createElementNS(InBandProvisioning.RESPONSE_NAMESPACE, "property");
        property.setAttribute(InBandProvisioning.NAME, PROPERTY);
        list.appendChild(property);
        EmbeddedXml.appendAsCdata(property, document(g, context));
    }

    private static Document document(Element context, ProvisioningContext provisioning) {
        Document doc = EmbeddedXml.newDocument(context, null, ROOT);
        for (PublicProvider p : provisioning.settings().publicProviders()) {
            Element e = doc.createElementNS(null, ENTRY);
            attribute(e, "Name", p.name());
            attribute(e, "ProxyFqdn", p.proxyFqdn());
            attribute(e, "IconUrl", p.iconUrl());
            attribute(e, "NameDecorationDomain", p.nameDecorationDomain());
            attribute(e, "NameDecorationRoutingDomain", p.nameDecorationRoutingDomain());
            attribute(e, "NameDecorationExcludedDomainList", p.excludedDomainList());
            doc.getDocumentElement().appendChild(e);
        }
        return doc;
    }

    private static void attribute(Element e, String name, String value) {
        if (value != null) {
            e.setAttribute(name, value);
        }
    }
}
