package org.ucfront.directory.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.ucfront.directory.model.SipUser;

public class UserCacheTest {

    static final String ALICE = "alice@fabrikam.com";
    static final SipUser ENABLED = new SipUser(ALICE, "Alice", true, "md5", "sha");
    static final SipUser DISABLED = new SipUser(ALICE, "Alice", false, "md5", "sha");

    final UserCache cache = new UserCache();
    final AtomicInteger reads = new AtomicInteger();

    Optional<SipUser> storeWith(SipUser u) {
        reads.incrementAndGet();
        return Optional.ofNullable(u);
    }

    @Test
    public void aKnownUserIsReadFromTheStoreOnce() {
        assertEquals(ENABLED, cache.find(ALICE, uri -> storeWith(ENABLED)).get());
        assertEquals(ENABLED, cache.find(ALICE, uri -> storeWith(DISABLED)).get());
        assertEquals(1, reads.get());
    }

    @Test
    public void anUnknownAddressIsNotKept() {
        assertFalse(cache.find(ALICE, uri -> storeWith(null)).isPresent());
        assertFalse(cache.find(ALICE, uri -> storeWith(null)).isPresent());
        assertEquals(2, reads.get());
        assertEquals(0, cache.size());
    }

    @Test
    public void aChangedUserIsReadAgain() {
        cache.find(ALICE, uri -> storeWith(ENABLED));
        cache.invalidate(ALICE);
        assertFalse(cache.find(ALICE, uri -> storeWith(DISABLED)).get().enabled());
        assertEquals(2, reads.get());
    }

    /** A change committed while a lookup was reading: what that lookup read is not kept. */
    @Test
    public void aLookupThatRacedWithAChangeIsNotKept() {
        Optional<SipUser> raced = cache.find(ALICE, uri -> {
            cache.invalidate(ALICE); // the change commits while the old row is being read
            return storeWith(ENABLED);
        });
        assertTrue(raced.get().enabled()); // the caller gets what it read...
        assertEquals(0, cache.size()); // ...but the next lookup reads the store again
        assertFalse(cache.find(ALICE, uri -> storeWith(DISABLED)).get().enabled());
    }

    static final String BOB = "bob@fabrikam.com";
    static final SipUser BOB_USER = new SipUser(BOB, "Bob", true, "md5", "sha");

    @Test
    public void aPreloadKeepsEveryListedUserAndLookupsNoLongerReadTheStore() {
        cache.fill(() -> List.of(ENABLED, BOB_USER));
        assertEquals(2, cache.size());
        assertEquals(BOB_USER, cache.find(BOB, uri -> storeWith(null)).get());
        assertEquals(0, reads.get());
    }

    @Test
    public void aPreloadLeavesAUserKeptMeanwhileAsItIs() {
        cache.find(ALICE, uri -> storeWith(DISABLED));
        cache.fill(() -> List.of(ENABLED, BOB_USER));
        assertFalse(cache.find(ALICE, uri -> storeWith(ENABLED)).get().enabled());
    }

    /** A change committed while the preload was reading: nothing it read is kept. */
    @Test
    public void aPreloadThatRacedWithAChangeIsWithdrawn() {
        cache.fill(() -> {
            cache.invalidate(ALICE);
            return List.of(ENABLED, BOB_USER);
        });
        assertEquals(0, cache.size());
        assertFalse(cache.find(ALICE, uri -> storeWith(DISABLED)).get().enabled());
    }
}
