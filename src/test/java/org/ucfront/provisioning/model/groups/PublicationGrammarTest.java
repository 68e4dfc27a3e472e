package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ucfront.provisioning.model.groups.AnswerXml.children;
import static org.ucfront.provisioning.model.groups.AnswerXml.group;
import static org.ucfront.provisioning.model.groups.AnswerXml.only;
import static org.ucfront.provisioning.model.groups.AnswerXml.settings;
import static org.ucfront.provisioning.model.groups.AnswerXml.validate;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * §2.2.2.5.4 publicationGrammar: the group and its container manifest validate against the
 * schema fragments, both manifests carry what §4.2.2 does, every publication rule is within the
 * data model's domains, and the stylesheets filter what each access level sees.
 */
public class PublicationGrammarTest {

    static final String CM = "http://schemas.microsoft.com/2008/09/sip/ContainerManifest";
    static final String CPM = "http://schemas.microsoft.com/2008/09/sip/categoryPublicationManifest";

    private static Element grammar() throws Exception {
        return group(new PublicationGrammar(), settings(Map.of()));
    }

    /** The §4.2.2 containerManifest of a group, transcribed in a test resource. */
    static Element example(String group) throws Exception {
        try (InputStream in = PublicationGrammarTest.class.getResourceAsStream(
                "/provisioning-examples/" + group + "-containerManifestList.xml")) {
            Document doc = AnswerXml.parse(in.readAllBytes());
            return only(doc.getDocumentElement(), CM, "containerManifest");
        }
    }

    private static List<Element> rules() throws Exception {
        Element manifest = only(grammar(), CPM, "categoryPublicationManifest");
        return AnswerXml.children(only(manifest, CPM, "publicationList"), CPM, "publicationRule");
    }

    @Test
    public void validatesAgainstTheGroupAndContainerManifestSchemas() throws Exception {
        Element g = grammar();
        validate(g, "publicationGrammar.xsd", "containerManifestList.xsd");
        Element list = only(g, CM, "containerManifestList");
        validate(list, "containerManifestList.xsd"); // strictly, as its own document
        assertEquals("2.0.0.0", list.getAttribute("minSupportedClientVersion"));
        Element manifest = only(g, CPM, "categoryPublicationManifest");
        assertEquals("2.0.0.0", manifest.getAttribute("minSupportedClientVersion"));
        assertEquals(List.of(list, manifest), children(g));
    }

    @Test
    public void theContainerManifestIsThatOfSection422() throws Exception {
        Element manifest = only(only(grammar(), CM, "containerManifestList"), CM, "containerManifest");
        assertEquals(GrammarSummary.of(example("publicationGrammar")), GrammarSummary.of(manifest));
    }

    @Test
    public void thePublicationRulesAreThoseOfSection422() throws Exception {
        List<String> got = new ArrayList<>();
        for (Element r : rules()) {
            StringBuilder s = new StringBuilder(r.getAttribute("ruleType")).append(' ')
                    .append(r.getAttribute("categoryName")).append(' ').append(r.getAttribute("containerId"));
            if (r.hasAttribute("preferredSelfConsumption")) {
                s.append(" self=").append(r.getAttribute("preferredSelfConsumption"));
            }
            for (Element c : children(r)) {
                s.append(' ').append(c.getLocalName());
            }
            got.add(s.toString());
        }
        String data = " categoryData";
        String seed = " instanceId expireType categoryData";
        assertEquals(List.of(
                "transformation state 2 self=true", "transformation state 3" + data,
                "transformation device 2 self=true",
                "transformation contactCard 100" + data, "transformation contactCard 200" + data,
                "transformation contactCard 300" + data, "transformation contactCard 400 self=true",
                "transformation contactCard 32000" + data,
                "transformation calendarData 1" + data, "transformation calendarData 100" + data,
                "transformation calendarData 200" + data, "transformation calendarData 300" + data,
                "transformation calendarData 400 self=true", "transformation calendarData 32000" + data,
                "transformation note 100" + data, "transformation note 200", "transformation note 300",
                "transformation note 400 self=true", "transformation note 32000" + data,
                "transformation noteHistory 200", "transformation noteHistory 300",
                "transformation noteHistory 400 self=true",
                "transformation services 2 self=true",
                "transformation routing 0 self=true", "transformation routing 100", "transformation routing 200",
                "transformation routing 300", "transformation routing 400",
                "transformation userProperties 1 self=true", "transformation userInformation 1 self=true",
                "transformation alerts 1 self=true", "transformation rccOptions 1 self=true",
                "transformation otherOptions 1 self=true", "transformation categoryPublicationManifest 1 self=true",
                "bootstrap state 32000" + seed, "bootstrap services 32000" + seed, "bootstrap routing 32000" + seed,
                "bootstrap routing 0" + seed, "bootstrap noteHistory 100" + seed, "bootstrap noteHistory 32000" + seed),
                got);
    }

    @Test
    public void everyRuleIsWithinTheDataModelsDomains() throws Exception {
        Set<String> containers = new HashSet<>(Set.of("1", "2", "3")); // the owner's own containers
        for (Element c : children(only(only(only(grammar(), CM, "containerManifestList"), CM, "containerManifest"),
                CM, "containers"))) {
            containers.add(c.getAttribute("id"));
        }
        for (Element r : rules()) {
            String where = r.getAttribute("categoryName") + "@" + r.getAttribute("containerId");
            assertTrue(where, Set.of("bootstrap", "transformation", "cleanup").contains(r.getAttribute("ruleType")));
            assertFalse(where, r.getAttribute("categoryName").isBlank());
            assertTrue(where, containers.contains(r.getAttribute("containerId")));
            if (r.hasAttribute("preferredSelfConsumption")) {
                assertTrue(where, Set.of("true", "false").contains(r.getAttribute("preferredSelfConsumption")));
            }
            for (int i = 0; i < r.getAttributes().getLength(); i++) {
                assertTrue(where, Set.of("ruleType", "categoryName", "containerId", "preferredSelfConsumption")
                        .contains(r.getAttributes().item(i).getNodeName()));
            }
            for (Element c : children(r)) {
                assertEquals(where, CPM, c.getNamespaceURI());
                switch (c.getLocalName()) {
                    case "instanceId" -> {
                        assertTrue(where, Set.of("constant", "custom").contains(c.getAttribute("type")));
                        long v = Long.parseLong(c.getAttribute("value"));
                        assertTrue(where, v >= 0 && v <= 0xFFFF_FFFFL);
                    }
                    case "expireType" -> {
                        String type = c.getAttribute("type");
                        assertTrue(where, Set.of("endpoint", "user", "static", "time").contains(type));
                        assertEquals(where, type.equals("time"), c.hasAttribute("expireTime"));
                    }
                    case "categoryData" -> categoryData(where, r.getAttribute("ruleType"), c);
                    default -> throw new AssertionError(where + " has " + c.getLocalName());
                }
            }
        }
    }

    /** One CDATA section holding a stylesheet (transformation) or a category instance (bootstrap). */
    private static void categoryData(String where, String ruleType, Element data) throws Exception {
        assertEquals(where, 1, data.getChildNodes().getLength());
        assertEquals(where, Node.CDATA_SECTION_NODE, data.getFirstChild().getNodeType());
        Element root = AnswerXml.parse(data.getTextContent()).getDocumentElement();
        if (ruleType.equals("transformation")) {
            assertEquals(where, EmbeddedXml.XSL, root.getNamespaceURI());
            assertNotNull(where, AnswerXml.stylesheet(data.getTextContent()));
        } else {
            String category = where.substring(0, where.indexOf('@'));
            // §4.2.2 seeds noteHistory with a note instance
            assertEquals(where, category.equals("noteHistory") ? "note" : category, root.getLocalName());
        }
    }

    @Test
    public void theBootstrapInstancesAreThoseOfSection422() throws Exception {
        List<String> got = new ArrayList<>();
        for (Element r : rules()) {
            if (r.getAttribute("ruleType").equals("bootstrap")) {
                Element i = AnswerXml.parse(only(r, CPM, "categoryData").getTextContent()).getDocumentElement();
                got.add(r.getAttribute("containerId") + " " + i.getNamespaceURI() + " " + i.getLocalName() + " "
                        + AnswerXml.utf8(org.ucfront.provisioning.model.ProvisionGroupList.render(i.getOwnerDocument()))
                        .replaceAll(" xmlns(:\\w+)?=\"[^\"]*\"", ""));
            }
        }
        assertEquals(List.of(
                "32000 http://schemas.microsoft.com/2006/09/sip/state state "
                        + "<state manual=\"false\" xsi:type=\"aggregateState\"><availability>18500</availability></state>",
                "32000 http://schemas.microsoft.com/2006/09/sip/service services <services/>",
                "32000 http://schemas.microsoft.com/02/2006/sip/routing routing <routing name=\"rtcdefault\" "
                        + "version=\"1\"><preamble><flags name=\"clientflags\" value=\"block\"/></preamble></routing>",
                "0 http://schemas.microsoft.com/02/2006/sip/routing routing <routing minSupportedClientVersion=\"4.0.0.0\" "
                        + "name=\"rtcdefault\" version=\"1\"><preamble><flags name=\"clientflags\" value=\"\"/>"
                        + "<wait name=\"total\" seconds=\"20\"/></preamble></routing>",
                "100 http://schemas.microsoft.com/2006/09/sip/note note <note/>",
                "32000 http://schemas.microsoft.com/2006/09/sip/note note <note/>"), got);
    }

    @Test
    public void theAnswerCarriesTheEmbeddedDocumentsAsCdata() {
        String wire = AnswerXml.utf8(AnswerXml.render(new PublicationGrammar(), settings(Map.of()),
                "sip:alice@fabrikam.com"));
        assertTrue(wire.contains("<categoryData><![CDATA[<xsl:stylesheet "));
        assertTrue(wire.contains("<categoryData><![CDATA[<state "));
    }
}
