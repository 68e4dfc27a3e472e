package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.ucfront.provisioning.model.groups.GroupTests.assertRefused;
import static org.ucfront.provisioning.model.groups.GroupTests.group;
import static org.ucfront.provisioning.model.groups.GroupTests.only;
import static org.ucfront.provisioning.model.groups.GroupTests.properties;
import static org.ucfront.provisioning.model.groups.GroupTests.validate;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.ucfront.provisioning.model.Policy;
import org.ucfront.provisioning.model.PolicyGroup;
import org.w3c.dom.Element;

/** §2.2.2.5.9 presencePolicyV2: the six properties that MUST be present, always. */
public class PresencePolicyV2Test {

    private final PresencePolicyV2 group = new PresencePolicyV2();

    /** §2.2.2.5.9: "The following properties MUST be present", in its order. */
    static final List<String> MUST = List.of("EnablePrivacyMode", "AutoInitiateContacts",
            "PublishLocationDataDefault", "DisplayPublishedPhotoDefault", "PersonalNoteHistoryDepth",
            "SubscribeToCollapsedDG");

    @Test
    public void everyPropertyHasADefaultSoAllSixAreAlwaysServed() {
        assertEquals(MUST, group.properties().stream().map(PolicyGroup.Property::name).toList());
        for (PolicyGroup.Property p : group.properties()) {
            assertNotNull(p.name(), p.defaultValue());
        }
    }

    @Test
    public void defaultsAreTheSixPropertiesValidatingAgainstTheFragment() throws Exception {
        Element g = group(group);
        validate(g, "presencePolicyV2.xsd");
        Map<String, String> served = properties(only(g, "propertyEntryList"));
        assertEquals(MUST, List.copyOf(served.keySet()));
        // §4.2.2's values are Lync's defaults
        assertEquals("{EnablePrivacyMode=false, AutoInitiateContacts=true, PublishLocationDataDefault=true,"
                + " DisplayPublishedPhotoDefault=true, PersonalNoteHistoryDepth=3, SubscribeToCollapsedDG=true}",
                served.toString());
    }

    @Test
    public void administeredValuesOverrideTheDefaultsAndTheOthersStay() throws Exception {
        Policy p = Policy.validated(group, "Private", Map.of("EnablePrivacyMode", "true", "PersonalNoteHistoryDepth", "10"));
        Element g = group(group, p);
        validate(g, "presencePolicyV2.xsd");
        Map<String, String> served = properties(only(g, "propertyEntryList"));
        assertEquals(MUST, List.copyOf(served.keySet()));
        assertEquals("true", served.get("EnablePrivacyMode"));
        assertEquals("10", served.get("PersonalNoteHistoryDepth"));
        assertEquals("true", served.get("SubscribeToCollapsedDG"));
    }

    @Test
    public void valuesOutsideTheirDomainAreRefusedNamingTheProperty() {
        assertRefused(group, "EnablePrivacyMode", "on");
        assertRefused(group, "PersonalNoteHistoryDepth", "-1");
        assertRefused(group, "PersonalNoteHistoryDepth", "4294967296");
        assertRefused(group, "SubscribeToCollapsedDG", "");
    }
}
