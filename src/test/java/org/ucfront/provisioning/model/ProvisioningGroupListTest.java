package org.ucfront.provisioning.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/** The request document (§2.2.2.4), with the §4.2.1 example body, and what a hardened parser refuses. */
public class ProvisioningGroupListTest {

    /** §4.2.1, verbatim (namespace spelled with a capital L, as the example has it). */
    static final String SPEC_REQUEST = "<provisioningGroupList\n"
            + "xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggroupList\"\n"
            + "subnet=\"172.24.32.0\">\n"
            + "  <provisioningGroup name=\"endpointConfiguration\" />\n"
            + "  <provisioningGroup name=\"locationPolicy\" />\n"
            + "  <provisioningGroup name=\"mediaConfiguration\" />\n"
            + "  <provisioningGroup name=\"meetingPolicy\" />\n"
            + "  <provisioningGroup name=\"presencePolicyV2\" />\n"
            + "  <provisioningGroup name=\"privacyPublicationGrammar\" />\n"
            + "  <provisioningGroup name=\"publicationGrammar\" />\n"
            + "  <provisioningGroup name=\"ServerConfiguration\" />\n"
            + "  <provisioningGroup name=\"ucPolicy\" />\n"
            + "  <provisioningGroup name=\"userSetting\" />\n"
            + "  <provisioningGroup name=\"publicProviders\" />\n"
            + "</provisioningGroupList>";

    private static ProvisioningGroupList parse(String xml) throws HardenedXml.RefusedXmlException {
        return ProvisioningGroupList.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String xml, String because) {
        try {
            parse(xml);
            fail("accepted: " + xml);
        } catch (HardenedXml.RefusedXmlException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(because));
        }
    }

    @Test
    public void theSpecRequestListsElevenGroupsAndTheSubnet() throws Exception {
        ProvisioningGroupList list = parse(SPEC_REQUEST);
        assertEquals(11, list.groupNames().size());
        assertEquals("endpointConfiguration", list.groupNames().get(0));
        assertEquals("ServerConfiguration", list.groupNames().get(7));
        assertEquals("172.24.32.0", list.subnet());
    }

    @Test
    public void anotherNamespaceOrRootIsRefused() {
        assertRefused("<provisioningGroupList xmlns=\"urn:other\"><provisioningGroup name=\"x\"/></provisioningGroupList>",
                "namespace");
        assertRefused("<provisioningGroupList><provisioningGroup name=\"x\"/></provisioningGroupList>", "namespace");
        assertRefused("<list xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist\"/>", "root");
    }

    @Test
    public void aGroupWithoutNameOrAnEmptyListIsRefused() {
        String ns = "xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist\"";
        assertRefused("<provisioningGroupList " + ns + "><provisioningGroup/></provisioningGroupList>", "name attribute");
        assertRefused("<provisioningGroupList " + ns + "/>", "no provisioningGroup");
    }

    @Test
    public void documentTypeDeclarationsAreRefusedSoNoEntityIsExpanded() {
        String ns = "xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist\"";
        // XXE: an external entity reading a local file
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<provisioningGroupList " + ns + "><provisioningGroup name=\"&x;\"/></provisioningGroupList>",
                "document type declarations");
        // entity expansion ("billion laughs")
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        bomb.append("]><provisioningGroupList ").append(ns).append("><provisioningGroup name=\"&a9;\"/></provisioningGroupList>");
        assertRefused(bomb.toString(), "document type declarations");
    }

    @Test
    public void garbageAndOversizedBodiesAreRefused() {
        assertRefused("<provisioningGroupList", "not well-formed");
        assertRefused("", "empty body");
        assertRefused("<a>" + "x".repeat(HardenedXml.MAX_BYTES) + "</a>", "larger than");
    }

    @Test
    public void unknownGroupsAreSkippedNotFatalAndEachGroupIsAnsweredOnce() throws Exception {
        String ns = "xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist\"";
        List<String> names = parse("<provisioningGroupList " + ns + "><provisioningGroup name=\"ServerConfiguration\"/>"
                + "<provisioningGroup name=\"noSuchGroup\"/><provisioningGroup name=\"ServerConfiguration\"/>"
                + "</provisioningGroupList>").groupNames();
        assertEquals(List.of("ServerConfiguration", "noSuchGroup", "ServerConfiguration"), names);
        List<ProvisionGroup> selected = ProvisionGroups.standard().select(names);
        assertEquals(List.of("ServerConfiguration"), selected.stream().map(ProvisionGroup::name).toList());
    }
}
