package org.ucfront.provisioning.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.junit.Test;
import org.ucfront.provisioning.model.groups.PersistentChatConfiguration;
import org.ucfront.provisioning.model.groups.ServerConfiguration;
import org.ucfront.sip.AddressOfRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The answer document (§2.2.2.5): each group validates against its §2.2.2.5.x schema fragment
 * (test resources), values escape properly, and per-user values have the spec's forms.
 */
public class ProvisionGroupListTest {

    static final String NS = "http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification";

    private static ProvisioningSettings settings(Map<String, String> values) {
        return ProvisioningSettings.load("fabrikam.com", k -> values.get(k));
    }

    private static Document answer(ProvisioningSettings s, ProvisionGroup... groups) throws Exception {
        byte[] bytes = ProvisionGroupList.render(ProvisionGroupList.build(List.of(groups),
                new ProvisioningContext(AddressOfRecord.parse("sip:alice@fabrikam.com"), s)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)); // reparsed: what a client reads
    }

    private static Element group(Document doc, String name) {
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getAttribute("name"))) {
                return e;
            }
        }
        throw new AssertionError("no group " + name);
    }

    private static void validate(Element element, String schema) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.newSchema(ProvisionGroupListTest.class.getResource("/provisioning-xsd/" + schema)).newValidator()
                .validate(new DOMSource(element));
    }

    private static String text(Element group, String child) {
        return group.getElementsByTagNameNS(NS, child).item(0).getTextContent();
    }

    private static final Map<String, String> FULL = Map.ofEntries(
            Map.entry("ucfront.provisioning.organization", "Fabrikam & Sons <UC>"),
            Map.entry("ucfront.provisioning.abs.internal.url", "https://abs.fabrikam.com/abs/int/handler"),
            Map.entry("ucfront.provisioning.abs.external.url", "https://abs.fabrikam.com/abs/ext/handler"),
            Map.entry("ucfront.provisioning.dlx.internal.url", "https://dlx.fabrikam.com/groupexpansion/service.svc"),
            Map.entry("ucfront.provisioning.lis.internal.url", "https://lis.fabrikam.com/locationinformation/liservice.svc"),
            Map.entry("ucfront.provisioning.mras.uri", "sip:mras.fabrikam.com@fabrikam.com;gruu;opaque=srvr:MRAS:abc"),
            Map.entry("ucfront.provisioning.qos.uri", "sip:qoe@fabrikam.com"),
            Map.entry("ucfront.provisioning.port.range.enabled", "true"),
            Map.entry("ucfront.provisioning.min.media.port", "20000"),
            Map.entry("ucfront.provisioning.max.media.port", "30000"),
            Map.entry("ucfront.provisioning.persistent.chat.enabled", "true"),
            Map.entry("ucfront.provisioning.persistent.chat.pool.uri", "sip:chat@fabrikam.com"));

    @Test
    public void serverConfigurationValidatesAgainstItsSchema() throws Exception {
        Document doc = answer(settings(FULL), new ServerConfiguration(), new PersistentChatConfiguration());
        assertEquals(NS, doc.getDocumentElement().getNamespaceURI());
        assertEquals("provisionGroupList", doc.getDocumentElement().getLocalName());
        Element g = group(doc, "ServerConfiguration");
        validate(g, "ServerConfiguration.xsd");
        assertEquals("sip:alice@fabrikam.com;opaque=app:voicemail", text(g, "voiceMailUri"));
        assertEquals("sip:alice@fabrikam.com;gruu;opaque=app:conf:focusfactory", text(g, "focusFactoryUri"));
        assertEquals("Fabrikam & Sons <UC>", text(g, "organization")); // escaped on the wire, intact when read
        assertEquals("true", text(g, "dlxEnabled"));
        assertEquals("20000", text(g, "ucMinMediaPort"));
        assertEquals("sip:qoe@fabrikam.com", text(g, "qosUri"));
    }

    @Test
    public void withNothingConfiguredTheGroupStillValidates() throws Exception {
        Element g = group(answer(settings(Map.of()), new ServerConfiguration()), "ServerConfiguration");
        validate(g, "ServerConfiguration.xsd");
        assertEquals("fabrikam.com", text(g, "organization"));
        assertEquals("false", text(g, "dlxEnabled"));
        assertEquals(0, g.getElementsByTagNameNS(NS, "mrasUri").getLength());
    }

    @Test
    public void persistentChatConfigurationValidatesAgainstItsSchema() throws Exception {
        Element g = group(answer(settings(FULL), new PersistentChatConfiguration()), "persistentChatConfiguration");
        Element list = (Element) g.getElementsByTagNameNS(NS, "propertyEntryList").item(0);
        validate(list, "propertyEntryList.xsd");
        assertTrue(list.getTextContent().contains("sip:chat@fabrikam.com"));
        assertEquals("EnablePersistentChat", ((Element) list.getFirstChild()).getAttribute("name"));
        assertEquals("true", list.getFirstChild().getTextContent());
    }

    @Test
    public void settingsOutsideTheirDomainAreRefusedNamingTheSetting() {
        String[][] bad = {
            {"ucfront.provisioning.abs.internal.url", "http://abs.fabrikam.com/"},
            {"ucfront.provisioning.mras.uri", "https://mras.fabrikam.com/"},
            {"ucfront.provisioning.pc2pc.av.encryption", "Sometimes"},
            {"ucfront.provisioning.max.video.rate", "8K"},
            {"ucfront.provisioning.port.range.enabled", "yes"},
            {"ucfront.provisioning.min.media.port", "80"},
        };
        for (String[] b : bad) {
            try {
                settings(Map.of(b[0], b[1]));
                throw new AssertionError("accepted " + b[0] + "=" + b[1]);
            } catch (org.ucfront.launcher.UcfrontConfig.InvalidConfigException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(b[0] + "=" + b[1] + " is not valid"));
            }
        }
    }

    @Test
    public void theAnswerIsUtf8() throws Exception {
        Map<String, String> v = Map.of("ucfront.provisioning.organization", "Fabrikam Zürich");
        byte[] bytes = ProvisionGroupList.render(ProvisionGroupList.build(List.of(new ServerConfiguration()),
                new ProvisioningContext(AddressOfRecord.parse("alice@fabrikam.com"), settings(v))));
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("Fabrikam Zürich"));
    }
}
