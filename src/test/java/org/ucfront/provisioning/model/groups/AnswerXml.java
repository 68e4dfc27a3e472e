package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisionGroupList;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.ucfront.provisioning.model.ProvisioningSettings;
import org.ucfront.sip.AddressOfRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * What the tests of the grammar, userSetting and publicProviders groups share: the answer as a
 * client reads it (rendered, reparsed), schema validation against the test resources, and DOM
 * lookups.
 */
final class AnswerXml {

    static final String NS = "http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification";

    private AnswerXml() {
    }

    static ProvisioningSettings settings(Map<String, String> values) {
        return ProvisioningSettings.load("fabrikam.com", values::get);
    }

    /** The rendered answer for alice with just this group. */
    static byte[] render(ProvisionGroup group, ProvisioningSettings settings, String user) {
        return ProvisionGroupList.render(ProvisionGroupList.build(List.of(group),
                new ProvisioningContext(AddressOfRecord.parse(user), settings)));
    }

    /** The group's provisionGroup element, as the client reads it. */
    static Element group(ProvisionGroup group, ProvisioningSettings settings) throws Exception {
        return group(group, settings, "sip:alice@fabrikam.com");
    }

    static Element group(ProvisionGroup group, ProvisioningSettings settings, String user) throws Exception {
        Document doc = parse(render(group, settings, user));
        Element g = only(doc.getDocumentElement(), NS, "provisionGroup");
        assertEquals(group.name(), g.getAttribute("name"));
        return g;
    }

    static Document parse(byte[] xml) throws Exception {
        return builder().parse(new ByteArrayInputStream(xml));
    }

    static Document parse(String xml) throws Exception {
        return builder().parse(new InputSource(new StringReader(xml)));
    }

    private static javax.xml.parsers.DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder();
    }

    /** Validates against these test-resource schemas together (imports resolve beside them). */
    static void validate(Node node, String... schemas) throws Exception {
        Source[] sources = new Source[schemas.length];
        for (int i = 0; i < schemas.length; i++) {
            URL url = AnswerXml.class.getResource("/provisioning-xsd/" + schemas[i]);
            sources[i] = new StreamSource(url.openStream(), url.toExternalForm());
        }
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.newSchema(sources).newValidator().validate(new DOMSource(node));
    }

    /** The element children of parent, whatever their name. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element only(Element parent, String ns, String localName) {
        List<Element> found = children(parent, ns, localName);
        assertEquals(localName + " in " + parent.getLocalName(), 1, found.size());
        return found.get(0);
    }

    /** Compiles a stylesheet as a client would (fails on XSL that is not well-formed or valid). */
    static Templates stylesheet(String xsl) throws Exception {
        return TransformerFactory.newInstance().newTemplates(new StreamSource(new StringReader(xsl)));
    }

    /** What the stylesheet makes of the instance, reparsed. */
    static Element transform(String xsl, String instance) throws Exception {
        DOMResult out = new DOMResult();
        stylesheet(xsl).newTransformer().transform(new StreamSource(new StringReader(instance)), out);
        return ((Document) out.getNode()).getDocumentElement();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
