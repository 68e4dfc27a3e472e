package org.ucfront.provisioning.model.groups;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * §2.2.2.5.4 categoryData: the XSL of a transformation rule ({@link CategoryFilter}) or the
 * category instance a bootstrap rule publishes ({@link Instance}). Either is a document of its
 * own, which the answer carries as text (§4.2.2 puts it in CDATA).
 */
sealed interface CategoryData permits CategoryFilter, CategoryData.Instance {

    /** MS-PRES category namespaces, as §4.2.2 uses them. */
    String STATE = "http://schemas.microsoft.com/2006/09/sip/state";
    String CONTACT_CARD = "http://schemas.microsoft.com/2006/09/sip/contactcard";
    String CALENDAR_DATA = "http://schemas.microsoft.com/2006/09/sip/calendarData";
    String NOTE = "http://schemas.microsoft.com/2006/09/sip/note";
    String SERVICES = "http://schemas.microsoft.com/2006/09/sip/service";
    String ROUTING = "http://schemas.microsoft.com/02/2006/sip/routing";

    /** The document, made with the DOM implementation of {@code context}'s document. */
    Document document(Element context);

    /** A category instance a bootstrap rule publishes. */
    sealed interface Instance extends CategoryData {
    }

    /** A category element without content, e.g. an empty note or services list. */
    record Empty(String namespace, String element) implements Instance {
        @Override
        public Document document(Element context) {
            return EmbeddedXml.newDocument(context, namespace, element);
        }
    }

    /** MS-PRES aggregateState: the availability the publisher shows before it publishes its own. */
    record AggregateState(int availability) implements Instance {
        /** MS-PRES state attributes and xsi:type. */
        static final String MANUAL = "manual";
        static final String TYPE = "aggregateState";

        @Override
        public Document document(Element context) {
            Document doc = EmbeddedXml.newDocument(context, STATE, "state");
            Element state = doc.getDocumentElement();
            EmbeddedXml.declare(state, "xsi", EmbeddedXml.XSI);
            state.setAttribute(MANUAL, "false");
            state.setAttributeNS(EmbeddedXml.XSI, "xsi:type", TYPE); // the unprefixed type is in the state namespace
            EmbeddedXml.child(state, "availability").setTextContent(Integer.toString(availability));
            return doc;
        }
    }

    /**
     * MS-PRES routing (rtcdefault) preamble: the client flags ("block" blocks calls), how long
     * calls ring before the routing rules apply (null: not given), and the oldest client it is for
     * (null: any).
     */
    record Routing(String clientFlags, Integer waitTotalSeconds, String minSupportedClientVersion) implements Instance {
        /** MS-PRES routing name, version and preamble names (§4.2.2). */
        static final String NAME = "rtcdefault";
        static final String VERSION = "1";
        static final String CLIENT_FLAGS = "clientflags";
        static final String WAIT_TOTAL = "total";

        @Override
        public Document document(Element context) {
            Document doc = EmbeddedXml.newDocument(context, ROUTING, "routing");
            Element routing = doc.getDocumentElement();
            routing.setAttribute("name", NAME);
            routing.setAttribute("version", VERSION);
            if (minSupportedClientVersion != null) {
                routing.setAttribute(ContainerManifestXml.MIN_SUPPORTED_CLIENT_VERSION, minSupportedClientVersion);
            }
            Element preamble = EmbeddedXml.child(routing, "preamble");
            Element flags = EmbeddedXml.child(preamble, "flags");
            flags.setAttribute("name", CLIENT_FLAGS);
            flags.setAttribute("value", clientFlags);
            if (waitTotalSeconds != null) {
                Element wait = EmbeddedXml.child(preamble, "wait");
                wait.setAttribute("name", WAIT_TOTAL);
                wait.setAttribute("seconds", waitTotalSeconds.toString());
            }
            return doc;
        }
    }
}
