package org.ucfront.clientversion.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.annotation.PostConstruct;
import javax.ejb.ConcurrencyManagement;
import javax.ejb.ConcurrencyManagementType;
import javax.ejb.EJB;
import javax.ejb.Singleton;
import javax.ejb.Startup;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import org.ucfront.clientversion.model.ClientVersionAction;
import org.ucfront.clientversion.model.ClientVersionDecision;
import org.ucfront.clientversion.model.ClientVersionPolicy;
import org.ucfront.clientversion.model.ClientVersionRule;
import org.ucfront.clientversion.persistence.ClientVersionRuleStore;
import org.ucfront.launcher.UcfrontConfig;

/**
 * Client version control (§3.4.2.5): the administered rules and the configured default, held as
 * one immutable policy that every REGISTER reads without touching the database. Each change is
 * written first, then the policy is reloaded from the store, so it never shows an uncommitted
 * rule. Changes made to the database by anything but this bean are seen at the next change or
 * restart.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClientVersionService {

    private static final Logger LOG = Logger.getLogger(ClientVersionService.class.getName());

    @EJB
    private ClientVersionRuleStore store;

    private ClientVersionAction defaultAction;
    private String defaultUrl;
    private volatile ClientVersionPolicy policy;

    public ClientVersionService() {
    }

    /** For tests: a store and a default without the container. */
    ClientVersionService(ClientVersionRuleStore store, ClientVersionAction defaultAction, String defaultUrl) {
        this.store = store;
        start(defaultAction, defaultUrl);
    }

    @PostConstruct
    void start() {
        UcfrontConfig config = UcfrontConfig.current();
        start(config.clientVersionDefault, config.clientVersionDefaultUrl);
    }

    private void start(ClientVersionAction action, String url) {
        this.defaultAction = action;
        this.defaultUrl = url;
        reload();
        LOG.info(() -> policy.rules().size() + " client version rule(s) loaded; default " + action.code());
    }

    /** The decision for a REGISTER's User-Agent (null when it has none). */
    public ClientVersionDecision decide(String userAgent) {
        return policy.decide(userAgent);
    }

    /** Every rule, in the order they are tried. */
    public List<ClientVersionRule> rules() {
        return policy.rules();
    }

    public Optional<ClientVersionRule> rule(String id) {
        return policy.rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public synchronized ClientVersionRule create(ClientVersionRule rule) {
        store.insert(rule, Instant.now());
        reload();
        return rule;
    }

    /** False if there is no rule with the rule's id. */
    public synchronized boolean update(ClientVersionRule rule) {
        boolean found = store.update(rule, Instant.now());
        reload();
        return found;
    }

    /** False if there is no rule with this id. */
    public synchronized boolean delete(String id) {
        boolean found = store.delete(id);
        reload();
        return found;
    }

    private void reload() {
        policy = new ClientVersionPolicy(store.loadAll(), defaultAction, defaultUrl);
    }
}
