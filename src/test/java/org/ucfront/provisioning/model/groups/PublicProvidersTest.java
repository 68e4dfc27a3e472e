package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ucfront.provisioning.model.groups.AnswerXml.NS;
import static org.ucfront.provisioning.model.groups.AnswerXml.children;
import static org.ucfront.provisioning.model.groups.AnswerXml.group;
import static org.ucfront.provisioning.model.groups.AnswerXml.only;
import static org.ucfront.provisioning.model.groups.AnswerXml.settings;
import static org.ucfront.provisioning.model.groups.AnswerXml.validate;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.provisioning.model.ProvisioningSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * §2.2.2.5.12 publicProviders: a propertyEntryList whose one property carries the PublicProviders
 * document in CDATA, from {@code ucfront.provisioning.public.providers}.
 */
public class PublicProvidersTest {

    private static final String KEY = "ucfront.provisioning.public.providers";
    private static final String SKYPE = "Skype|federation.messenger.msn.com|https://images.edge.messenger.live.com/"
            + "Messenger_16x16.png|msn.com|msn.com|msn.com, outlook.com,live.com";

    /** The property, after checking the group's shape against its schema fragment. */
    private static Element property(ProvisioningSettings s) throws Exception {
        Element g = group(new PublicProviders(), s);
        Element list = only(g, NS, "propertyEntryList");
        assertEquals(1, children(g).size());
        validate(list, "publicProviders.xsd");
        Element p = only(list, NS, "property");
        assertEquals("publicProviders", p.getAttribute("name"));
        return p;
    }

    /** The embedded document, after checking it is one CDATA section valid against its fragment. */
    private static Element providers(Element property) throws Exception {
        assertEquals(1, property.getChildNodes().getLength());
        assertEquals(Node.CDATA_SECTION_NODE, property.getFirstChild().getNodeType());
        Document doc = AnswerXml.parse(property.getTextContent());
        validate(doc, "PublicProvidersDocument.xsd");
        Element root = doc.getDocumentElement();
        assertEquals("PublicProviders", root.getLocalName());
        assertEquals(null, root.getNamespaceURI());
        return root;
    }

    @Test
    public void withNoProvidersTheListIsEmpty() throws Exception {
        Element root = providers(property(settings(Map.of())));
        assertTrue(children(root).isEmpty());
    }

    @Test
    public void configuredProvidersAreListedInOrderWithTheirAttributes() throws Exception {
        Element root = providers(property(settings(Map.of(KEY, SKYPE + " ; Contoso IM|sip.contoso.com;"))));
        List<Element> entries = children(root);
        assertEquals(2, entries.size());
        Element skype = entries.get(0);
        assertEquals("PublicProvider", skype.getLocalName());
        assertEquals("Skype", skype.getAttribute("Name"));
        assertEquals("federation.messenger.msn.com", skype.getAttribute("ProxyFqdn"));
        assertEquals("https://images.edge.messenger.live.com/Messenger_16x16.png", skype.getAttribute("IconUrl"));
        assertEquals("msn.com", skype.getAttribute("NameDecorationDomain"));
        assertEquals("msn.com", skype.getAttribute("NameDecorationRoutingDomain"));
        // §2.2.2.5.12: "a comma-separated list of FQDNs"
        assertEquals("msn.com,outlook.com,live.com", skype.getAttribute("NameDecorationExcludedDomainList"));
        Element contoso = entries.get(1);
        assertEquals("Contoso IM", contoso.getAttribute("Name"));
        assertEquals("sip.contoso.com", contoso.getAttribute("ProxyFqdn"));
        assertFalse(contoso.hasAttribute("IconUrl")); // unset optional attributes are left out
        assertFalse(contoso.hasAttribute("NameDecorationExcludedDomainList"));
    }

    @Test
    public void emptyOptionalFieldsAreLeftOut() throws Exception {
        Element root = providers(property(settings(Map.of(KEY, "Fabrikam|im.fabrikam.com||fabrikam.com"))));
        Element p = children(root).get(0);
        assertFalse(p.hasAttribute("IconUrl"));
        assertEquals("fabrikam.com", p.getAttribute("NameDecorationDomain"));
        assertFalse(p.hasAttribute("NameDecorationRoutingDomain"));
    }

    @Test
    public void markupInANameSurvivesTheEmbeddedDocumentAndTheCdata() throws Exception {
        String name = "Odd \"<&]]>\" IM";
        byte[] wire = AnswerXml.render(new PublicProviders(), settings(Map.of(KEY, name + "|im.odd.example")),
                "sip:alice@fabrikam.com");
        assertTrue(AnswerXml.utf8(wire).contains("<![CDATA[<PublicProviders>"));
        Element root = providers(property(settings(Map.of(KEY, name + "|im.odd.example"))));
        assertEquals(name, children(root).get(0).getAttribute("Name"));
    }

    @Test
    public void invalidProvidersAreRefusedNamingTheSetting() {
        String[] bad = {
            "Skype",                                          // no ProxyFqdn
            "Skype|",                                         // empty ProxyFqdn
            "Skype|localhost",                                // not fully qualified
            "Skype|federation messenger.msn.com",             // not a host name
            "|federation.messenger.msn.com",                  // no Name
            "Skype|federation.messenger.msn.com|ftp://icons.example.com/skype.png",
            "Skype|federation.messenger.msn.com|not a url",
            "Skype|federation.messenger.msn.com||msn..com",
            "Skype|federation.messenger.msn.com|||-msn.com",
            "Skype|federation.messenger.msn.com||||msn.com,,live.com",
            "Skype|federation.messenger.msn.com||||msn.com|extra",
            "Skype|a.msn.com;skype|b.msn.com",                // the same Name twice
            "Sky\u0001pe|federation.messenger.msn.com",       // control character
        };
        for (String v : bad) {
            try {
                settings(Map.of(KEY, v));
                throw new AssertionError("accepted " + v);
            } catch (UcfrontConfig.InvalidConfigException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(KEY + "=" + v + " is not valid; expected "));
            }
        }
    }

    @Test
    public void theSettingMayBeBlankOrHoldOnlySeparators() throws Exception {
        assertEquals(List.of(), settings(Map.of(KEY, "  ")).publicProviders());
        assertEquals(List.of(), settings(Map.of(KEY, ";;")).publicProviders());
    }
}
