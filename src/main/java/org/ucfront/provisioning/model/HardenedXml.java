package org.ucfront.provisioning.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses XML a client sent: no DTD at all (so no external entities and no entity expansion),
 * no external schemas or stylesheets, bounded size. Anything else is a client error.
 */
public final class HardenedXml {

    /** Provisioning requests list a dozen group names; 64 KiB is generous. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final DocumentBuilderFactory FACTORY = factory();

    private HardenedXml() {
    }

    /** Thrown for a document that is refused; the message says why, for the 400 reason. */
    public static final class RefusedXmlException extends Exception {
        public RefusedXmlException(String message) {
            super(message);
        }
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
    }

    public static Document parse(byte[] body) throws RefusedXmlException {
        if (body == null || body.length == 0) {
            throw new RefusedXmlException("empty body");
        }
        if (body.length > MAX_BYTES) {
            throw new RefusedXmlException("body larger than " + MAX_BYTES + " bytes");
        }
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no printing to stderr
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            String m = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
            if (m.contains("DOCTYPE")) {
                throw new RefusedXmlException("document type declarations are not accepted");
            }
            throw new RefusedXmlException("not well-formed XML: " + org.ucfront.sip.Tokens.excerpt(m));
        } catch (IOException | ParserConfigurationException e) {
            throw new RefusedXmlException("unreadable body");
        }
    }
}
