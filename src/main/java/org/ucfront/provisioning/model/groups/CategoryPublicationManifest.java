package org.ucfront.provisioning.model.groups;

import java.time.Duration;
import java.util.List;

/**
 * The categoryPublicationManifest of §2.2.2.5.4: which category the client publishes to which
 * container, transformed by which stylesheet, and what it seeds at first sign-in. Shaped after
 * the section's data model and §4.2.2 ({@code publicationRule}, {@code ruleType},
 * {@code expireType} element), which its schema fragment contradicts (see the test resource).
 */
record CategoryPublicationManifest(List<PublicationRule> rules) {

    CategoryPublicationManifest {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("the publicationList holds at least one rule");
        }
    }

    /** §2.2.2.5.4 publicationRule ruleType. */
    enum RuleType {
        BOOTSTRAP("bootstrap"), TRANSFORMATION("transformation"), CLEANUP("cleanup");

        final String token;

        RuleType(String token) {
            this.token = token;
        }
    }

    /** §2.2.2.5.4 expireType type. */
    enum ExpireType {
        ENDPOINT("endpoint"), USER("user"), STATIC("static"), TIME("time");

        final String token;

        ExpireType(String token) {
            this.token = token;
        }
    }

    /** §2.2.2.5.4 instanceId type (values of the schema fragment: constant, custom). */
    enum InstanceType {
        CONSTANT("constant"), CUSTOM("custom");

        final String token;

        InstanceType(String token) {
            this.token = token;
        }
    }

    /** §2.2.2.5.4 instanceId; the value is an unsigned int. */
    record InstanceId(InstanceType type, long value) {
        InstanceId {
            if (type == null || value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("an instanceId has a type and an unsigned int value");
            }
        }
    }

    /** §2.2.2.5.4 expireType; expireTime is "required when type is time", and only then meaningful. */
    record Expiry(ExpireType type, Duration time) {
        Expiry {
            if (type == null || (type == ExpireType.TIME) != (time != null)
                    || (time != null && (time.isNegative() || time.isZero()))) {
                throw new IllegalArgumentException("a positive expireTime is given exactly for type time");
            }
        }
    }

    /**
     * §2.2.2.5.4 publicationRule. A bootstrap rule carries the category instance to publish, a
     * transformation rule an optional filter ("empty content: no transformation"), a cleanup
     * rule nothing.
     */
    record PublicationRule(RuleType ruleType, String categoryName, int containerId, boolean preferredSelfConsumption,
            InstanceId instanceId, Expiry expiry, CategoryData data) {
        PublicationRule {
            if (ruleType == null || categoryName == null || categoryName.isBlank()) {
                throw new IllegalArgumentException("a publication rule has a type and a category");
            }
            ContainerManifest.containerId(containerId);
            boolean fits = switch (ruleType) {
                case BOOTSTRAP -> data instanceof CategoryData.Instance;
                case TRANSFORMATION -> data == null
                        || (data instanceof CategoryFilter f && f.category().name().equals(categoryName));
                case CLEANUP -> data == null;
            };
            if (!fits) {
                throw new IllegalArgumentException(ruleType.token + " rule for " + categoryName + " has unfit categoryData");
            }
        }

        /** Publishes the category to the container unchanged. */
        static PublicationRule transformation(String category, int container) {
            return new PublicationRule(RuleType.TRANSFORMATION, category, container, false, null, null, null);
        }

        /** Publishes unchanged, and the client reads its own data of the category from there. */
        static PublicationRule selfConsumed(String category, int container) {
            return new PublicationRule(RuleType.TRANSFORMATION, category, container, true, null, null, null);
        }

        /** Publishes what the filter leaves of the category. */
        static PublicationRule filtered(int container, CategoryFilter filter) {
            return new PublicationRule(RuleType.TRANSFORMATION, filter.category().name(), container, false, null, null,
                    filter);
        }

        /** Seeds the container with this instance, instance 0, never expiring (§4.2.2). */
        static PublicationRule bootstrap(String category, int container, CategoryData.Instance instance) {
            return new PublicationRule(RuleType.BOOTSTRAP, category, container, false,
                    new InstanceId(InstanceType.CONSTANT, 0), new Expiry(ExpireType.STATIC, null), instance);
        }
    }
}
