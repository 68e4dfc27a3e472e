package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ucfront.provisioning.model.groups.AnswerXml.children;
import static org.ucfront.provisioning.model.groups.AnswerXml.only;
import static org.ucfront.provisioning.model.groups.PublicationGrammarTest.CPM;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.ucfront.provisioning.model.ProvisionGroupList;
import org.w3c.dom.Element;

/**
 * The stylesheets of publicationGrammar's transformation rules, as served, applied to category
 * instances (MS-PRES shapes): each access level sees what §4.2.2 lets it see, and instances of
 * later schema versions keep their extensions.
 */
public class CategoryFilterTest {

    private static final String CT = "xmlns:ct=\"http://schemas.microsoft.com/2006/09/sip/commontypes\"";
    private static final String XSI = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    private static final String CARD = "<contactCard xmlns=\"http://schemas.microsoft.com/2006/09/sip/contactcard\" " + CT
            + "><identity><name><displayName>Alice Smith</displayName></name><email>alice@fabrikam.com</email></identity>"
            + "<address type=\"work\"><street>1 Main St</street><city>Redmond</city></address>"
            + "<address type=\"home\"><street>2 Home Rd</street></address>"
            + "<company>Fabrikam</company><department>R&amp;D</department><title>Engineer</title>"
            + "<office>42/1234</office><url type=\"voicemail\">https://vm.fabrikam.com/alice</url>"
            + "<url type=\"web\">https://alice.fabrikam.com/</url>"
            + "<phone type=\"work\"><uri>tel:+14255550100</uri><displayString>+1 425 555 0100</displayString></phone>"
            + "<phone type=\"mobile\"><uri>tel:+14255550199</uri></phone>"
            + "<phone type=\"home\"><uri>tel:+14255550111</uri></phone>"
            + "<ct:delimiter/><ct:delimiter/><displayADPhoto>true</displayADPhoto><ct:end/></contactCard>";
    private static final String STATE = "<state xmlns=\"http://schemas.microsoft.com/2006/09/sip/state\" " + XSI + " " + CT;

    /** The served stylesheet of the rule for this category and container. */
    private static String xsl(String category, int container) throws Exception {
        Element g = AnswerXml.group(new PublicationGrammar(), AnswerXml.settings(Map.of()));
        Element list = only(only(g, CPM, "categoryPublicationManifest"), CPM, "publicationList");
        for (Element r : children(list)) {
            if (r.getAttribute("categoryName").equals(category)
                    && r.getAttribute("containerId").equals(Integer.toString(container))
                    && r.getAttribute("ruleType").equals("transformation")) {
                return only(r, CPM, "categoryData").getTextContent();
            }
        }
        throw new AssertionError("no filter for " + category + " in " + container);
    }

    private static String seen(String category, int container, String instance) throws Exception {
        Element out = AnswerXml.transform(xsl(category, container), instance);
        return AnswerXml.utf8(ProvisionGroupList.render(out.getOwnerDocument()));
    }

    private static void sees(String what, String output, List<String> visible, List<String> hidden) {
        visible.forEach(v -> assertTrue(what + " sees " + v + ": " + output, output.contains(v)));
        hidden.forEach(h -> assertFalse(what + " does not see " + h + ": " + output, output.contains(h)));
    }

    /** Attributes other than namespace declarations. */
    private static int ownAttributes(Element e) {
        int n = 0;
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            n += EmbeddedXml.XMLNS.equals(e.getAttributes().item(i).getNamespaceURI()) ? 0 : 1;
        }
        return n;
    }

    @Test
    public void externalContactsSeeNoPhonesOrAddresses() throws Exception {
        sees("External", seen("contactCard", 100, CARD),
                List.of("Alice Smith", "alice@fabrikam.com", "Fabrikam", "Engineer", "https://vm.fabrikam.com/alice",
                        "<displayADPhoto>true</displayADPhoto>"),
                List.of("tel:", "Main St", "Home Rd", "42/1234", "https://alice.fabrikam.com/"));
    }

    @Test
    public void colleaguesSeeTheWorkCardButNoMobileOrHomeData() throws Exception {
        sees("Colleagues", seen("contactCard", 200, CARD),
                List.of("Alice Smith", "1 Main St", "42/1234", "tel:+14255550100", "+1 425 555 0100",
                        "https://alice.fabrikam.com/"),
                List.of("tel:+14255550199", "tel:+14255550111", "Home Rd"));
    }

    @Test
    public void theWorkgroupAlsoSeesTheMobilePhone() throws Exception {
        sees("Workgroup", seen("contactCard", 300, CARD), List.of("tel:+14255550100", "tel:+14255550199"),
                List.of("tel:+14255550111", "Home Rd"));
    }

    @Test
    public void blockedContactsSeeTheIdentityOnly() throws Exception {
        sees("Blocked", seen("contactCard", 32000, CARD), List.of("Alice Smith", "alice@fabrikam.com", "<ct:end/>"),
                List.of("Fabrikam", "Engineer", "tel:", "displayADPhoto"));
    }

    @Test
    public void aManualDoNotDisturbLetsTheWorkgroupInterruptUrgently() throws Exception {
        Element dnd = AnswerXml.transform(xsl("state", 3), STATE + " manual=\"true\" xsi:type=\"userState\">"
                + "<availability>9500</availability></state>");
        assertEquals("6900", only(dnd, CategoryData.STATE, "availability").getTextContent());
        Element activity = only(dnd, CategoryData.STATE, "activity");
        assertEquals("urgent-interruptions-only", activity.getAttribute("token"));
        assertEquals("6900", activity.getAttribute("minAvailability"));
        assertEquals("8999", activity.getAttribute("maxAvailability"));
        assertEquals("userState", dnd.getAttributeNS(EmbeddedXml.XSI, "type"));
        String busy = seen("state", 3, STATE + " manual=\"true\" xsi:type=\"userState\"><availability>6500</availability>"
                + "</state>");
        sees("Workgroup", busy, List.of("<availability>6500</availability>"), List.of("urgent"));
        String automatic = seen("state", 3, STATE + " manual=\"false\" xsi:type=\"userState\">"
                + "<availability>9500</availability></state>");
        sees("Workgroup", automatic, List.of("<availability>9500</availability>"), List.of("urgent"));
    }

    @Test
    public void laterSchemaVersionsKeepTheirExtensions() throws Exception {
        String machine = seen("state", 3, STATE + " manual=\"false\" xsi:type=\"machineState\"><availability>3500"
                + "</availability><endpointLocation>31 Redmond</endpointLocation><ct:delimiter/><timeZoneBias>420"
                + "</timeZoneBias><device>computer</device><ct:delimiter/><futureElement>x</futureElement><ct:end/></state>");
        sees("Workgroup", machine, List.of("31 Redmond", "<timeZoneBias>420</timeZoneBias>", "<device>computer</device>",
                "<futureElement>x</futureElement>", "<ct:end/>"), List.of());
    }

    @Test
    public void calendarsShowFreeBusyToColleaguesOnlyAndNothingToOutsiders() throws Exception {
        String calendar = "<calendarData xmlns=\"http://schemas.microsoft.com/2006/09/sip/calendarData\" " + CT
                + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\" mailboxID=\"alice@fabrikam.com\">"
                + "<t:WorkingHours><t:TimeZone/></t:WorkingHours><freeBusy>0002200</freeBusy><ct:end/></calendarData>";
        sees("Colleagues", seen("calendarData", 200, calendar), List.of("WorkingHours", "0002200", "mailboxID"), List.of());
        sees("Self", seen("calendarData", 1, calendar), List.of("WorkingHours"), List.of("0002200"));
        for (int outsider : new int[] {100, 32000}) {
            Element out = AnswerXml.transform(xsl("calendarData", outsider), calendar);
            assertEquals("calendarData", out.getLocalName());
            assertEquals(0, out.getChildNodes().getLength() + ownAttributes(out));
        }
    }

    @Test
    public void notesAreEmptyForExternalAndBlockedContacts() throws Exception {
        String note = "<note xmlns=\"http://schemas.microsoft.com/2006/09/sip/note\"><body type=\"personal\" uri=\"\">"
                + "Out until Monday</body></note>";
        for (int outsider : new int[] {100, 32000}) {
            Element out = AnswerXml.transform(xsl("note", outsider), note);
            assertEquals("note", out.getLocalName());
            assertEquals(0, out.getChildNodes().getLength());
        }
    }
}
