package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.PolicyProperties.BOOL;
import static org.ucfront.provisioning.model.groups.PolicyProperties.POSITIVE;
import static org.ucfront.provisioning.model.groups.PolicyProperties.SHORT_TEXT;

import java.util.List;
import java.util.Set;
import org.ucfront.provisioning.model.ValueDomain;

/**
 * §2.2.2.5.2 meetingPolicy: the user's conferencing policy as {@code instance/property}.
 * Defaults are Lync's global conferencing policy; settings it lacks (OCS-era ones) have none and
 * are left out until administered. Values are Boolean unless the section says otherwise. Not
 * declared: {@code Name} ("optional, ignored"; a policy's name is its identity, not a value).
 */
public final class MeetingPolicy extends DeclaredPolicyGroup {

    /** §2.2.2.5: the group's name attribute. */
    public static final String NAME = "meetingPolicy";
    /** The admin API's kind for conferencing policies. */
    public static final String KIND = "meeting";

    /**
     * §2.2.2.5.2 AllowedAppDesktopSharingLevel. The section prints these values under the next
     * property (AllowUserToScheduleMeetingsWithAppSharing, whose §4.2.2 value is "true"); §4.2.2
     * shows "Desktop" for this one and for AllowAppSharingForExternalMeeting.
     */
    public static final Set<String> SHARING_LEVELS = Set.of("None", "SingleApplication", "Desktop");
    /** §2.2.2.5.2 MaxConferenceVideoResolution. */
    public static final Set<String> VIDEO_RESOLUTIONS = Set.of("CIF", "VGA");

    private static final ValueDomain SHARING = new ValueDomain.OneOf(SHARING_LEVELS);

    private static final List<Property> PROPERTIES = List.of(
            new Property("AllowIPAudio", BOOL, "true"),
            new Property("AllowIPVideo", BOOL, "true"),
            new Property("EnableDataCollaboration", BOOL, "true"),
            // <79>, <80>: OCS 2007 (R2) only; ColorDepth's values are not given
            new Property("ColorDepth", SHORT_TEXT, null),
            new Property("AllowACP", BOOL, null),
            new Property("RetainPPTForExternalMeeting", BOOL, null),
            new Property("MeetingSize", POSITIVE, "250"),
            new Property("AllowAppSharingForExternalMeeting", SHARING, null),
            new Property("AllowPresenterToRecord", BOOL, null),
            new Property("EnableAppDesktopSharing", BOOL, "true"),
            new Property("EnablePSTNConferencing", BOOL, "true"),
            new Property("TrustedConferencingPinRequired", BOOL, null),
            new Property("AllowAnnotations", BOOL, "true"),
            new Property("AllowAnonymousParticipants", BOOL, "true"),
            new Property("AllowExternalUserControl", BOOL, "false"),
            new Property("AllowExternalUserRecording", BOOL, "false"),
            // §4.2.2 spells it AllowExternalUserToSaveContent; the data model's name is kept
            new Property("AllowExternalUsersToSaveContent", BOOL, "true"),
            new Property("AllowFileTransfer", BOOL, "true"),
            new Property("AllowParticipantControl", BOOL, "true"),
            new Property("AllowRecording", BOOL, "false"),
            new Property("EnableP2PFileTransfer", BOOL, "true"),
            new Property("MaxConferenceVideoResolution", new ValueDomain.OneOf(VIDEO_RESOLUTIONS), "VGA"),
            new Property("AllowedAppDesktopSharingLevel", SHARING, "Desktop"),
            new Property("AllowUserToScheduleMeetingsWithAppSharing", BOOL, "true"),
            // bit rates in kbps; the spec gives no bounds
            new Property("AppSharingBitRate", POSITIVE, "50000"),
            new Property("AudioBitRate", POSITIVE, "200"),
            new Property("FileTransferBitRate", POSITIVE, "50000"),
            new Property("RequirePasscode", BOOL, null),
            new Property("VideoBitRate", POSITIVE, "50000"),
            new Property("AllowPolls", BOOL, "true"),
            new Property("EnableP2PRecording", BOOL, "false"),
            new Property("EnableP2PVideo", BOOL, "true"),
            new Property("EnableMultiViewJoin", BOOL, "true"),
            new Property("TotalReceiveVideoBitRate", POSITIVE, "50000"),
            new Property("DisablePowerPointAnnotations", BOOL, "false"),
            new Property("AllowSharedNotes", BOOL, "true"),
            new Property("AllowQna", BOOL, "true"),
            new Property("AllowOfficeContent", BOOL, "true"),
            new Property("EnableOnlineMeetingPromptForLyncResources", BOOL, "false"));

    public MeetingPolicy() {
        super(NAME, KIND, PROPERTIES, Shape.INSTANCE);
    }
}
