package dev.arbiter.server.auth;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keys created or deleted here take effect at once, and no reload that read the store earlier undoes that. */
class KeyRegistryTest {

    private final KeyRegistry registry = new KeyRegistry();

    private static StoredKey key(String name, String token) {
        return new StoredKey(new ApiKey(name, Set.of(Role.CHECK), Instant.EPOCH, "test", Optional.empty()),
                Tokens.hash(token));
    }

    @Test
    void aKeyAddedWhileAReloadReadsTheStoreSurvivesThatReload() {
        StoredKey old = key("old", "token-old");
        registry.replaceAll(List.of(old), registry.generation());

        long readAt = registry.generation(); // a reload starts and reads the store ...
        StoredKey created = key("new", "token-new");
        registry.add(created); // ... while a create commits and registers its key here
        registry.replaceAll(List.of(old), readAt); // the reload installs what it read: without the new key

        assertNotNull(registry.authenticate("token-new"), "the new key works on the very next request");
        assertNotNull(registry.authenticate("token-old"));
    }

    @Test
    void aKeyDeletedWhileAReloadReadsTheStoreStaysDeleted() {
        StoredKey doomed = key("doomed", "token-doomed");
        registry.replaceAll(List.of(doomed), registry.generation());

        long readAt = registry.generation();
        registry.remove("doomed");
        registry.replaceAll(List.of(doomed), readAt);

        assertNull(registry.authenticate("token-doomed"));
    }

    @Test
    void aReloadAfterTheChangeIsTheTruthAgain() {
        registry.add(key("created-elsewhere-then-deleted", "token-x"));
        registry.replaceAll(List.of(), registry.generation()); // the store, read after the add, no longer has it

        assertNull(registry.authenticate("token-x"), "a reload that read the store after a change wins");
    }
}
