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
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.ucfront.provisioning.model.Policy;
import org.w3c.dom.Element;

/** §2.2.2.5.7 locationPolicy: propertyEntryList, values from the location policy. */
public class LocationPolicyTest {

    private final LocationPolicy group = new LocationPolicy();

    static final String DISCLAIMER = "Your company policy requires you to set a location. If you do not set a"
            + " location emergency services will not be able to locate you in an emergency. Please set a location.";

    /** §4.2.2's locationPolicy values (its own properties, not the page-broken client ones). */
    static final Map<String, String> EXAMPLE = Map.of(
            "EnhancedEmergencyServicesEnabled", "true",
            "LocationPolicyTagID", "user-tagid",
            "LocationRequired", "yes",
            "UseLocationForE911Only", "false",
            "EmergencyDialString", "119",
            "EmergencyDialMask", "112;100",
            "NotificationUri", "sip:notify@microsoft.com",
            "ConferenceUri", "sip:security@microsoft.com",
            "EmergencyServiceDisclaimer", DISCLAIMER,
            "LocationRefreshInterval", "4");

    @Test
    public void defaultsAreAPropertyEntryListValidatingAgainstTheFragment() throws Exception {
        Element list = only(group(group), "propertyEntryList");
        validate(list, "locationPolicy.xsd");
        Map<String, String> served = properties(list);
        assertEquals(new ArrayList<>(defaults(group).entrySet()), new ArrayList<>(served.entrySet()));
        assertEquals("false", served.get("EnhancedEmergencyServicesEnabled"));
        assertEquals("no", served.get("LocationRequired"));
        assertFalse(served.containsKey("NotificationUri"));
    }

    @Test
    public void administeredValuesOverrideTheDefaults() throws Exception {
        Map<String, String> values = new HashMap<>(EXAMPLE);
        // §2.2.2.5.7's examples for the properties §4.2.2 does not show
        values.put("EmergencyNumbers", "112-911;117-100;118-101;144-102");
        values.put("ConferenceMode", "twoway");
        values.put("NotificationUri", "sip:notify@microsoft.com,sip:security@microsoft.com"); // a list
        Element list = only(group(group, Policy.validated(group, "Redmond", values)), "propertyEntryList");
        validate(list, "locationPolicy.xsd");
        Map<String, String> served = properties(list);
        assertEquals(new ArrayList<>(served(group, values).entrySet()), new ArrayList<>(served.entrySet()));
        assertEquals("true", served.get("EnhancedEmergencyServicesEnabled"));
        assertEquals("119", served.get("EmergencyDialString"));
        assertEquals("112;100", served.get("EmergencyDialMask"));
        assertEquals(DISCLAIMER, served.get("EmergencyServiceDisclaimer"));
    }

    @Test
    public void valuesOutsideTheirDomainAreRefusedNamingTheProperty() {
        assertRefused(group, "LocationRequired", "true");
        assertRefused(group, "LocationRequired", "Yes");
        assertRefused(group, "ConferenceMode", "threeway");
        assertRefused(group, "EnhancedEmergencyServicesEnabled", "yes");
        assertRefused(group, "NotificationUri", "notify@microsoft.com");
        assertRefused(group, "ConferenceUri", "https://security.microsoft.com/");
        assertRefused(group, "LocationRefreshInterval", "0");
        assertRefused(group, "LocationRefreshInterval", "13");
        // §4.2.2 prints client-policy properties here after a page break: not locationPolicy's
        assertRefused(group, "TracingLevel", "Light");
        assertRefused(group, "RateMyCallDisplayPercentage", "10");
    }
}
