package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.ucfront.provisioning.model.groups.GroupTests.assertRefused;
import static org.ucfront.provisioning.model.groups.GroupTests.defaults;
import static org.ucfront.provisioning.model.groups.GroupTests.group;
import static org.ucfront.provisioning.model.groups.GroupTests.only;
import static org.ucfront.provisioning.model.groups.GroupTests.properties;
import static org.ucfront.provisioning.model.groups.GroupTests.served;
import static org.ucfront.provisioning.model.groups.GroupTests.validate;

import java.util.ArrayList;
import java.util.Map;
import org.junit.Test;
import org.ucfront.provisioning.model.Policy;
import org.w3c.dom.Element;

/** §2.2.2.5.6 endpointConfiguration: propertyEntryList, values from the client policy. */
public class EndpointConfigurationTest {

    private final EndpointConfiguration group = new EndpointConfiguration();

    /**
     * §4.2.2's endpointConfiguration values (including those the example prints under
     * locationPolicy after a page break), under the data model's property names.
     */
    static final Map<String, String> EXAMPLE = Map.ofEntries(
            Map.entry("ShowRecentContacts", "true"),
            Map.entry("ShowManagePrivacyRelationships", "false"),
            Map.entry("MaxPhotoSizeKB", "10"),
            Map.entry("DisableMusicOnHold", "false"),
            Map.entry("EnableTracing", "true"),
            Map.entry("PhotoUsage", "AllPhotos"),
            Map.entry("AbsUsage", "WebSearchAndFileDownload"),
            Map.entry("EnableHotdesking", "true"),
            Map.entry("HotdeskingTimeout", "180"),
            Map.entry("SPSearchInternalUrl", "http://my/_vti_bin/search.asmx"),
            Map.entry("SPSearchExternalUrl", "http://my/_vti_bin/search.asmx"),
            Map.entry("SPSearchCenterInternalUrl", "http://msw/searchcenter/pages/peopleresults.aspx"),
            Map.entry("EnableContactSync", "true"),
            Map.entry("ShowSharepointPhotoEditLink", "true"),
            Map.entry("EnableVOIPCallDefault", "false"),
            Map.entry("MaximumDGsAllowedInContactList", "10"),
            Map.entry("imLatencySpinnerDelay", "1500"),
            Map.entry("imLatencyErrorThreshold", "1500"),
            Map.entry("EnableMediaRedirection", "true"),
            Map.entry("P2PAppSharingEncryption", "0"),
            Map.entry("CustomLinkInErrorMessage", "http://octop"),
            Map.entry("BITSServerAddressInternal", "http://Oly11-ocg.exchange.corp.microsoft.com/trdin"),
            Map.entry("BITSServerAddressExternal", "https://comodf.microsoft.com/trd"),
            Map.entry("OnlineFeedbackURL",
                    "http://vote/scenarios/communicator/dogfood.aspx?&Site=2b08429f-4651-4901-af51-1d0ca5bca2b7"),
            Map.entry("PrivacyStatementURL", "http://www.microsoft.com/communicator"),
            Map.entry("RateMyCallAllowCustomUserFeedback", "false"),
            Map.entry("RateMyCallDisplayPercentage", "10"),
            Map.entry("EnableHighPerformanceP2PAppSharing", "false"),
            Map.entry("EnableHighPerformanceConferencingAppSharing", "false"),
            Map.entry("EnableServerConversationHistory", "false"),
            Map.entry("TracingLevel", "Light"),
            Map.entry("EnableSkypeUI", "true"),
            Map.entry("CallViaWorkEnabled", "true"),
            Map.entry("UseAdminCallbackNumber", "true"),
            Map.entry("AdminCallbackNumber", "4251111111"));

    @Test
    public void defaultsAreAPropertyEntryListValidatingAgainstTheFragment() throws Exception {
        Element list = only(group(group), "propertyEntryList");
        validate(list, "endpointConfiguration.xsd");
        Map<String, String> served = properties(list);
        assertEquals(new ArrayList<>(defaults(group).entrySet()), new ArrayList<>(served.entrySet()));
        assertEquals("WebSearchAndFileDownload", served.get("AbsUsage"));
        assertEquals("10", served.get("RateMyCallDisplayPercentage")); // §2.2.2.5.6's default
        assertEquals("false", served.get("EnableHighPerformanceP2PAppSharing")); // likewise
        assertEquals("Light", served.get("TracingLevel"));
        assertFalse(served.containsKey("EnableSkypeUI")); // absent: the client chooses
        assertFalse(served.containsKey("EnableIMAutoArchiving")); // absent: the user chooses
    }

    @Test
    public void administeredValuesOverrideTheDefaults() throws Exception {
        Element list = only(group(group, Policy.validated(group, "Dogfood", EXAMPLE)), "propertyEntryList");
        validate(list, "endpointConfiguration.xsd");
        Map<String, String> served = properties(list);
        assertEquals(new ArrayList<>(served(group, EXAMPLE).entrySet()), new ArrayList<>(served.entrySet()));
        assertEquals("10", served.get("MaxPhotoSizeKB"));
        assertEquals("180", served.get("HotdeskingTimeout"));
        assertEquals("true", served.get("EnableHotdesking"));
        assertEquals("1500", served.get("imLatencySpinnerDelay"));
        assertEquals("4251111111", served.get("AdminCallbackNumber"));
        // the '&' is escaped on the wire and intact when read
        assertEquals(EXAMPLE.get("OnlineFeedbackURL"), served.get("OnlineFeedbackURL"));
    }

    @Test
    public void valuesOutsideTheirDomainAreRefusedNamingTheProperty() {
        assertRefused(group, "PhotoUsage", "SomePhotos");
        assertRefused(group, "AbsUsage", "WebSearch");
        assertRefused(group, "TracingLevel", "Verbose");
        assertRefused(group, "RateMyCallDisplayPercentage", "101");
        assertRefused(group, "P2PAppSharingEncryption", "3");
        assertRefused(group, "MaximumNumberOfContacts", "1001");
        assertRefused(group, "SearchPrefixFlags", "128");
        assertRefused(group, "HotdeskingTimeout", "0");
        assertRefused(group, "SPSearchInternalUrl", "ftp://my/_vti_bin/search.asmx");
        assertRefused(group, "SendFeedbackURL", "df-mqd-dcs-01"); // §4.2.2's value is not a URL
        assertRefused(group, "EnableSendFeedback", "1"); // §4.2.2 writes 1; the domain is true/false
        assertRefused(group, "IMWarning", "line one\nline two");
        assertRefused(group, "EnableTracing", "True");
        // §4.2.2's spellings that are not the data model's
        assertRefused(group, "CustomLinkInErrorMessages", "http://octop");
        assertRefused(group, "BotSipUriForTestCall", "sip:ootycorp@microsoft.com");
    }
}
