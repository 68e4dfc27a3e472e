package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ucfront.provisioning.model.groups.ContainerManifest.AllowedContainers.custom;
import static org.ucfront.provisioning.model.groups.ContainerManifest.AllowedContainers.visible;

import java.util.List;
import org.junit.Test;
import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisionGroups;
import org.ucfront.provisioning.model.groups.ContainerManifest.BlockRule;
import org.ucfront.provisioning.model.groups.ContainerManifest.BlockType;
import org.ucfront.provisioning.model.groups.ContainerManifest.Container;
import org.ucfront.provisioning.model.groups.ContainerManifest.Member;
import org.ucfront.provisioning.model.groups.ContainerManifest.MemberType;
import org.ucfront.provisioning.model.groups.ContainerManifest.Occurrence;
import org.ucfront.provisioning.model.groups.ContainerManifest.Resolution;
import org.ucfront.provisioning.model.groups.ContainerManifest.ResolutionRule;
import org.ucfront.provisioning.model.groups.ContainerManifest.Role;
import org.ucfront.provisioning.model.groups.CategoryPublicationManifest.PublicationRule;
import org.ucfront.provisioning.model.groups.CategoryPublicationManifest.RuleType;

/**
 * The grammar model refuses what §2.2.2.5.4 does not allow, so no served grammar can carry it;
 * and the four groups are served.
 */
public class ContainerManifestTest {

    private static final List<Container> CONTAINERS = List.of(new Container(100, true, true, false),
            new Container(32000, true, false, true));

    private static void refused(Runnable r) {
        try {
            r.run();
            fail("accepted");
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }

    private static Member member(ContainerManifest.AllowedContainers allowed, Integer defaultContainer) {
        return new Member(MemberType.USER, null, allowed, defaultContainer, Occurrence.ONE, List.of(), List.of());
    }

    @Test
    public void valuesOutsideTheirDomainsAreRefused() {
        refused(() -> new Container(65536, true, true, false));            // not an unsigned short
        refused(() -> new Container(-1, true, true, false));
        refused(() -> new ResolutionRule(Resolution.FORCE_ROLE));          // forceRole names a role
        refused(() -> new ResolutionRule(Resolution.REMOVE_FROM_CONTAINER, Role.BUDDY));
        refused(() -> new Member(null, null, visible(), null, null, List.of(), List.of())); // neither type nor role
        refused(() -> new ContainerManifest.AllowedContainers(false, List.of()));         // custom lists containers
        refused(() -> new BlockRule(BlockType.INVITES, null, List.of(), 9000, 11999));    // min above max
        refused(() -> new CategoryPublicationManifest.Expiry(CategoryPublicationManifest.ExpireType.TIME, null));
        refused(() -> new CategoryPublicationManifest.InstanceId(CategoryPublicationManifest.InstanceType.CONSTANT, -1));
        CategoryFilter noteFilter = CategoryFilter.of(LyncPublicationRules.NOTE);
        refused(() -> new PublicationRule(RuleType.TRANSFORMATION, "state", 100, false, null, null, noteFilter));
        refused(() -> new PublicationRule(RuleType.BOOTSTRAP, "note", 100, false, null, null, noteFilter));
        refused(() -> new PublicationRule(RuleType.CLEANUP, "note", 100, false, null, null,
                new CategoryData.Empty(CategoryData.NOTE, "note")));
        refused(() -> new PublicationRule(RuleType.TRANSFORMATION, "note", 70000, false, null, null, null));
    }

    @Test
    public void membersReferToDeclaredAndAllowedContainersOnly() {
        refused(() -> new ContainerManifest(CONTAINERS, List.of(member(custom(200), null)), List.of(), List.of()));
        refused(() -> new ContainerManifest(CONTAINERS, List.of(member(custom(32000), 100)), List.of(), List.of()));
        refused(() -> new ContainerManifest(List.of(new Container(100, false, true, false)),
                List.of(member(visible(), 100)), List.of(), List.of())); // 100 is not visible
        refused(() -> new ContainerManifest(CONTAINERS, List.of(),
                List.of(new BlockRule(BlockType.INVITES, custom(0), List.of(), null, null)), List.of()));
        refused(() -> new ContainerManifest(List.of(new Container(1, true, true, false), new Container(1, true, true,
                false)), List.of(), List.of(), List.of()));
        new ContainerManifest(CONTAINERS, List.of(member(visible(), 100), member(custom(32000), 32000)), List.of(),
                List.of(Role.DELEGATE));
    }

    @Test
    public void theFourGroupsAreServed() {
        List<String> names = List.of("publicationGrammar", "privacyPublicationGrammar", "userSetting", "publicProviders");
        assertEquals(names, ProvisionGroups.standard().select(names).stream().map(ProvisionGroup::name).toList());
    }
}
