package org.ucfront.provisioning.model.groups;

import java.util.List;
import org.ucfront.provisioning.model.PolicyGroup;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.w3c.dom.Element;

/**
 * A policy group defined by its declaration alone: name, admin kind, properties (in answer
 * order) and the shape its §2.2.2.5.x data model gives the properties.
 */
abstract class DeclaredPolicyGroup implements PolicyGroup {

    /** How a group lists its properties. */
    enum Shape {
        /** {@code instance/property name=…} (meetingPolicy, ucPolicy). */
        INSTANCE,
        /** {@code propertyEntryList/property name=…} (the others). */
        ENTRY_LIST
    }

    private final String name;
    private final String kind;
    private final List<Property> properties;
    private final Shape shape;

    DeclaredPolicyGroup(String name, String kind, List<Property> properties, Shape shape) {
        this.name = name;
        this.kind = kind;
        this.properties = properties;
        this.shape = shape;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String policyKind() {
        return kind;
    }

    @Override
    public final List<Property> properties() {
        return properties;
    }

    @Override
    public final void write(Element provisionGroup, ProvisioningContext context) {
        if (shape == Shape.INSTANCE) {
            PolicyProperties.writeInstance(provisionGroup, this, context);
        } else {
            PolicyProperties.writeEntryList(provisionGroup, this, context);
        }
    }
}
