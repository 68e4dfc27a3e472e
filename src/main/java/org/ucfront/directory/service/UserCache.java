package org.ucfront.directory.service;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ucfront.directory.model.SipUser;

/**
 * The users the registrar looks up on every REGISTER, kept in memory: a plain object, so a lookup
 * costs neither an EJB call nor an entity manager. Only users that exist are kept (an unknown
 * address always asks the store). The store drops a user after each committed change.
 *
 * <p>A lookup that raced with a change must not keep what it read before the change: every
 * invalidation advances a generation first, and a loaded value is withdrawn when the generation
 * moved while it was being loaded.
 */
public final class UserCache {

    private final ConcurrentHashMap<String, SipUser> users = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The user with this address: from memory, else from {@code store} (then kept). */
    public Optional<SipUser> find(String uri, Function<String, Optional<SipUser>> store) {
        SipUser cached = users.get(uri);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        Optional<SipUser> loaded = store.apply(uri);
        loaded.ifPresent(u -> {
            users.put(uri, u);
            if (generation.get() != before) {
                users.remove(uri, u); // changed meanwhile: the next lookup reads the store again
            }
        });
        return loaded;
    }

    /**
     * Keeps every user {@code store} lists (the start's preload, so a user's first REGISTER does not
     * wait for the store). A user already kept is left as it is, and if anything was invalidated
     * while the list was read, what the list brought is withdrawn again, as in {@link #find}.
     */
    public void fill(Supplier<List<SipUser>> store) {
        long before = generation.get();
        List<SipUser> all = store.get();
        all.forEach(u -> users.putIfAbsent(u.uri(), u));
        if (generation.get() != before) {
            all.forEach(u -> users.remove(u.uri(), u));
        }
    }

    /** Forgets a user (after a change to it has been committed). */
    public void invalidate(String uri) {
        generation.incrementAndGet();
        users.remove(uri);
    }

    /** Forgets every user. */
    public void clear() {
        generation.incrementAndGet();
        users.clear();
    }

    public int size() {
        return users.size();
    }
}
