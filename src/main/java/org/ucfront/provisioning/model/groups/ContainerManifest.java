package org.ucfront.provisioning.model.groups;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A containerManifest of §2.2.2.5.4 / §2.2.2.5.10: the presence containers a client creates, which
 * members each may hold, what is blocked, and which role wins. The constructors refuse values
 * outside the domains the sections give, and references to containers the manifest lacks.
 */
record ContainerManifest(List<Container> containers, List<Member> members, List<BlockRule> blockRules,
        List<Role> rolePrecedence) {

    /** §2.2.2.5.4 container id: "unsigned short integer". */
    static final int MAX_CONTAINER_ID = 0xFFFF;

    public ContainerManifest {
        containers = List.copyOf(containers);
        members = List.copyOf(members);
        blockRules = List.copyOf(blockRules);
        rolePrecedence = List.copyOf(rolePrecedence);
        Set<Integer> ids = new HashSet<>();
        Set<Integer> visible = new HashSet<>();
        for (Container c : containers) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("container " + c.id() + " is declared twice");
            }
            if (c.visible()) {
                visible.add(c.id());
            }
        }
        for (Member m : members) {
            Set<Integer> allowed = m.allowed().resolve(ids, visible);
            if (m.defaultContainer() != null && !allowed.contains(m.defaultContainer())) {
                throw new IllegalArgumentException("default container " + m.defaultContainer() + " is not allowed");
            }
        }
        for (BlockRule b : blockRules) {
            if (b.containers() != null) {
                b.containers().resolve(ids, visible);
            }
        }
    }

    /** §2.2.2.5.4 role: "delegate" or "buddy". */
    public enum Role {
        DELEGATE("delegate"), BUDDY("buddy");

        final String token;

        Role(String token) {
            this.token = token;
        }
    }

    /** §2.2.2.5.4 member type. */
    public enum MemberType {
        USER("user"), DOMAIN("domain"), SAME_ENTERPRISE("sameEnterprise"), FEDERATED("federated"),
        PUBLIC_CLOUD("publicCloud"), EVERYONE("everyone"), SINGLE_IDENTITY_USER("singleIdentityUser");

        final String token;

        MemberType(String token) {
            this.token = token;
        }
    }

    /** §2.2.2.5.4 sourceNetwork type. */
    public enum SourceNetwork {
        SAME_ENTERPRISE("sameEnterprise"), FEDERATED("federated"), PUBLIC_CLOUD("publicCloud");

        final String token;

        SourceNetwork(String token) {
            this.token = token;
        }
    }

    /** §2.2.2.5.4 occurrenceConstraint type: "MUST be zero, one or zeroOrOne". */
    public enum Occurrence {
        ZERO("zero"), ONE("one"), ZERO_OR_ONE("zeroOrOne");

        final String token;

        Occurrence(String token) {
            this.token = token;
        }
    }

    /** §2.2.2.5.4 resolutionRule type. */
    public enum Resolution {
        REMOVE_FROM_CONTAINER("removeFromContainer"), MOVE_TO_DEFAULT_CONTAINER("moveToDefaultContainer"),
        FORCE_ROLE("forceRole");

        final String token;

        Resolution(String token) {
            this.token = token;
        }
    }

    /** §2.2.2.5.4 blockRule type. */
    public enum BlockType {
        INVITES("invites"), SUBSCRIBER_PROMPT("subscriberPrompt");

        final String token;

        BlockType(String token) {
            this.token = token;
        }
    }

    /** §2.2.2.5.4 container; {@code blocked} is written only when true, as §4.2.2 does. */
    public record Container(int id, boolean visible, boolean avoidRedundantMembers, boolean blocked) {
        public Container {
            containerId(id);
        }
    }

    /**
     * §2.2.2.5.4 allowedContainers (and a blockRule's containers): the visible containers, or
     * the listed ones ("custom").
     */
    public record AllowedContainers(boolean visibleContainers, List<Integer> ids) {
        /** §2.2.2.5.4 allowedContainers type. */
        static final String VISIBLE = "visibleContainers";
        static final String CUSTOM = "custom";

        public AllowedContainers {
            ids = List.copyOf(ids);
            if (visibleContainers != ids.isEmpty()) {
                throw new IllegalArgumentException("custom containers are listed, visibleContainers are not");
            }
            ids.forEach(ContainerManifest::containerId);
        }

        public static AllowedContainers visible() {
            return new AllowedContainers(true, List.of());
        }

        public static AllowedContainers custom(Integer... ids) {
            return new AllowedContainers(false, List.of(ids));
        }

        String type() {
            return visibleContainers ? VISIBLE : CUSTOM;
        }

        Set<Integer> resolve(Set<Integer> declared, Set<Integer> visible) {
            if (visibleContainers) {
                return visible;
            }
            for (Integer id : ids) {
                if (!declared.contains(id)) {
                    throw new IllegalArgumentException("container " + id + " is not declared");
                }
            }
            return Set.copyOf(ids);
        }
    }

    /** §2.2.2.5.4 resolutionRule; the role is given exactly for forceRole. */
    public record ResolutionRule(Resolution type, Role role) {
        public ResolutionRule {
            if (type == null || (type == Resolution.FORCE_ROLE) != (role != null)) {
                throw new IllegalArgumentException("forceRole, and only it, names a role");
            }
        }

        public ResolutionRule(Resolution type) {
            this(type, null);
        }
    }

    /**
     * §2.2.2.5.4 member, matched by type or by role (role takes precedence): at least one is
     * given. Null defaultContainer and occurrence are left out.
     */
    public record Member(MemberType type, Role role, AllowedContainers allowed, Integer defaultContainer,
            Occurrence occurrence, List<SourceNetwork> sourceNetworks, List<ResolutionRule> resolutionRules) {
        public Member {
            if ((type == null && role == null) || allowed == null) {
                throw new IllegalArgumentException("a member has a type or a role, and allowed containers");
            }
            sourceNetworks = List.copyOf(sourceNetworks);
            resolutionRules = List.copyOf(resolutionRules);
        }
    }

    /**
     * §2.2.2.5.4 blockRule: what is blocked, for which containers and networks (empty or null:
     * all), in which availability range of the publisher (null bound: unbounded).
     */
    public record BlockRule(BlockType type, AllowedContainers containers, List<SourceNetwork> sourceNetworks,
            Integer maxAvailability, Integer minAvailability) {
        public BlockRule {
            if (type == null) {
                throw new IllegalArgumentException("a block rule has a type");
            }
            sourceNetworks = List.copyOf(sourceNetworks);
            if ((maxAvailability != null && maxAvailability < 0) || (minAvailability != null && minAvailability < 0)
                    || (maxAvailability != null && minAvailability != null && minAvailability > maxAvailability)) {
                throw new IllegalArgumentException("availability bounds are unsigned and ordered");
            }
        }
    }

    static void containerId(int id) {
        if (id < 0 || id > MAX_CONTAINER_ID) {
            throw new IllegalArgumentException("container id " + id + " is not an unsigned short");
        }
    }
}
