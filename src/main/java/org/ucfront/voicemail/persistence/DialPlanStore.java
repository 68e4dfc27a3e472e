package org.ucfront.voicemail.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ejb.Stateless;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import org.ucfront.voicemail.model.DialPlan;

/** The UM dial plans and their servers (MS-EUMR §3.1.1); a dial plan exists while it has servers. */
@Stateless
public class DialPlanStore {

    @PersistenceContext(unitName = "ucfront")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DialPlan> find(String name) {
        List<UmServerEntity> rows = em.createQuery(
                "SELECT s FROM UmServerEntity s WHERE s.dialPlan = :d ORDER BY s.position", UmServerEntity.class)
                .setParameter("d", name).getResultList();
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new DialPlan(name, rows.stream().map(UmServerEntity::toServer).toList()));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DialPlan> list() {
        Map<String, List<org.ucfront.voicemail.model.UmServer>> plans = new LinkedHashMap<>();
        for (UmServerEntity e : em.createQuery("SELECT s FROM UmServerEntity s ORDER BY s.dialPlan, s.position",
                UmServerEntity.class).getResultList()) {
            plans.computeIfAbsent(e.dialPlan(), k -> new ArrayList<>()).add(e.toServer());
        }
        List<DialPlan> out = new ArrayList<>();
        plans.forEach((name, servers) -> out.add(new DialPlan(name, servers)));
        return out;
    }

    /** Replaces the dial plan's servers. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void put(DialPlan plan) {
        remove(plan.name());
        em.flush();
        for (int i = 0; i < plan.servers().size(); i++) {
            em.persist(new UmServerEntity(plan.name(), i, plan.servers().get(i)));
        }
    }

    /** False if there was no such dial plan. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean delete(String name) {
        return remove(name) > 0;
    }

    private int remove(String name) {
        return em.createQuery("DELETE FROM UmServerEntity s WHERE s.dialPlan = :d").setParameter("d", name)
                .executeUpdate();
    }
}
