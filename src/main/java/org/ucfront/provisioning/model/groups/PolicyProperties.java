package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.ProvisionGroupList.property;
import static org.ucfront.provisioning.model.ProvisionGroupList.propertyEntryList;

import org.ucfront.provisioning.model.InBandProvisioning;
import org.ucfront.provisioning.model.PolicyGroup;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.ucfront.provisioning.model.ValueDomain;
import org.w3c.dom.Element;

/**
 * The two shapes §2.2.2.5 gives policy groups, and the value domains they share. Every group
 * written here has at least one property with a default, so the list is never empty (the
 * fragments require at least one {@code property}).
 */
final class PolicyProperties {

    /** §2.2.2.5.2, §2.2.2.5.3: the one element listing the user's policy settings. */
    static final String INSTANCE = "instance";

    /** "The value MUST be true or false" (§2.2.2.5.x). */
    static final ValueDomain BOOL = new ValueDomain.Bool();
    /** §2.2.2.5.6, §2.2.2.5.9 "unsigned integer"; also used where the spec gives no bound. */
    static final ValueDomain UINT32 = new ValueDomain.Range(0, 4_294_967_295L);
    /** Sizes, rates and intervals for which the spec gives no bound: any unsigned value but 0. */
    static final ValueDomain POSITIVE = new ValueDomain.Range(1, 4_294_967_295L);
    /** Short administrator-typed text: identifiers, dial strings, phone numbers. */
    static final ValueDomain SHORT_TEXT = new ValueDomain.Text(256);
    /** Text shown to users (IM warning, emergency disclaimer). */
    static final ValueDomain LONG_TEXT = new ValueDomain.Text(2048);
    /** A URL the client fetches; the spec does not require HTTPS for any of them. */
    static final ValueDomain URL = new ValueDomain.WebUrl(false);

    private PolicyProperties() {
    }

    /** {@code <propertyEntryList><property name="…">…</property>…} (§2.2.2.5.6–9). */
    static void writeEntryList(Element provisionGroup, PolicyGroup group, ProvisioningContext context) {
        fill(propertyEntryList(provisionGroup), group, context);
    }

    /** {@code <instance><property name="…">…</property>…} (§2.2.2.5.2–3). */
    static void writeInstance(Element provisionGroup, PolicyGroup group, ProvisioningContext context) {
        Element instance = provisionGroup.getOwnerDocument()
                .createElementNS(InBandProvisioning.RESPONSE_NAMESPACE, INSTANCE);
        provisionGroup.appendChild(instance);
        fill(instance, group, context);
    }

    /** One property per declared property with a value, in declaration order. */
    private static void fill(Element parent, PolicyGroup group, ProvisioningContext context) {
        for (PolicyGroup.Property p : group.properties()) {
            property(parent, p.name(), group.value(context, p));
        }
    }
}
