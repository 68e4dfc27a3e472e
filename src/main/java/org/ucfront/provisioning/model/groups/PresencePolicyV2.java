package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.PolicyProperties.BOOL;
import static org.ucfront.provisioning.model.groups.PolicyProperties.UINT32;

import java.util.List;

/**
 * §2.2.2.5.9 presencePolicyV2: presence settings as a propertyEntryList. All six properties
 * MUST be present, so each has a default (Lync's privacy configuration) and an administered
 * policy can only change, never remove, a value.
 */
public final class PresencePolicyV2 extends DeclaredPolicyGroup {

    /** §2.2.2.5: the group's name attribute. */
    public static final String NAME = "presencePolicyV2";
    /** The admin API's kind for presence policies. */
    public static final String KIND = "presence";

    private static final List<Property> PROPERTIES = List.of(
            new Property("EnablePrivacyMode", BOOL, "false"),
            new Property("AutoInitiateContacts", BOOL, "true"),
            new Property("PublishLocationDataDefault", BOOL, "true"),
            new Property("DisplayPublishedPhotoDefault", BOOL, "true"),
            // §4.2.2's value
            new Property("PersonalNoteHistoryDepth", UINT32, "3"),
            new Property("SubscribeToCollapsedDG", BOOL, "true"));

    public PresencePolicyV2() {
        super(NAME, KIND, PROPERTIES, Shape.ENTRY_LIST);
    }
}
