package org.ucfront.provisioning.model.groups;

import java.nio.charset.StandardCharsets;
import org.ucfront.provisioning.model.ProvisionGroupList;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Documents that travel as text inside the answer (the PublicProviders list, the XSL and the
 * category instances of publication rules): built with the DOM like the answer itself, then
 * serialised into a CDATA section, so their values are escaped by the XML writer too.
 */
final class EmbeddedXml {

    /** XSLT 1.0: the namespace of the transformation rules' stylesheets. */
    static final String XSL = "http://www.w3.org/1999/XSL/Transform";
    /** XML Schema instance: xsi:type of category instances. */
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The namespace of namespace declarations. */
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private EmbeddedXml() {
    }

    /** A new document with this root, made by the same DOM implementation as the answer. */
    static Document newDocument(Element context, String namespace, String qualifiedRoot) {
        return context.getOwnerDocument().getImplementation().createDocument(namespace, qualifiedRoot, null);
    }

    /** Appends the document, serialised without XML declaration, as one CDATA section. */
    static void appendAsCdata(Element parent, Document embedded) {
        String text = new String(ProvisionGroupList.render(embedded), StandardCharsets.UTF_8);
        parent.appendChild(parent.getOwnerDocument().createCDATASection(text));
    }

    /**
     * Declares a prefix (null: the default namespace) on an element, for names in attribute
     * values (XPath, xsl:element) that the serialiser cannot see.
     */
    static void declare(Element e, String prefix, String namespace) {
        e.setAttributeNS(XMLNS, prefix == null ? "xmlns" : "xmlns:" + prefix, namespace);
    }

    /** Appends an element in the parent's own namespace. */
    static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        parent.appendChild(e);
        return e;
    }
}
