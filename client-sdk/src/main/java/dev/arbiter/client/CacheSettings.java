package dev.arbiter.client;

import java.time.Duration;

/**
 * The client's optional decision cache. Allows and denies live for separate times; the whole
 * cache is dropped as soon as any answer carries a newer policy revision than the one it holds.
 *
 * <p>The defaults, 30 s for allows and 5 s for denies, are shorter than the Kubernetes webhook
 * authorizer's 5 min / 30 s: the allow TTL bounds how long this client may still honour a
 * revoked permission when none of its calls reaches the server, and Arbiter's policies are
 * edited by security teams who expect a revocation to land within half a minute. Denies are
 * kept briefly, so that a new grant shows within seconds, while a caller retrying a denied
 * request in a loop is still absorbed.
 *
 * @param maxEntries bound on the number of cached decisions (least recently and frequently used go first)
 */
public record CacheSettings(Duration allowTtl, Duration denyTtl, long maxEntries) {

    public CacheSettings {
        if (allowTtl.isNegative() || allowTtl.isZero() || denyTtl.isNegative() || denyTtl.isZero()) {
            throw new IllegalArgumentException("cache TTLs must be positive");
        }
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("the cache must hold at least one entry");
        }
    }

    public static CacheSettings defaults() {
        return new CacheSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 10_000);
    }

    public CacheSettings allowTtl(Duration ttl) {
        return new CacheSettings(ttl, denyTtl, maxEntries);
    }

    public CacheSettings denyTtl(Duration ttl) {
        return new CacheSettings(allowTtl, ttl, maxEntries);
    }

    public CacheSettings maxEntries(long entries) {
        return new CacheSettings(allowTtl, denyTtl, entries);
    }
}
