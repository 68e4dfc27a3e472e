package org.ucfront.registrar.servlet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.naming.InitialContext;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit.Arquillian;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ucfront.directory.model.UserChange;
import org.ucfront.directory.service.UserService;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.provisioning.service.PolicyService;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.Ejbs;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The provisioning servlet with its EJBs, from inside the running container: a policy administered
 * through PolicyService is served to the user it is assigned to in the answer to a real SUBSCRIBE
 * over UDP, and the answer's groups validate against the §2.2.2.5 schema fragments.
 */
@RunWith(Arquillian.class)
public class ProvisioningInContainerIT {

    static final String NS = "http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification";
    /** §4.2.1, the groups asked for (a subset of the example's list). */
    static final String REQUEST = "<provisioningGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggroupList\">"
            + "<provisioningGroup name=\"ServerConfiguration\" /><provisioningGroup name=\"meetingPolicy\" />"
            + "<provisioningGroup name=\"presencePolicyV2\" /></provisioningGroupList>";

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "provisioning-it.war")
                .addClasses(ProvisioningInContainerIT.class, SipUdpClient.class, SipUdpClient.Message.class);
    }

    @Test
    public void anAssignedPolicyIsServedAndEveryGroupValidates() throws Exception {
        InitialContext jndi = new InitialContext();
        UserService users = (UserService) jndi.lookup("java:comp/env/" + Ejbs.USER_SERVICE);
        PolicyService policies = (PolicyService) jndi.lookup("java:comp/env/" + Ejbs.POLICY_SERVICE);
        AddressOfRecord petra = AddressOfRecord.parse("sip:petra@fabrikam.com");
        users.create(petra, new UserChange("Petra", true, null));
        policies.save("meeting", "Tiny", Map.of("MeetingSize", "5"), false);
        policies.assign(petra.toString(), "meeting", "Tiny");

        UcfrontConfig config = UcfrontConfig.current();
        try (SipUdpClient client = new SipUdpClient(config.sipAddress, config.sipPort)) {
            SipUdpClient.Message ok = client.subscribeProvisioning("petra", "fabrikam.com", REQUEST);
            assertEquals(ok.text, 200, ok.status);
            Document doc = parse(ok.body);
            Element meeting = group(doc, "meetingPolicy");
            validate(meeting, "meetingPolicy.xsd");
            validate(group(doc, "ServerConfiguration"), "ServerConfiguration.xsd");
            validate(group(doc, "presencePolicyV2"), "presencePolicyV2.xsd");
            assertEquals("5", property(meeting, "MeetingSize"));
            assertEquals("sip:petra@fabrikam.com;opaque=app:voicemail",
                    group(doc, "ServerConfiguration").getElementsByTagNameNS(NS, "voiceMailUri").item(0).getTextContent());
        }
    }

    private static Document parse(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element group(Document doc, String name) {
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getAttribute("name"))) {
                return e;
            }
        }
        throw new AssertionError("no group " + name);
    }

    private static String property(Element group, String name) {
        var props = group.getElementsByTagNameNS(NS, "property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (name.equals(p.getAttribute("name"))) {
                return p.getTextContent();
            }
        }
        throw new AssertionError("no property " + name);
    }

    private static void validate(Element element, String schema) throws Exception {
        var url = ProvisioningInContainerIT.class.getResource("/provisioning-xsd/" + schema);
        assertTrue("schema " + schema + " on the test class path", url != null);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(url).newValidator()
                .validate(new DOMSource(element));
    }
}
