package dev.arbiter.server.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API keys this replica accepts, held in memory so authentication never touches the
 * database. Lookup goes by the first 8 bytes of the token's SHA-256 and confirms the whole hash
 * with a constant-time comparison; timing can at most reveal bits of a hash, never of a token.
 *
 * <p>Keys created or deleted through this replica take effect at once, and a reload that read the
 * store before such a change cannot undo it: every change made here is numbered, a reload says
 * which number it read at, and the changes after that number are applied again on top of what it
 * read.
 */
public final class KeyRegistry {

    /** A key added here ({@code removed} null) or removed here ({@code added} null). */
    private record LocalChange(long generation, StoredKey added, String removed) {}

    private volatile Map<Long, List<StoredKey>> byHashPrefix = Map.of();
    private final Map<String, StoredKey> byName = new LinkedHashMap<>();
    private final List<LocalChange> changes = new ArrayList<>();
    private long generation;

    /** The key the token belongs to, or null when it belongs to none. */
    public ApiKey authenticate(String token) {
        byte[] hash = Tokens.hash(token);
        List<StoredKey> candidates = byHashPrefix.get(prefix(hash));
        if (candidates != null) {
            for (StoredKey candidate : candidates) {
                if (MessageDigest.isEqual(hash, candidate.tokenHash())) {
                    return candidate.key();
                }
            }
        }
        return null;
    }

    /** The number of the last change made here; a reload reads it before it reads the store. */
    public synchronized long generation() {
        return generation;
    }

    /**
     * Makes {@code stored}, read from the store after {@link #generation()} answered
     * {@code readAt}, the set of accepted keys, with the changes made here since then on top.
     */
    public synchronized void replaceAll(Collection<StoredKey> stored, long readAt) {
        changes.removeIf(change -> change.generation() <= readAt);
        byName.clear();
        stored.forEach(key -> byName.put(key.key().name(), key));
        changes.forEach(this::apply);
        install();
    }

    public synchronized void add(StoredKey key) {
        record(new LocalChange(++generation, key, null));
    }

    public synchronized void remove(String name) {
        record(new LocalChange(++generation, null, name));
    }

    private void record(LocalChange change) {
        changes.add(change);
        apply(change);
        install();
    }

    private void apply(LocalChange change) {
        if (change.added() != null) {
            byName.put(change.added().key().name(), change.added());
        } else {
            byName.remove(change.removed());
        }
    }

    private void install() {
        Map<Long, List<StoredKey>> next = new HashMap<>();
        for (StoredKey key : byName.values()) {
            next.computeIfAbsent(prefix(key.tokenHash()), p -> new ArrayList<>()).add(key);
        }
        next.replaceAll((prefix, list) -> List.copyOf(list));
        byHashPrefix = Map.copyOf(next);
    }

    private static long prefix(byte[] hash) {
        return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
    }
}
