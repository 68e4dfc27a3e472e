package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.AnswerXml.children;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * One line per container, member, block rule and role of a rendered containerManifest, so that
 * the tests can compare it with §4.2.2 line by line.
 */
final class GrammarSummary {

    private GrammarSummary() {
    }

    static List<String> of(Element containerManifest) {
        List<String> out = new ArrayList<>();
        walk(containerManifest, "", out);
        return out;
    }

    private static void walk(Element e, String indent, List<String> out) {
        for (Element c : children(e)) {
            StringBuilder line = new StringBuilder(indent).append(prefixed(c));
            for (String a : new String[] {"id", "type", "role"}) {
                if (c.hasAttribute(a)) {
                    line.append(' ').append(a).append('=').append(c.getAttribute(a));
                }
            }
            if (children(c).isEmpty() && !c.getTextContent().isEmpty()) {
                line.append(" = ").append(c.getTextContent());
            }
            out.add(line.toString());
            walk(c, indent + "  ", out);
        }
    }

    private static String prefixed(Element e) {
        return ContainerManifestXml.COMMON_TYPES.equals(e.getNamespaceURI()) ? "ct:" + e.getLocalName() : e.getLocalName();
    }
}
