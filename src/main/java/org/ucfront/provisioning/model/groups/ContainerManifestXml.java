package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.EmbeddedXml.child;

import java.util.List;
import org.ucfront.provisioning.model.groups.ContainerManifest.AllowedContainers;
import org.ucfront.provisioning.model.groups.ContainerManifest.BlockRule;
import org.ucfront.provisioning.model.groups.ContainerManifest.Container;
import org.ucfront.provisioning.model.groups.ContainerManifest.Member;
import org.ucfront.provisioning.model.groups.ContainerManifest.ResolutionRule;
import org.ucfront.provisioning.model.groups.ContainerManifest.Role;
import org.ucfront.provisioning.model.groups.ContainerManifest.SourceNetwork;
import org.w3c.dom.Element;

/**
 * Writes a {@code containerManifestList} (§2.2.2.5.4 schema fragment) in its own namespace, with
 * the W14 extensions between {@code ct:delimiter} and {@code ct:end} where the schema puts them.
 */
final class ContainerManifestXml {

    /** §2.2.2.5.4: namespace of the containerManifestList document. */
    static final String NAMESPACE = "http://schemas.microsoft.com/2008/09/sip/ContainerManifest";
    /** §2.2.2.5.4: the commontypes namespace of the delimiter and end markers, prefix ct. */
    static final String COMMON_TYPES = "http://schemas.microsoft.com/2006/09/sip/commontypes";
    static final String CT = "ct";
    /** §2.2.2.5.4 containerManifestList attribute. */
    static final String MIN_SUPPORTED_CLIENT_VERSION = "minSupportedClientVersion";

    private ContainerManifestXml() {
    }

    static void write(Element parent, ContainerManifest manifest, String minSupportedClientVersion) {
        Element list = parent.getOwnerDocument().createElementNS(NAMESPACE, "containerManifestList");
        EmbeddedXml.declare(list, CT, COMMON_TYPES);
        list.setAttribute(MIN_SUPPORTED_CLIENT_VERSION, minSupportedClientVersion);
        parent.appendChild(list);
        Element m = child(list, "containerManifest");
        if (!manifest.containers().isEmpty()) { // the schema's wrappers hold at least one entry
            Element containers = child(m, "containers");
            manifest.containers().forEach(c -> container(containers, c));
        }
        if (!manifest.members().isEmpty()) {
            Element members = child(m, "members");
            manifest.members().forEach(x -> member(members, x));
        }
        if (!manifest.blockRules().isEmpty() || !manifest.rolePrecedence().isEmpty()) {
            delimiter(m);
            if (!manifest.blockRules().isEmpty()) {
                Element rules = child(m, "blockRules");
                manifest.blockRules().forEach(b -> blockRule(rules, b));
            }
            if (!manifest.rolePrecedence().isEmpty()) {
                Element precedence = child(m, "rolePrecedence");
                for (Role r : manifest.rolePrecedence()) {
                    child(precedence, "rolePrecedenceEntry").setAttribute("type", r.token);
                }
            }
            end(m);
        }
    }

    private static void container(Element parent, Container c) {
        Element e = child(parent, "container");
        e.setAttribute("id", Integer.toString(c.id()));
        child(e, "visible").setTextContent(Boolean.toString(c.visible()));
        child(e, "avoidRedundantMembers").setTextContent(Boolean.toString(c.avoidRedundantMembers()));
        if (c.blocked()) {
            child(e, "blocked").setTextContent("true");
        }
    }

    private static void member(Element parent, Member m) {
        Element e = child(parent, "member");
        if (m.type() != null) {
            e.setAttribute("type", m.type().token);
        }
        if (m.role() != null) {
            e.setAttribute("role", m.role().token);
        }
        containers(e, "allowedContainers", m.allowed());
        if (m.defaultContainer() != null) {
            child(e, "defaultContainer").setAttribute("id", m.defaultContainer().toString());
        }
        if (m.occurrence() != null) {
            child(e, "occurrenceConstraint").setAttribute("type", m.occurrence().token);
        }
        if (!m.sourceNetworks().isEmpty() || !m.resolutionRules().isEmpty()) {
            delimiter(e);
            sourceNetworks(e, m.sourceNetworks());
            if (!m.resolutionRules().isEmpty()) {
                Element rules = child(e, "resolutionRules");
                for (ResolutionRule r : m.resolutionRules()) {
                    Element rule = child(rules, "resolutionRule");
                    rule.setAttribute("type", r.type().token);
                    if (r.role() != null) {
                        rule.setAttribute("role", r.role().token);
                    }
                }
            }
            end(e);
        }
    }

    private static void blockRule(Element parent, BlockRule b) {
        Element e = child(parent, "blockRule");
        e.setAttribute("type", b.type().token);
        if (b.containers() != null) {
            containers(e, "containers", b.containers());
        }
        sourceNetworks(e, b.sourceNetworks());
        if (b.maxAvailability() != null) {
            child(e, "maxAvailability").setTextContent(b.maxAvailability().toString());
        }
        if (b.minAvailability() != null) {
            child(e, "minAvailability").setTextContent(b.minAvailability().toString());
        }
    }

    private static void containers(Element parent, String name, AllowedContainers a) {
        Element e = child(parent, name);
        e.setAttribute("type", a.type());
        for (Integer id : a.ids()) {
            child(e, "container").setAttribute("id", id.toString());
        }
    }

    private static void sourceNetworks(Element parent, List<SourceNetwork> networks) {
        if (!networks.isEmpty()) {
            Element e = child(parent, "sourceNetworks");
            networks.forEach(n -> child(e, "sourceNetwork").setAttribute("type", n.token));
        }
    }

    private static void delimiter(Element parent) {
        parent.appendChild(parent.getOwnerDocument().createElementNS(COMMON_TYPES, CT + ":delimiter"));
    }

    private static void end(Element parent) {
        parent.appendChild(parent.getOwnerDocument().createElementNS(COMMON_TYPES, CT + ":end"));
    }
}
