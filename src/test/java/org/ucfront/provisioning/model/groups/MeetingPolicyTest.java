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

/** §2.2.2.5.2 meetingPolicy: instance/property, values from the conferencing policy. */
public class MeetingPolicyTest {

    private final MeetingPolicy group = new MeetingPolicy();

    /** §4.2.2's meetingPolicy values (those differing from the defaults, and some that do not). */
    static final Map<String, String> EXAMPLE = Map.ofEntries(
            Map.entry("AllowAppSharingForExternalMeeting", "Desktop"),
            Map.entry("RetainPPTForExternalMeeting", "true"),
            Map.entry("AllowPresenterToRecord", "true"),
            Map.entry("MeetingSize", "50"),
            Map.entry("TrustedConferencingPinRequired", "false"),
            Map.entry("AllowExternalUserControl", "true"),
            Map.entry("AllowExternalUserRecording", "true"),
            Map.entry("AllowRecording", "true"),
            Map.entry("MaxConferenceVideoResolution", "VGA"),
            Map.entry("AllowedAppDesktopSharingLevel", "Desktop"),
            Map.entry("RequirePasscode", "false"),
            Map.entry("AudioBitRate", "200"),
            Map.entry("VideoBitRate", "2000"),
            Map.entry("AppSharingBitRate", "2000"),
            Map.entry("FileTransferBitRate", "2000"),
            Map.entry("TotalReceiveVideoBitRate", "6000"),
            Map.entry("AllowSharedNotes", "false"),
            Map.entry("AllowQna", "false"));

    @Test
    public void defaultsAreAnInstanceOfPropertiesValidatingAgainstTheFragment() throws Exception {
        Element g = group(group);
        validate(g, "meetingPolicy.xsd");
        Map<String, String> served = properties(only(g, "instance"));
        assertEquals(new ArrayList<>(defaults(group).entrySet()), new ArrayList<>(served.entrySet()));
        assertEquals("true", served.get("AllowIPAudio"));
        assertEquals("250", served.get("MeetingSize"));
        assertEquals("Desktop", served.get("AllowedAppDesktopSharingLevel"));
        assertEquals("true", served.get("AllowQna")); // §2.2.2.5.2: "The default value is true"
        assertEquals("false", served.get("EnableOnlineMeetingPromptForLyncResources")); // likewise "false"
        assertFalse(served.containsKey("RetainPPTForExternalMeeting")); // optional, no default: left out
    }

    @Test
    public void administeredValuesOverrideTheDefaults() throws Exception {
        Policy p = Policy.validated(group, "Executives", EXAMPLE);
        Element g = group(group, p);
        validate(g, "meetingPolicy.xsd");
        Map<String, String> served = properties(only(g, "instance"));
        assertEquals(new ArrayList<>(served(group, EXAMPLE).entrySet()), new ArrayList<>(served.entrySet()));
        assertEquals("50", served.get("MeetingSize"));
        assertEquals("true", served.get("AllowRecording"));
        assertEquals("Desktop", served.get("AllowAppSharingForExternalMeeting"));
        assertEquals("true", served.get("AllowIPVideo")); // not in the policy: the default
    }

    @Test
    public void valuesOutsideTheirDomainAreRefusedNamingTheProperty() {
        assertRefused(group, "AllowIPAudio", "yes");
        assertRefused(group, "MeetingSize", "0");
        assertRefused(group, "MeetingSize", "fifty");
        assertRefused(group, "MaxConferenceVideoResolution", "HD720p");
        assertRefused(group, "AllowedAppDesktopSharingLevel", "true");
        // the §4.2.2 value "true" belongs to AllowUserToScheduleMeetingsWithAppSharing, a Boolean
        assertRefused(group, "AllowUserToScheduleMeetingsWithAppSharing", "Desktop");
        assertRefused(group, "AudioBitRate", "-1");
        assertRefused(group, "Name", "DefaultPolicy"); // not a value: the policy's name
    }
}
