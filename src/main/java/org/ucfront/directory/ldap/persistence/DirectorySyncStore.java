package org.ucfront.directory.ldap.persistence;

import java.time.Instant;
import javax.ejb.Stateless;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;

/** Reads and records the synchronisation state, each call in its own transaction. */
@Stateless
public class DirectorySyncStore {

    @PersistenceContext(unitName = "ucfront")
    private EntityManager em;

    /** The stored state: {change marker, last full sync} (either may be null). */
    public Object[] load() {
        DirectorySyncStateEntity s = em.find(DirectorySyncStateEntity.class, DirectorySyncStateEntity.ID);
        return s == null ? new Object[2] : new Object[] {s.getChangeMarker(), s.getLastFullSync()};
    }

    public void recordSuccess(String marker, boolean full, Instant at) {
        DirectorySyncStateEntity s = em.find(DirectorySyncStateEntity.class, DirectorySyncStateEntity.ID);
        if (s == null) {
            s = new DirectorySyncStateEntity();
            em.persist(s);
        }
        s.recordSuccess(marker, full, at);
    }
}
