package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ucfront.provisioning.model.groups.GroupTests.answer;
import static org.ucfront.provisioning.model.groups.GroupTests.children;
import static org.ucfront.provisioning.model.groups.GroupTests.only;
import static org.ucfront.provisioning.model.groups.GroupTests.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.ucfront.provisioning.model.PolicyGroup;
import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisionGroups;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The six policy groups are served, under their admin API kinds, side by side in one answer. */
public class PolicyGroupsTest {

    private static final List<String> NAMES = List.of("meetingPolicy", "ucPolicy", "endpointConfiguration",
            "locationPolicy", "mediaConfiguration", "presencePolicyV2");

    @Test
    public void theStandardGroupsServeThemUnderTheirKinds() {
        Map<String, PolicyGroup> kinds = ProvisionGroups.standard().policyGroups();
        assertTrue(kinds.get("meeting") instanceof MeetingPolicy);
        assertTrue(kinds.get("uc") instanceof UcPolicy);
        assertTrue(kinds.get("location") instanceof LocationPolicy);
        assertTrue(kinds.get("presence") instanceof PresencePolicyV2);
        assertTrue(kinds.get("client") instanceof EndpointConfiguration);
        assertTrue(kinds.get("media") instanceof MediaConfiguration);
        List<ProvisionGroup> selected = ProvisionGroups.standard().select(NAMES);
        assertEquals(NAMES, selected.stream().map(ProvisionGroup::name).toList());
    }

    @Test
    public void eachGroupDeclaresEachPropertyOnce() {
        for (PolicyGroup g : List.of(new MeetingPolicy(), new UcPolicy(), new EndpointConfiguration(),
                new LocationPolicy(), new MediaConfiguration(), new PresencePolicyV2())) {
            Set<String> seen = new HashSet<>();
            for (PolicyGroup.Property p : g.properties()) {
                assertTrue(g.name() + " declares " + p.name() + " twice", seen.add(p.name()));
            }
        }
    }

    @Test
    public void inOneAnswerEachGroupValidatesAgainstItsFragment() throws Exception {
        Document doc = answer(ProvisionGroups.standard().select(NAMES), Map.of());
        List<Element> groups = children(doc.getDocumentElement());
        assertEquals(NAMES.size(), groups.size());
        for (Element g : groups) {
            String name = g.getAttribute("name");
            if (name.equals("meetingPolicy") || name.equals("ucPolicy") || name.equals("presencePolicyV2")) {
                validate(g, name + ".xsd"); // fragments rooted at provisionGroup
            } else {
                validate(only(g, "propertyEntryList"), name + ".xsd"); // rooted at propertyEntryList
            }
        }
    }
}
