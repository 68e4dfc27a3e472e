package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.EmbeddedXml.child;

import org.ucfront.provisioning.model.groups.CategoryPublicationManifest.PublicationRule;
import org.w3c.dom.Element;

/**
 * Writes a {@code categoryPublicationManifest} as the §2.2.2.5.4 data model and §4.2.2 shape it,
 * each rule's categoryData serialised into CDATA.
 */
final class CategoryPublicationManifestXml {

    /** §2.2.2.5.4: namespace of the categoryPublicationManifest document. */
    static final String NAMESPACE = "http://schemas.microsoft.com/2008/09/sip/categoryPublicationManifest";

    private CategoryPublicationManifestXml() {
    }

    static void write(Element parent, CategoryPublicationManifest manifest, String minSupportedClientVersion) {
        Element root = parent.getOwnerDocument().createElementNS(NAMESPACE, "categoryPublicationManifest");
        root.setAttribute(ContainerManifestXml.MIN_SUPPORTED_CLIENT_VERSION, minSupportedClientVersion);
        parent.appendChild(root);
        Element list = child(root, "publicationList");
        manifest.rules().forEach(r -> rule(list, r));
    }

    private static void rule(Element list, PublicationRule r) {
        Element e = child(list, "publicationRule");
        e.setAttribute("ruleType", r.ruleType().token);
        e.setAttribute("categoryName", r.categoryName());
        e.setAttribute("containerId", Integer.toString(r.containerId()));
        if (r.preferredSelfConsumption()) {
            e.setAttribute("preferredSelfConsumption", "true");
        }
        if (r.instanceId() != null) {
            Element id = child(e, "instanceId");
            id.setAttribute("type", r.instanceId().type().token);
            id.setAttribute("value", Long.toString(r.instanceId().value()));
        }
        if (r.expiry() != null) {
            Element expire = child(e, "expireType");
            expire.setAttribute("type", r.expiry().type().token);
            if (r.expiry().time() != null) {
                expire.setAttribute("expireTime", r.expiry().time().toString()); // ISO 8601, an xs:duration
            }
        }
        if (r.data() != null) {
            EmbeddedXml.appendAsCdata(child(e, "categoryData"), r.data().document(e));
        }
    }
}
