package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.ContainerManifest.AllowedContainers.custom;
import static org.ucfront.provisioning.model.groups.ContainerManifest.AllowedContainers.visible;

import java.util.List;
import org.ucfront.provisioning.model.groups.ContainerManifest.BlockRule;
import org.ucfront.provisioning.model.groups.ContainerManifest.BlockType;
import org.ucfront.provisioning.model.groups.ContainerManifest.Container;
import org.ucfront.provisioning.model.groups.ContainerManifest.Member;
import org.ucfront.provisioning.model.groups.ContainerManifest.MemberType;
import org.ucfront.provisioning.model.groups.ContainerManifest.Occurrence;
import org.ucfront.provisioning.model.groups.ContainerManifest.Resolution;
import org.ucfront.provisioning.model.groups.ContainerManifest.ResolutionRule;
import org.ucfront.provisioning.model.groups.ContainerManifest.Role;
import org.ucfront.provisioning.model.groups.ContainerManifest.SourceNetwork;

/**
 * The container manifests a Lync server publishes (§4.2.2): the access levels a client offers
 * (External contacts, Colleagues, Workgroup, Friends and Family, Blocked), who lands where, and
 * what the blocked container blocks. The standard and the privacy-mode grammar share all but
 * the members matched by type.
 */
final class LyncContainerManifests {

    /** §4.2.2: containerManifestList and categoryPublicationManifest minSupportedClientVersion. */
    static final String MIN_SUPPORTED_CLIENT_VERSION = "2.0.0.0";

    /** §4.2.2 container ids; 1, 2 and 3 are the owner's own (self and aggregation) containers. */
    static final int DEFAULT = 0;
    static final int SELF = 1;
    static final int AGGREGATION = 2;
    static final int WORKGROUP_AGGREGATION = 3;
    static final int EXTERNAL = 100;
    static final int COLLEAGUES = 200;
    static final int WORKGROUP = 300;
    static final int FRIENDS_AND_FAMILY = 400;
    static final int BLOCKED = 32000;

    /** MS-PRES availability: Do Not Disturb is 9000 to 11999 (§4.2.2 blockRule). */
    static final int DND_MIN = 9000;
    static final int DND_MAX = 11999;

    static final List<Container> CONTAINERS = List.of(
            new Container(DEFAULT, false, false, false),
            new Container(EXTERNAL, true, true, false),
            new Container(COLLEAGUES, true, true, false),
            new Container(WORKGROUP, true, true, false),
            new Container(FRIENDS_AND_FAMILY, true, true, false),
            new Container(BLOCKED, true, false, true));

    /** A federated or public contact is in exactly one access level, External by default. */
    static final Member EXTERNAL_BUDDY = new Member(null, Role.BUDDY, visible(), EXTERNAL, Occurrence.ONE,
            List.of(SourceNetwork.PUBLIC_CLOUD, SourceNetwork.FEDERATED),
            List.of(new ResolutionRule(Resolution.MOVE_TO_DEFAULT_CONTAINER)));
    /** A contact of the same enterprise is in exactly one access level, Colleagues by default. */
    static final Member COLLEAGUE_BUDDY = new Member(null, Role.BUDDY, visible(), COLLEAGUES, Occurrence.ONE,
            List.of(SourceNetwork.SAME_ENTERPRISE), List.of(new ResolutionRule(Resolution.MOVE_TO_DEFAULT_CONTAINER)));
    /** Delegates are always in Workgroup. */
    static final Member DELEGATE = new Member(null, Role.DELEGATE, custom(WORKGROUP), WORKGROUP, Occurrence.ONE,
            List.of(), List.of(new ResolutionRule(Resolution.MOVE_TO_DEFAULT_CONTAINER)));

    static final List<BlockRule> BLOCK_RULES = List.of(
            // no calls from the public cloud to whoever has no access level of their own
            new BlockRule(BlockType.INVITES, custom(DEFAULT), List.of(SourceNetwork.PUBLIC_CLOUD), null, null),
            // no calls while the owner is in Do Not Disturb
            new BlockRule(BlockType.INVITES, null, List.of(), DND_MAX, DND_MIN),
            // no calls and no "added you" prompts from blocked contacts
            new BlockRule(BlockType.INVITES, custom(BLOCKED), List.of(), null, null),
            new BlockRule(BlockType.SUBSCRIBER_PROMPT, custom(BLOCKED), List.of(), null, null));

    static final List<Role> ROLE_PRECEDENCE = List.of(Role.DELEGATE, Role.BUDDY);

    /** §2.2.2.5.4 / §4.2.2 publicationGrammar: whole networks may be given an access level. */
    static final ContainerManifest STANDARD = new ContainerManifest(CONTAINERS, List.of(
            EXTERNAL_BUDDY, COLLEAGUE_BUDDY,
            byType(MemberType.SAME_ENTERPRISE, visible(), COLLEAGUES, Occurrence.ONE),
            byType(MemberType.FEDERATED, visible(), EXTERNAL, Occurrence.ONE),
            byType(MemberType.PUBLIC_CLOUD, visible(), null, Occurrence.ZERO_OR_ONE),
            DELEGATE), BLOCK_RULES, ROLE_PRECEDENCE);

    /**
     * §2.2.2.5.10 / §4.2.2 privacyPublicationGrammar: only contacts get an access level; users,
     * domains and networks may only be blocked.
     */
    static final ContainerManifest PRIVACY = new ContainerManifest(CONTAINERS, List.of(
            EXTERNAL_BUDDY, COLLEAGUE_BUDDY,
            blockedOnly(MemberType.DOMAIN, null, new ResolutionRule(Resolution.REMOVE_FROM_CONTAINER)),
            blockedOnly(MemberType.USER, null, new ResolutionRule(Resolution.FORCE_ROLE, Role.BUDDY)),
            blockedOnly(MemberType.SAME_ENTERPRISE, Occurrence.ZERO_OR_ONE,
                    new ResolutionRule(Resolution.REMOVE_FROM_CONTAINER)),
            blockedOnly(MemberType.FEDERATED, Occurrence.ZERO_OR_ONE, new ResolutionRule(Resolution.REMOVE_FROM_CONTAINER)),
            blockedOnly(MemberType.PUBLIC_CLOUD, Occurrence.ZERO_OR_ONE,
                    new ResolutionRule(Resolution.REMOVE_FROM_CONTAINER)),
            DELEGATE), BLOCK_RULES, ROLE_PRECEDENCE);

    private LyncContainerManifests() {
    }

    private static Member byType(MemberType type, ContainerManifest.AllowedContainers allowed, Integer defaultContainer,
            Occurrence occurrence) {
        return new Member(type, null, allowed, defaultContainer, occurrence, List.of(), List.of());
    }

    private static Member blockedOnly(MemberType type, Occurrence occurrence, ResolutionRule resolution) {
        return new Member(type, null, custom(BLOCKED), null, occurrence, List.of(), List.of(resolution));
    }
}
