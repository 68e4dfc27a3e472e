package org.ucfront.registrar.persistence;

import java.util.Collection;
import java.util.List;
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

    /** One transaction for a batch of changes: saved endpoints and removed ids. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(Collection<Endpoint> saved, Collection<String> removed) {
        for (Endpoint e : saved) {
            EndpointEntity entity = em.find(EndpointEntity.class, e.id());
            if (entity == null) {
                em.persist(new EndpointEntity(e));
            } else {
                entity.copy(e);
            }
        }
        for (String id : removed) {
            EndpointEntity entity = em.find(EndpointEntity.class, id);
            if (entity != null) {
                em.remove(entity);
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Endpoint> loadAll() {
        return em.createQuery("SELECT e FROM EndpointEntity e", EndpointEntity.class)
                .setHint("eclipselink.read-only", "true")
                .getResultList().stream().map(EndpointEntity::toEndpoint).collect(Collectors.toList());
    }
}
