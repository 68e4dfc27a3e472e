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

/** §2.2.2.5.3 ucPolicy: instance/property, values from the voice policy. */
public class UcPolicyTest {

    private final UcPolicy group = new UcPolicy();

    /** §4.2.2's ucPolicy values. */
    static final Map<String, String> EXAMPLE = Map.of(
            "AllowSimultaneousRinging", "true",
            "AllowCallForwarding", "true",
            "EnableDelegation", "true",
            "EnableTeamCall", "true",
            "EnableCallPark", "true",
            "EnableCallTransfer", "true",
            "EnableMaliciousCallTrace", "true",
            "enableBWPolicyOverride", "false",
            "UcEnabled", "true",
            "VoiceDeploymentMode", "OnPrem");

    @Test
    public void defaultsAreAnInstanceOfPropertiesValidatingAgainstTheFragment() throws Exception {
        Element g = group(group);
        validate(g, "ucPolicy.xsd");
        Map<String, String> served = properties(only(g, "instance"));
        assertEquals(new ArrayList<>(defaults(group).entrySet()), new ArrayList<>(served.entrySet()));
        assertEquals("true", served.get("AllowSimultaneousRinging"));
        assertEquals("false", served.get("EnableCallPark"));
        assertEquals("OnPrem", served.get("VoiceDeploymentMode"));
        assertFalse(served.containsKey("UcEnabled")); // "Ignored": only served when administered
    }

    @Test
    public void administeredValuesOverrideTheDefaults() throws Exception {
        Element g = group(group, Policy.validated(group, "DefaultPolicy", EXAMPLE));
        validate(g, "ucPolicy.xsd");
        Map<String, String> served = properties(only(g, "instance"));
        assertEquals(new ArrayList<>(served(group, EXAMPLE).entrySet()), new ArrayList<>(served.entrySet()));
        assertEquals("true", served.get("EnableCallPark"));
        assertEquals("true", served.get("EnableMaliciousCallTrace"));
        assertEquals("true", served.get("UcEnabled"));

        Element online = group(group, Policy.validated(group, "Cloud", Map.of("VoiceDeploymentMode", "OnPremOnlineHybrid")));
        assertEquals("OnPremOnlineHybrid", properties(only(online, "instance")).get("VoiceDeploymentMode"));
    }

    @Test
    public void valuesOutsideTheirDomainAreRefusedNamingTheProperty() {
        assertRefused(group, "VoiceDeploymentMode", "Hybrid");
        assertRefused(group, "VoiceDeploymentMode", "onprem");
        assertRefused(group, "EnableCallPark", "1");
        assertRefused(group, "AllowCallForwarding", "TRUE");
        assertRefused(group, "PhoneRouteUsages", "Local"); // a list of elements: not served
    }
}
