package org.ucfront.directory.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.ejb.ApplicationException;
import javax.ejb.AsyncResult;
import javax.ejb.Asynchronous;
import javax.ejb.EJB;
import javax.ejb.Stateless;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import javax.persistence.EntityManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.persistence.PersistenceContext;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;
import org.apache.openejb.loader.SystemInstance;
import org.ucfront.directory.model.DirectoryState;
import org.ucfront.directory.model.SipUser;
import org.ucfront.directory.model.UserChange;
import org.ucfront.directory.persistence.DelegationEntity;
import org.ucfront.directory.persistence.SipUserEntity;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.registrar.model.HomePool;
import org.ucfront.registrar.model.PrimaryClusterType;
import org.ucfront.security.digest.DigestAlgorithm;
import org.ucfront.security.digest.Ha1;
import org.ucfront.security.SealedSecrets;
import org.ucfront.security.ntlm.NtHash;
import org.ucfront.sip.AddressOfRecord;

/** The local user store: SIP-enabled users and their Digest credentials. */
@Stateless
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    /** Thrown for a request the store refuses (duplicate, unknown, invalid): a client's error. */
    @ApplicationException(rollback = true)
    public static class UserStoreException extends RuntimeException {
        public UserStoreException(String message) {
            super(message);
        }
    }

    public static final class UnknownUserException extends UserStoreException {
        public UnknownUserException(String uri) {
            super("no user " + uri);
        }
    }

    public static final int MAX_PASSWORD_LENGTH = 256;
    public static final int MAX_DISPLAY_NAME_LENGTH = 255;

    @PersistenceContext(unitName = "ucfront")
    private EntityManager em;
    @EJB
    private UserCacheService cache;

    /** The stored user; the registrar asks the {@link UserCache}, which asks this on a miss. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SipUser> find(AddressOfRecord aor) {
        return Optional.ofNullable(em.find(SipUserEntity.class, aor.toString())).map(UserService::view);
    }

    /** The user's NT hash for NTLM (MS-NLMP §3.3.2), or null when none is set. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public byte[] ntHash(AddressOfRecord aor) {
        SipUserEntity user = em.find(SipUserEntity.class, aor.toString());
        return user == null || user.getNtHashSealed() == null ? null
                : secrets().open(user.getNtHashSealed(), aor.toString());
    }

    private static SealedSecrets secrets;

    private static synchronized SealedSecrets secrets() {
        if (secrets == null) {
            secrets = SealedSecrets.of(UcfrontConfig.current().dataDir);
        }
        return secrets;
    }

    /**
     * Users read per query by the preload. Read in one list, 230,000 users' entities and rows
     * outlived the young collections of the 15 s read and stayed dead in the old generation (94 MB
     * in the entity, row and value classes alone) until a full collection of a second under load.
     */
    public static final int PRELOAD_PAGE = 2000;

    /** The users after {@code uri} in order (keyset paging), past EclipseLink's caches. */
    private List<SipUserEntity> preloadPage(String uri) {
        // past EclipseLink's shared cache: a cache key per user held ~40 MB for 100,000 users
        return em.createQuery("SELECT u FROM SipUserEntity u WHERE u.uri > :after ORDER BY u.uri", SipUserEntity.class)
                .setParameter("after", uri).setMaxResults(PRELOAD_PAGE)
                .setHint("eclipselink.read-only", "true").setHint("eclipselink.maintain-cache", "false")
                .getResultList();
    }

    /**
     * Fills the {@link UserCache} with every user, in the background: called once at start. The
     * result, the users kept, is there to be awaited (tests); the registrar does not wait.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Future<Integer> preloadCache() {
        long started = System.nanoTime();
        UserCache users = cache.cache();
        users.fill(() -> {
            List<SipUser> all = new ArrayList<>();
            List<SipUserEntity> page;
            String after = "";
            do {
                page = preloadPage(after);
                page.forEach(u -> all.add(view(u)));
                after = page.isEmpty() ? after : page.get(page.size() - 1).getUri();
            } while (page.size() == PRELOAD_PAGE);
            return all;
        });
        int kept = users.size();
        LOG.info(() -> "user cache: " + kept + " users in memory after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return new AsyncResult<>(kept);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SipUser> list() {
        return em.createQuery("SELECT u FROM SipUserEntity u ORDER BY u.uri", SipUserEntity.class)
                .getResultList().stream().map(UserService::view).collect(Collectors.toList());
    }

    public SipUser create(AddressOfRecord aor, UserChange change) {
        if (em.find(SipUserEntity.class, aor.toString()) != null) {
            throw new UserStoreException("user " + aor + " already exists");
        }
        SipUserEntity user = new SipUserEntity(aor.toString(), Instant.now());
        apply(user, aor, change);
        em.persist(user);
        changed(aor);
        return view(user);
    }

    /** Applies a change; returns the user before and after, so callers can see what changed. */
    public SipUser[] update(AddressOfRecord aor, UserChange change) {
        SipUserEntity user = em.find(SipUserEntity.class, aor.toString());
        if (user == null) {
            throw new UnknownUserException(aor.toString());
        }
        SipUser before = view(user);
        apply(user, aor, change);
        user.touch(Instant.now());
        changed(aor);
        return new SipUser[] {before, view(user)};
    }

    public void delete(AddressOfRecord aor) {
        SipUserEntity user = em.find(SipUserEntity.class, aor.toString());
        if (user == null) {
            throw new UnknownUserException(aor.toString());
        }
        em.createQuery("DELETE FROM DelegationEntity d WHERE d.delegatorUri = :u OR d.delegateUri = :u")
                .setParameter("u", aor.toString()).executeUpdate();
        em.remove(user);
        changed(aor);
    }

    /** Every user's source, state and home, by URI: what a directory sync compares against. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, DirectoryState> directoryStates() {
        Map<String, DirectoryState> states = new LinkedHashMap<>();
        for (SipUserEntity u : em.createQuery("SELECT u FROM SipUserEntity u ORDER BY u.uri", SipUserEntity.class)
                .getResultList()) {
            states.put(u.getUri(), state(u));
        }
        return states;
    }

    /**
     * Creates or updates a user the directory owns; its Digest credentials (set by the admin) stay.
     *
     * @throws UserStoreException if a local user has this address: the directory does not take it over
     */
    public SipUser syncFromDirectory(AddressOfRecord aor, UserChange change, String homeServer, String registrar) {
        SipUserEntity user = em.find(SipUserEntity.class, aor.toString());
        if (user == null) {
            user = new SipUserEntity(aor.toString(), Instant.now());
            user.setSource(DirectoryState.LDAP);
            em.persist(user);
        } else if (!DirectoryState.LDAP.equals(user.getSource())) {
            throw new UserStoreException("user " + aor + " is a local user; the directory does not change it");
        } else {
            user.touch(Instant.now());
        }
        apply(user, aor, change);
        user.setHome(homeServer, registrar);
        changed(aor);
        return view(user);
    }

    /** Lets {@code delegate} act for {@code delegator} (both must be users). */
    public void addDelegate(AddressOfRecord delegator, AddressOfRecord delegate) {
        if (em.find(SipUserEntity.class, delegator.toString()) == null) {
            throw new UnknownUserException(delegator.toString());
        }
        if (em.find(SipUserEntity.class, delegate.toString()) == null) {
            throw new UserStoreException("delegate: no user " + delegate);
        }
        if (delegator.equals(delegate)) {
            throw new UserStoreException("delegate: a user is not their own delegate");
        }
        if (em.find(DelegationEntity.class, DelegationEntity.id(delegator.toString(), delegate.toString())) == null) {
            em.persist(new DelegationEntity(delegator.toString(), delegate.toString()));
        }
    }

    public void removeDelegate(AddressOfRecord delegator, AddressOfRecord delegate) {
        DelegationEntity d = em.find(DelegationEntity.class, DelegationEntity.id(delegator.toString(), delegate.toString()));
        if (d == null) {
            throw new UnknownUserException(delegate + " as a delegate of " + delegator);
        }
        em.remove(d);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> delegates(AddressOfRecord delegator) {
        return em.createQuery("SELECT d FROM DelegationEntity d WHERE d.delegatorUri = :u ORDER BY d.delegateUri",
                DelegationEntity.class).setParameter("u", delegator.toString()).getResultList().stream()
                .map(DelegationEntity::getDelegateUri).collect(Collectors.toList());
    }

    /** Whether {@code delegate} may act for {@code delegator}: looked up by key, cached by the unit. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isDelegate(AddressOfRecord delegator, AddressOfRecord delegate) {
        return em.find(DelegationEntity.class, DelegationEntity.id(delegator.toString(), delegate.toString())) != null;
    }

    /** The cached user is dropped once the change is committed (or rolled back: then nothing changed, no harm). */
    private void changed(AddressOfRecord aor) {
        String uri = aor.toString();
        transactionRegistry().registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.cache().invalidate(uri);
            }
        });
    }

    /** The container's one registry (per deployment: this class is the application's). */
    private static volatile TransactionSynchronizationRegistry registry;

    /**
     * JTA 1.1 §3.4.10's registry under its standard name; the embedded OpenEJB, whose naming
     * context a call from a servlet does not see, holds it as a system component.
     */
    private static TransactionSynchronizationRegistry transactionRegistry() {
        TransactionSynchronizationRegistry r = registry;
        if (r == null) { // looked up once: a directory sync changes thousands of users
            try {
                r = (TransactionSynchronizationRegistry) new InitialContext()
                        .lookup("java:comp/TransactionSynchronizationRegistry");
            } catch (NamingException e) {
                r = SystemInstance.get().getComponent(TransactionSynchronizationRegistry.class);
                if (r == null) {
                    throw new IllegalStateException("no TransactionSynchronizationRegistry", e);
                }
            }
            registry = r;
        }
        return r;
    }

    private static void apply(SipUserEntity user, AddressOfRecord aor, UserChange change) {
        if (change.displayName() != null) {
            if (change.displayName().length() > MAX_DISPLAY_NAME_LENGTH
                    || change.displayName().chars().anyMatch(Character::isISOControl)) {
                throw new UserStoreException("displayName must be at most " + MAX_DISPLAY_NAME_LENGTH
                        + " characters without control characters");
            }
            user.setDisplayName(change.displayName());
        }
        if (change.enabled() != null) {
            user.setEnabled(change.enabled());
        }
        applyHomePool(user, change);
        if (change.password() != null) {
            if (change.password().isEmpty() || change.password().length() > MAX_PASSWORD_LENGTH) {
                throw new UserStoreException("password must be 1 to " + MAX_PASSWORD_LENGTH + " characters");
            }
            // RFC 8760: one HA1 per algorithm; username is the user part, realm the SIP domain
            String realm = UcfrontConfig.current().domain;
            user.setHa1(Ha1.compute(DigestAlgorithm.MD5, aor.user(), realm, change.password()),
                    Ha1.compute(DigestAlgorithm.SHA256, aor.user(), realm, change.password()));
            // MS-NLMP §3.3.1 NTOWF: what NTLM verification needs, sealed at rest
            user.setNtHashSealed(secrets().seal(NtHash.ofPassword(change.password()), aor.toString()));
        }
        if (change.ntHash() != null) {
            if (change.ntHash().isEmpty()) {
                user.setNtHashSealed(null);
            } else {
                try {
                    user.setNtHashSealed(secrets().seal(NtHash.parseHex(change.ntHash()), aor.toString()));
                } catch (IllegalArgumentException e) {
                    throw new UserStoreException("ntHash: " + e.getMessage());
                }
            }
        }
    }

    /** §3.1.2.1: the user's home pool; an empty value clears it. */
    private static void applyHomePool(SipUserEntity user, UserChange change) {
        if (change.homePool() != null) {
            String pool = change.homePool().trim().toLowerCase(Locale.ROOT);
            if (!pool.isEmpty() && !HomePool.isFqdn(pool)) {
                throw new UserStoreException("homePool must be a host name (FQDN)");
            }
            user.setHomePool(pool.isEmpty() ? null : pool);
        }
        if (change.primaryClusterType() != null) {
            String type = change.primaryClusterType().trim();
            try {
                user.setPrimaryClusterType(type.isEmpty() ? null : PrimaryClusterType.parse(type).value());
            } catch (IllegalArgumentException e) {
                throw new UserStoreException("primaryClusterType: " + e.getMessage());
            }
        }
    }

    private static DirectoryState state(SipUserEntity e) {
        return new DirectoryState(e.getSource(), e.isEnabled(), e.getHomeServer(), e.getRegistrar());
    }

    private static SipUser view(SipUserEntity e) {
        return new SipUser(e.getUri(), e.getDisplayName(), e.isEnabled(), e.getHa1Md5(), e.getHa1Sha256(),
                e.getHomePool(), e.getPrimaryClusterType());
    }
}
