package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.PolicyProperties.BOOL;
import static org.ucfront.provisioning.model.groups.PolicyProperties.LONG_TEXT;
import static org.ucfront.provisioning.model.groups.PolicyProperties.POSITIVE;
import static org.ucfront.provisioning.model.groups.PolicyProperties.SHORT_TEXT;
import static org.ucfront.provisioning.model.groups.PolicyProperties.UINT32;
import static org.ucfront.provisioning.model.groups.PolicyProperties.URL;

import java.util.List;
import java.util.Set;
import org.ucfront.provisioning.model.ValueDomain;

/**
 * §2.2.2.5.6 endpointConfiguration: the user's client policy as a propertyEntryList (the
 * shape of the section's XSD and of §4.2.2; its tree draws the properties flat). Properties are
 * declared in the tree's order. As in Lync's global client policy most are unset, and an unset
 * property is left out so the client keeps its own behaviour; defaults are given where Lync's
 * global policy or the section has one.
 */
public final class EndpointConfiguration extends DeclaredPolicyGroup {

    /** §2.2.2.5: the group's name attribute. */
    public static final String NAME = "endpointConfiguration";
    /** The admin API's kind for client policies. */
    public static final String KIND = "client";

    /** §2.2.2.5.6 PhotoUsage. */
    public static final Set<String> PHOTO_USAGES = Set.of("NoPhoto", "PhotosFromADOnly", "AllPhotos");
    /** §2.2.2.5.6 AbsUsage. */
    public static final Set<String> ABS_USAGES = Set.of("WebSearchAndFileDownload", "WebSearchOnly", "FileDownloadOnly");
    /** §2.2.2.5.6 TracingLevel. */
    public static final Set<String> TRACING_LEVELS = Set.of("Off", "Light", "Full");

    private static final List<Property> PROPERTIES = List.of(
            // "Ignored" by clients (also DisableMusicOnHold, AttendantSafeTransfer,
            // MusicOnHoldAudioFile, DisableInkIM): served only when an administrator sets them
            new Property("ShowRecentContacts", BOOL, null),
            new Property("ShowManagePrivacyRelationships", BOOL, null),
            new Property("MaxPhotoSizeKB", UINT32, "30"),
            new Property("DisableMusicOnHold", BOOL, null),
            new Property("AttendantSafeTransfer", BOOL, null),
            new Property("MusicOnHoldAudioFile", SHORT_TEXT, null),
            // the data model's name; §4.2.2 writes CustomLinkInErrorMessages
            new Property("CustomLinkInErrorMessage", URL, null),
            new Property("CustomStateUrl", URL, null),
            new Property("DisablePoorDeviceWarnings", BOOL, null),
            new Property("DisablePoorNetworkWarnings", BOOL, null),
            // described in the section's text, missing from its tree
            new Property("DisablePreCallNetworkDiagnostics", BOOL, null),
            new Property("BlockConversationFromFederatedContacts", BOOL, null),
            // seconds
            new Property("CalendarStatePublicationInterval", POSITIVE, null),
            new Property("EnableCallLogAutoArchiving", BOOL, null),
            new Property("EnableAppearOffline", BOOL, null),
            new Property("EnableConversationWindowTabs", BOOL, null),
            new Property("EnableEventLogging", BOOL, null),
            new Property("EnableFullScreenVideoPreviewDisabled", BOOL, null),
            new Property("EnableSQMData", BOOL, null),
            new Property("EnableTracing", BOOL, null),
            new Property("EnableURL", BOOL, null),
            // unset: the user decides whether IMs are archived
            new Property("EnableIMAutoArchiving", BOOL, null),
            new Property("DisableEmailComparisonCheck", BOOL, null),
            new Property("DisableCalendarPresence", BOOL, null),
            new Property("DisableEmoticons", BOOL, null),
            new Property("DisableFederatedPromptDisplayName", BOOL, null),
            new Property("DisableFreeBusyInfo", BOOL, null),
            new Property("DisableHandsetOnLockedMachine", BOOL, null),
            new Property("DisableHtmlIm", BOOL, null),
            new Property("DisableInkIM", BOOL, null),
            new Property("DisableRTFIM", BOOL, null),
            new Property("DisableSavingIM", BOOL, null),
            new Property("DisableMeetingSubjectAndLocation", BOOL, null),
            new Property("DisableOneNote12Integration", BOOL, null),
            new Property("DisableOnlineContextualSearch", BOOL, null),
            new Property("DisablePhonePresence", BOOL, null),
            new Property("DisablePICPromptDisplayName", BOOL, null),
            new Property("DisablePresenceNote", BOOL, null),
            new Property("PhotoUsage", new ValueDomain.OneOf(PHOTO_USAGES), "AllPhotos"),
            new Property("AbsUsage", new ValueDomain.OneOf(ABS_USAGES), "WebSearchAndFileDownload"),
            new Property("AllowUnencryptedFileTransfer", BOOL, null),
            new Property("AutoDiscoveryRetryInterval", POSITIVE, null),
            new Property("ConferenceIMIdleTimeout", POSITIVE, null),
            // seconds
            new Property("DGRefreshInterval", POSITIVE, null),
            new Property("ExcludedContactFolders", LONG_TEXT, null),
            new Property("IMWarning", LONG_TEXT, null),
            // minutes
            new Property("MapiPollInterval", POSITIVE, null),
            // Lync accepts 0 to 1000; unset, the server's contact limit applies
            new Property("MaximumNumberOfContacts", new ValueDomain.Range(0, 1000), null),
            new Property("NotificationForNewSubscribers", BOOL, null),
            new Property("PlayAbbrDialTone", BOOL, "true"),
            // a DWORD of which bits 0 to 6 are defined
            new Property("SearchPrefixFlags", new ValueDomain.Range(0, 127), null),
            new Property("TabURL", URL, null),
            // minutes
            new Property("WebServicePollInterval", POSITIVE, null),
            new Property("DisableFeedsTab", BOOL, null),
            new Property("EnableEnterpriseCustomizedHelp", BOOL, null),
            new Property("CustomizedHelpUrl", URL, null),
            new Property("DisableContactCardOrganizationTab", BOOL, null),
            new Property("EnableHotdesking", BOOL, "false"),
            // seconds (§4.2.2: 180); Lync's default is 5 minutes
            new Property("HotdeskingTimeout", POSITIVE, "300"),
            new Property("SPSearchInternalUrl", URL, null),
            new Property("SPSearchExternalUrl", URL, null),
            new Property("SPSearchCenterInternalUrl", URL, null),
            new Property("SPSearchCenterExternalUrl", URL, null),
            new Property("EnableExchangeDelegateSyncUp", BOOL, null),
            new Property("EnableContactSync", BOOL, "true"),
            new Property("ShowSharepointPhotoEditLink", BOOL, null),
            new Property("EnableVOIPCallDefault", BOOL, "false"),
            new Property("MaximumDGsAllowedInContactList", UINT32, "10"),
            new Property("EnableMediaRedirection", BOOL, "false"),
            // §2.2.2.5.6: 0 supported, 1 enforced, 2 not supported
            new Property("P2PAppSharingEncryption", new ValueDomain.Range(0, 2), "0"),
            new Property("HelpEnvironment", SHORT_TEXT, null),
            new Property("RateMyCallAllowCustomUserFeedback", BOOL, "false"),
            // §2.2.2.5.6: a percentage, default 10
            new Property("RateMyCallDisplayPercentage", new ValueDomain.Range(0, 100), "10"),
            // milliseconds. The tree lists these twice (Im… and im…); §4.2.2 uses im…
            new Property("imLatencySpinnerDelay", UINT32, "2000"),
            new Property("imLatencyErrorThreshold", UINT32, "5000"),
            // §2.2.2.5.6: both default to false
            new Property("EnableHighPerformanceP2PAppSharing", BOOL, "false"),
            new Property("EnableHighPerformanceConferencingAppSharing", BOOL, "false"),
            new Property("TracingLevel", new ValueDomain.OneOf(TRACING_LEVELS), "Light"),
            new Property("EnableServerConversationHistory", BOOL, "false"),
            // unset: the client chooses its user interface
            new Property("EnableSkypeUI", BOOL, null),
            new Property("CallViaWorkEnabled", BOOL, null),
            new Property("UseAdminCallbackNumber", BOOL, null),
            new Property("AdminCallbackNumber", SHORT_TEXT, null),
            new Property("OnlineFeedbackURL", URL, null),
            new Property("BITSServerAddressInternal", URL, null),
            new Property("BITSServerAddressExternal", URL, null),
            // Booleans like the section's others; §4.2.2 writes them as 1
            new Property("EnableSendFeedback", BOOL, null),
            new Property("EnableIssueReports", BOOL, null),
            new Property("EnableBugFiling", BOOL, null),
            new Property("EnableBackgroundDataCollection", BOOL, null),
            new Property("PrivacyStatementURL", URL, null),
            // "the URL" per the section (§4.2.2 shows a bare host name)
            new Property("SendFeedbackURL", URL, null));

    public EndpointConfiguration() {
        super(NAME, KIND, PROPERTIES, Shape.ENTRY_LIST);
    }
}
