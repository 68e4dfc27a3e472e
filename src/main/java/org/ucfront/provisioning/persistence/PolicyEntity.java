package org.ucfront.provisioning.persistence;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A stored provisioning policy; its values are a JSON object of property name to value. */
@Entity
@Table(name = "provisioning_policy")
public class PolicyEntity {

    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "kind", nullable = false)
    private String kind;
    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "policy_values", nullable = false)
    private String values;
    @Column(name = "updated_at", nullable = false)
    private Timestamp updatedAt;

    protected PolicyEntity() {
    }

    public PolicyEntity(String kind, String name, String values) {
        this.id = id(kind, name);
        this.kind = kind;
        this.name = name;
        update(values);
    }

    public static String id(String kind, String name) {
        return kind + "/" + name;
    }

    public final void update(String newValues) {
        this.values = newValues;
        this.updatedAt = new Timestamp(System.currentTimeMillis());
    }

    public String getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getValues() {
        return values;
    }
}
