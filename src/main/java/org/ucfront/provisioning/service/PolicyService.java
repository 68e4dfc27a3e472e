package org.ucfront.provisioning.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.PostConstruct;
import javax.ejb.ApplicationException;
import javax.ejb.ConcurrencyManagement;
import javax.ejb.ConcurrencyManagementType;
import javax.ejb.Singleton;
import javax.ejb.Startup;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import org.ucfront.provisioning.model.Policy;
import org.ucfront.provisioning.model.PolicyGroup;
import org.ucfront.provisioning.model.ProvisionGroups;
import org.ucfront.provisioning.persistence.PolicyAssignmentEntity;
import org.ucfront.provisioning.persistence.PolicyEntity;

/**
 * Administered provisioning policies and their assignment to users. Policies are read on every
 * provisioning SUBSCRIBE, so they are cached in memory and written through to the database.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PolicyService {

    /** Thrown for an unknown kind, policy or assignment target: the admin API answers 404. */
    @ApplicationException(rollback = true)
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }

    /** Thrown for a change that is not allowed (e.g. deleting the global policy): 400. */
    @ApplicationException(rollback = true)
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() { };

    @PersistenceContext(unitName = "ucfront")
    private EntityManager em;

    private final Map<String, PolicyGroup> groups = ProvisionGroups.standard().policyGroups();
    /** kind → name → policy; every kind always has its global policy. */
    private final Map<String, Map<String, Policy>> policies = new ConcurrentHashMap<>();
    /** user → kind → policy name. */
    private final Map<String, Map<String, String>> assignments = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        for (String kind : groups.keySet()) {
            Map<String, Policy> byName = new ConcurrentHashMap<>();
            byName.put(PolicyGroup.GLOBAL, Policy.global(kind));
            policies.put(kind, byName);
        }
        for (PolicyEntity e : em.createQuery("SELECT p FROM PolicyEntity p", PolicyEntity.class).getResultList()) {
            Map<String, Policy> byName = policies.get(e.getKind());
            if (byName != null) { // a kind this version no longer serves is ignored, not deleted
                byName.put(e.getName(), new Policy(e.getKind(), e.getName(), parse(e.getValues())));
            }
        }
        for (PolicyAssignmentEntity a : em.createQuery("SELECT a FROM PolicyAssignmentEntity a",
                PolicyAssignmentEntity.class).getResultList()) {
            assignments.computeIfAbsent(a.getUserUri(), u -> new ConcurrentHashMap<>()).put(a.getKind(), a.getPolicyName());
        }
    }

    public Map<String, PolicyGroup> kinds() {
        return groups;
    }

    public PolicyGroup group(String kind) {
        PolicyGroup g = groups.get(kind);
        if (g == null) {
            throw new NotFoundException("no policy kind " + kind + "; kinds are " + groups.keySet());
        }
        return g;
    }

    public List<Policy> list(String kind) {
        group(kind);
        return new ArrayList<>(policies.get(kind).values());
    }

    public Policy get(String kind, String name) {
        group(kind);
        return Optional.ofNullable(policies.get(kind).get(name))
                .orElseThrow(() -> new NotFoundException("no " + kind + " policy " + name));
    }

    /** Creates a policy, or replaces its values when {@code replace} (the global one included). */
    public Policy save(String kind, String name, Map<String, String> values, boolean replace) {
        Policy p = Policy.validated(group(kind), name, values);
        boolean exists = policies.get(kind).containsKey(name);
        if (exists && !replace) {
            throw new RefusedException("name: a " + kind + " policy " + name + " already exists");
        }
        if (!exists && replace) {
            throw new NotFoundException("no " + kind + " policy " + name);
        }
        PolicyEntity e = em.find(PolicyEntity.class, PolicyEntity.id(kind, name));
        if (e == null) {
            em.persist(new PolicyEntity(kind, name, write(p.values())));
        } else {
            e.update(write(p.values()));
        }
        policies.get(kind).put(name, p);
        return p;
    }

    public void delete(String kind, String name) {
        get(kind, name);
        if (PolicyGroup.GLOBAL.equals(name)) {
            throw new RefusedException("name: the global policy cannot be deleted; change its values instead");
        }
        Optional.ofNullable(em.find(PolicyEntity.class, PolicyEntity.id(kind, name))).ifPresent(em::remove);
        em.createQuery("DELETE FROM PolicyAssignmentEntity a WHERE a.kind = :k AND a.policyName = :n")
                .setParameter("k", kind).setParameter("n", name).executeUpdate();
        policies.get(kind).remove(name);
        assignments.values().forEach(m -> m.remove(kind, name));
    }

    /** Assigns a named policy to a user; null or the global name returns the user to the global policy. */
    public void assign(String userUri, String kind, String name) {
        group(kind);
        PolicyAssignmentEntity e = em.find(PolicyAssignmentEntity.class, PolicyAssignmentEntity.id(userUri, kind));
        if (name == null || PolicyGroup.GLOBAL.equals(name)) {
            if (e != null) {
                em.remove(e);
            }
            Optional.ofNullable(assignments.get(userUri)).ifPresent(m -> m.remove(kind));
            return;
        }
        get(kind, name);
        if (e == null) {
            em.persist(new PolicyAssignmentEntity(userUri, kind, name));
        } else {
            e.setPolicyName(name);
        }
        assignments.computeIfAbsent(userUri, u -> new ConcurrentHashMap<>()).put(kind, name);
    }

    /** The policy name of each kind for a user (the global name where none is assigned). */
    public Map<String, String> assignments(String userUri) {
        Map<String, String> assigned = assignments.getOrDefault(userUri, Map.of());
        Map<String, String> out = new HashMap<>();
        for (String kind : groups.keySet()) {
            out.put(kind, assigned.getOrDefault(kind, PolicyGroup.GLOBAL));
        }
        return out;
    }

    /** A user's effective policy of every kind, for a provisioning answer. */
    public Map<String, Policy> effective(String userUri) {
        Map<String, Policy> out = new HashMap<>();
        assignments(userUri).forEach((kind, name) -> out.put(kind,
                policies.get(kind).getOrDefault(name, policies.get(kind).get(PolicyGroup.GLOBAL))));
        return out;
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy values are not JSON", e);
        }
    }

    private static String write(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
