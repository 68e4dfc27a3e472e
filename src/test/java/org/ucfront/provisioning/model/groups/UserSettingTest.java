package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ucfront.provisioning.model.groups.AnswerXml.NS;
import static org.ucfront.provisioning.model.groups.AnswerXml.children;
import static org.ucfront.provisioning.model.groups.AnswerXml.group;
import static org.ucfront.provisioning.model.groups.AnswerXml.only;
import static org.ucfront.provisioning.model.groups.AnswerXml.settings;
import static org.ucfront.provisioning.model.groups.AnswerXml.validate;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.w3c.dom.Element;

/** §2.2.2.5.5 userSetting: the schema fragment's shape and the per-user values. */
public class UserSettingTest {

    private static String value(Element g, String name) {
        return only(g, NS, name).getTextContent();
    }

    @Test
    public void validatesAgainstItsSchemaWithTheDefaults() throws Exception {
        Element g = group(new UserSetting(), settings(Map.of()));
        validate(g, "userSetting.xsd");
        assertEquals(List.of("disableFileTransfer", "ucUserLocationProfile", "commonAreaPhone"),
                children(g).stream().map(Element::getLocalName).toList());
        assertEquals("false", value(g, "disableFileTransfer")); // file transfer allowed
        assertEquals("false", value(g, "commonAreaPhone"));
        // required by the schema even when no location profile is configured: present, empty
        assertEquals("", value(g, "ucUserLocationProfile"));
    }

    @Test
    public void theLocationProfileIsTheConfiguredOne() throws Exception {
        Element g = group(new UserSetting(), settings(Map.of("ucfront.provisioning.location.profile",
                "Redmond <HQ> & Co")));
        validate(g, "userSetting.xsd");
        assertEquals("Redmond <HQ> & Co", value(g, "ucUserLocationProfile")); // escaped on the wire, intact here
    }

    @Test
    public void everyUserGetsTheSameValuesUntilPerUserValuesAreAdministered() throws Exception {
        var s = settings(Map.of("ucfront.provisioning.location.profile", "DefaultProfile"));
        for (String user : List.of("sip:alice@fabrikam.com", "sip:bob@fabrikam.com")) {
            Element g = group(new UserSetting(), s, user);
            validate(g, "userSetting.xsd");
            assertEquals(user, "false", value(g, "disableFileTransfer"));
            assertEquals(user, "DefaultProfile", value(g, "ucUserLocationProfile"));
            assertEquals(user, "false", value(g, "commonAreaPhone"));
        }
    }

    @Test
    public void aLocationProfileWithControlCharactersIsRefusedNamingTheSetting() {
        try {
            settings(Map.of("ucfront.provisioning.location.profile", "Default\u0007Profile"));
            throw new AssertionError("accepted a control character");
        } catch (org.ucfront.launcher.UcfrontConfig.InvalidConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("ucfront.provisioning.location.profile="));
        }
    }
}
