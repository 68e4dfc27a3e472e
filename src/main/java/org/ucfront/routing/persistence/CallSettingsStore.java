package org.ucfront.routing.persistence;

import java.util.List;
import java.util.Optional;
import javax.ejb.Stateless;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import org.ucfront.routing.model.CallSettings;

/** The stored call settings; each write is its own transaction. */
@Stateless
public class CallSettingsStore {

    @PersistenceContext(unitName = "ucfront")
    private EntityManager em;

    /** The user's settings, or the defaults when none are administered. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CallSettings settings(String user) {
        return find(user).orElseGet(() -> CallSettings.defaults(user));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CallSettings> find(String user) {
        CallSettingsEntity e = em.find(CallSettingsEntity.class, user);
        return e == null ? Optional.empty() : Optional.of(e.toSettings());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CallSettings> list() {
        return em.createQuery("SELECT c FROM CallSettingsEntity c ORDER BY c.userUri", CallSettingsEntity.class)
                .getResultList().stream().map(CallSettingsEntity::toSettings).toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void put(CallSettings s) {
        CallSettingsEntity e = em.find(CallSettingsEntity.class, s.user());
        if (e == null) {
            em.persist(new CallSettingsEntity(s));
        } else {
            e.copy(s);
        }
    }

    /** False if the user had no settings. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean delete(String user) {
        CallSettingsEntity e = em.find(CallSettingsEntity.class, user);
        if (e == null) {
            return false;
        }
        em.remove(e);
        return true;
    }
}
