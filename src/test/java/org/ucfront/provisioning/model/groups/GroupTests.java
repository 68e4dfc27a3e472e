package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.ucfront.provisioning.model.Policy;
import org.ucfront.provisioning.model.PolicyGroup;
import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisionGroupList;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.ucfront.provisioning.model.ProvisioningSettings;
import org.ucfront.sip.AddressOfRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What the policy group tests share: build the answer as a client reads it, and inspect it. */
final class GroupTests {

    static final String NS = "http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification";

    private GroupTests() {
    }

    static ProvisioningContext context(Map<String, Policy> policies) {
        return new ProvisioningContext(AddressOfRecord.parse("sip:alice@fabrikam.com"),
                ProvisioningSettings.load("fabrikam.com", k -> null), policies);
    }

    /** The answer document for these groups, rendered and reparsed: what the client reads. */
    static Document answer(List<ProvisionGroup> groups, Map<String, Policy> policies) throws Exception {
        byte[] bytes = ProvisionGroupList.render(ProvisionGroupList.build(groups, context(policies)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** The group's provisionGroup element, served with the global policy. */
    static Element group(PolicyGroup group) throws Exception {
        return group(group, null);
    }

    /** The group's provisionGroup element, served with this policy (null: the global one). */
    static Element group(PolicyGroup group, Policy policy) throws Exception {
        Map<String, Policy> policies = policy == null ? Map.of() : Map.of(group.policyKind(), policy);
        Element g = only(answer(List.of(group), policies).getDocumentElement(), "provisionGroup");
        assertEquals(group.name(), g.getAttribute("name"));
        return g;
    }

    static void validate(Element element, String schema) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.newSchema(GroupTests.class.getResource("/provisioning-xsd/" + schema)).newValidator()
                .validate(new DOMSource(element));
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The parent's one child element, which must have this name in the answer namespace. */
    static Element only(Element parent, String localName) {
        List<Element> c = children(parent);
        assertEquals("children of " + parent.getLocalName(), 1, c.size());
        assertEquals(localName, c.get(0).getLocalName());
        assertEquals(NS, c.get(0).getNamespaceURI());
        return c.get(0);
    }

    /** name → value of a list's property children, in document order; each name once. */
    static Map<String, String> properties(Element list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element p : children(list)) {
            assertEquals("property", p.getLocalName());
            assertEquals(NS, p.getNamespaceURI());
            assertNull("duplicate " + p.getAttribute("name"), out.put(p.getAttribute("name"), p.getTextContent()));
        }
        return out;
    }

    /** What the group serves with no administered policy: every property with a default. */
    static Map<String, String> defaults(PolicyGroup group) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PolicyGroup.Property p : group.properties()) {
            if (p.defaultValue() != null) {
                out.put(p.name(), p.defaultValue());
            }
        }
        return out;
    }

    /** The defaults with the policy's values put over them, in the group's declared order. */
    static Map<String, String> served(PolicyGroup group, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PolicyGroup.Property p : group.properties()) {
            String v = values.getOrDefault(p.name(), p.defaultValue());
            if (v != null) {
                out.put(p.name(), v);
            }
        }
        return out;
    }

    static void assertRefused(PolicyGroup group, String property, String value) {
        try {
            Policy.validated(group, "Test", Map.of(property, value));
            fail(group.name() + " accepted " + property + "=" + value);
        } catch (Policy.InvalidPolicyException e) {
            assertEquals("properties." + property, e.field());
            assertTrue(e.getMessage(), e.getMessage().startsWith("properties." + property + ": "));
        }
    }
}
