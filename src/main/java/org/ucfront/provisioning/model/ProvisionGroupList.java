package org.ucfront.provisioning.model;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The answer document (§2.2.2.5), built with the DOM from the groups' data models so that every
 * value is escaped by the XML writer, never pasted into markup.
 */
public final class ProvisionGroupList {

    private ProvisionGroupList() {
    }

    // made once: newInstance() looks its implementation up on the class path (reading jar files),
    // which every sign-in SUBSCRIBE did twice
    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();
    private static final DocumentBuilderFactory BUILDERS = namespaceAware();

    private static DocumentBuilderFactory namespaceAware() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f;
    }

    public static Document build(List<ProvisionGroup> groups, ProvisioningContext context) {
        Document doc = newDocument();
        Element root = doc.createElementNS(InBandProvisioning.RESPONSE_NAMESPACE, InBandProvisioning.RESPONSE_ROOT);
        doc.appendChild(root);
        for (ProvisionGroup g : groups) {
            Element e = doc.createElementNS(InBandProvisioning.RESPONSE_NAMESPACE, InBandProvisioning.RESPONSE_GROUP);
            e.setAttribute(InBandProvisioning.NAME, g.name());
            g.write(e, context);
            root.appendChild(e);
        }
        return doc;
    }

    public static byte[] render(Document doc) {
        try {
            Transformer t = TRANSFORMERS.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise the provisioning answer", e);
        }
    }

    static Document newDocument() {
        try {
            return BUILDERS.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends {@code <name>value</name>} in the answer namespace; nothing when value is null. */
    public static void element(Element parent, String name, String value) {
        if (value == null) {
            return;
        }
        Element e = parent.getOwnerDocument().createElementNS(InBandProvisioning.RESPONSE_NAMESPACE, name);
        e.setTextContent(value);
        parent.appendChild(e);
    }

    /** {@code <propertyEntryList><property name="…">…</property>…} (§2.2.2.5.2 and others). */
    public static Element propertyEntryList(Element parent) {
        Element list = parent.getOwnerDocument().createElementNS(InBandProvisioning.RESPONSE_NAMESPACE,
                "propertyEntryList");
        parent.appendChild(list);
        return list;
    }

    public static void property(Element list, String name, String value) {
        if (value == null) {
            return;
        }
        Element p = list.getOwnerDocument().createElementNS(InBandProvisioning.RESPONSE_NAMESPACE, "property");
        p.setAttribute(InBandProvisioning.NAME, name);
        p.setTextContent(value);
        list.appendChild(p);
    }
}
