package dev.arbiter.server.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API keys this replica accepts, held in memory so authentication never touches the
 * database. Lookup goes by the first 8 bytes of the token's SHA-256 and confirms the whole hash
 * with a constant-time comparison; timing can at most reveal bits of a hash, never of a token.
 */
public final class KeyRegistry {

    private volatile Map<Long, List<StoredKey>> byHashPrefix = Map.of();

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

    /** Makes {@code keys} the complete set of accepted keys. */
    public synchronized void replaceAll(Collection<StoredKey> keys) {
        Map<Long, List<StoredKey>> next = new HashMap<>();
        for (StoredKey key : keys) {
            next.computeIfAbsent(prefix(key.tokenHash()), p -> new ArrayList<>()).add(key);
        }
        next.replaceAll((prefix, list) -> List.copyOf(list));
        byHashPrefix = Map.copyOf(next);
    }

    public synchronized void add(StoredKey key) {
        List<StoredKey> all = all();
        all.add(key);
        replaceAll(all);
    }

    public synchronized void remove(String name) {
        List<StoredKey> all = all();
        all.removeIf(key -> key.key().name().equals(name));
        replaceAll(all);
    }

    private List<StoredKey> all() {
        List<StoredKey> all = new ArrayList<>();
        byHashPrefix.values().forEach(all::addAll);
        return all;
    }

    private static long prefix(byte[] hash) {
        return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
    }
}
