package org.ucfront.registrar.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ejb.Stateless;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import org.ucfront.registrar.model.Endpoint;

/** Writes endpoint changes in batches and reads them all back at start. */
@Stateless
public class EndpointStore {

    @PersistenceContext(unitName = "ucfront")
    private EntityManager em;

    /** Rows read back by one query: below the bind-parameter limits of H2 and PostgreSQL. */
    static final int READ_CHUNK = 500;

    /**
     * One transaction for a batch of changes: saved endpoints and removed ids. The rows that exist
     * are read with one query per {@link #READ_CHUNK} ids (a find per endpoint was the larger part
     * of a flush), then the batch is written with JDBC batching.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(Collection<Endpoint> saved, Collection<String> removed) {
        List<String> ids = new ArrayList<>(saved.size() + removed.size());
        saved.forEach(e -> ids.add(e.id()));
        ids.addAll(removed);
        Map<String, EndpointEntity> existing = existing(ids);
        for (Endpoint e : saved) {
            EndpointEntity entity = existing.get(e.id());
            if (entity == null) {
                em.persist(new EndpointEntity(e));
            } else {
                entity.copy(e);
            }
        }
        for (String id : removed) {
            EndpointEntity entity = existing.get(id);
            if (entity != null) {
                em.remove(entity);
            }
        }
    }

    private Map<String, EndpointEntity> existing(List<String> ids) {
        Map<String, EndpointEntity> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
            for (EndpointEntity e : em.createQuery("SELECT e FROM EndpointEntity e WHERE e.id IN :ids",
                    EndpointEntity.class).setParameter("ids", chunk).getResultList()) {
                found.put(e.id(), e);
            }
        }
        return found;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Endpoint> loadAll() {
        return em.createQuery("SELECT e FROM EndpointEntity e", EndpointEntity.class)
                .setHint("eclipselink.read-only", "true")
                .getResultList().stream().map(EndpointEntity::toEndpoint).collect(Collectors.toList());
    }
}
