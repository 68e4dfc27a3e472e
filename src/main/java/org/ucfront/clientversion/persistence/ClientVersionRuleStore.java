package org.ucfront.clientversion.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.ejb.Stateless;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import org.ucfront.clientversion.model.ClientVersionRule;
import org.ucfront.clientversion.model.InvalidRuleException;

/** The stored client version rules; each write is its own transaction. */
@Stateless
public class ClientVersionRuleStore {

    private static final Logger LOG = Logger.getLogger(ClientVersionRuleStore.class.getName());

    @PersistenceContext(unitName = "ucfront")
    private EntityManager em;

    /** Every rule, by priority, then creation (the order the policy keeps for equal priorities). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ClientVersionRule> loadAll() {
        List<ClientVersionRule> rules = new ArrayList<>();
        for (ClientVersionRuleEntity e : em.createQuery(
                "SELECT r FROM ClientVersionRuleEntity r ORDER BY r.priority, r.createdAt, r.id",
                ClientVersionRuleEntity.class).setHint("eclipselink.refresh", "true").getResultList()) {
            try {
                rules.add(e.toRule());
            } catch (InvalidRuleException bad) {
                // a row edited by hand: skipping it is safer than refusing every REGISTER
                LOG.warning("client version rule " + e.getId() + " ignored: " + bad.getMessage());
            }
        }
        return rules;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(ClientVersionRule rule, Instant now) {
        em.persist(new ClientVersionRuleEntity(rule, now));
    }

    /** Replaces the rule's fields; false if there is no rule with its id. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean update(ClientVersionRule rule, Instant now) {
        ClientVersionRuleEntity e = em.find(ClientVersionRuleEntity.class, rule.id());
        if (e == null) {
            return false;
        }
        e.copy(rule, now);
        return true;
    }

    /** False if there is no rule with this id. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean delete(String id) {
        ClientVersionRuleEntity e = em.find(ClientVersionRuleEntity.class, id);
        if (e == null) {
            return false;
        }
        em.remove(e);
        return true;
    }
}
