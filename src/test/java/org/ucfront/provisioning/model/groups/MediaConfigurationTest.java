package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.ucfront.provisioning.model.groups.GroupTests.assertRefused;
import static org.ucfront.provisioning.model.groups.GroupTests.group;
import static org.ucfront.provisioning.model.groups.GroupTests.only;
import static org.ucfront.provisioning.model.groups.GroupTests.properties;
import static org.ucfront.provisioning.model.groups.GroupTests.validate;

import java.util.Map;
import org.junit.Test;
import org.ucfront.provisioning.model.Policy;
import org.w3c.dom.Element;

/** §2.2.2.5.8 mediaConfiguration: propertyEntryList of the media bypass settings. */
public class MediaConfigurationTest {

    private final MediaConfiguration group = new MediaConfiguration();

    @Test
    public void defaultsAreAPropertyEntryListValidatingAgainstTheFragment() throws Exception {
        Element list = only(group(group), "propertyEntryList");
        validate(list, "mediaConfiguration.xsd");
        assertEquals("[bypassEnabled=false, internalBypassMode=Off, externalBypassMode=Off]",
                properties(list).entrySet().toString());
    }

    @Test
    public void administeredValuesOverrideTheDefaults() throws Exception {
        // §4.2.2's values, and a bypass ID of the form Lync generates
        Map<String, String> values = Map.of("bypassEnabled", "true", "internalBypassMode", "Any",
                "externalBypassMode", "Off", "bypassId", "96f14dea-5170-429a-b92b-f1cb909c4bb6");
        Element list = only(group(group, Policy.validated(group, "Bypass", values)), "propertyEntryList");
        validate(list, "mediaConfiguration.xsd");
        assertEquals("[bypassEnabled=true, internalBypassMode=Any, externalBypassMode=Off,"
                + " bypassId=96f14dea-5170-429a-b92b-f1cb909c4bb6]", properties(list).entrySet().toString());
    }

    @Test
    public void valuesOutsideTheirDomainAreRefusedNamingTheProperty() {
        assertRefused(group, "bypassEnabled", "yes");
        assertRefused(group, "internalBypassMode", "On");
        assertRefused(group, "externalBypassMode", "any");
        assertRefused(group, "BypassEnabled", "true"); // names are case-sensitive
    }
}
