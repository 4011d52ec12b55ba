package dev.arbiter.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The decision cache, keyed by the whole request (principal, action, resource, context; not
 * minRevision, which only asks for freshness). It holds decisions of the newest policy revision
 * seen in any answer: a newer revision empties it, and older decisions are neither served nor kept.
 */
final class CaffeineDecisionCache implements DecisionCache {

    private final Cache<CheckRequest, Decision> cache;
    private final AtomicLong newestRevision = new AtomicLong(Decision.NO_REVISION);

    CaffeineDecisionCache(CacheSettings settings, Ticker ticker) {
        long allowNanos = settings.allowTtl().toNanos();
        long denyNanos = settings.denyTtl().toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .ticker(ticker::nanos)
                .expireAfter(new Expiry<CheckRequest, Decision>() {
                    @Override
                    public long expireAfterCreate(CheckRequest key, Decision decision, long now) {
                        return decision.allow() ? allowNanos : denyNanos;
                    }

                    @Override
                    public long expireAfterUpdate(CheckRequest key, Decision decision, long now, long remaining) {
                        return expireAfterCreate(key, decision, now);
                    }

                    @Override
                    public long expireAfterRead(CheckRequest key, Decision decision, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    @Override
    public Decision find(CheckRequest request) {
        Decision decision = cache.getIfPresent(key(request));
        if (decision == null || decision.revision() < Math.max(request.minRevision(), newestRevision.get())) {
            return null;
        }
        return decision.asCached();
    }

    @Override
    public void remember(CheckRequest request, Decision decision) {
        observe(decision.revision());
        if (decision.revision() >= newestRevision.get()) {
            cache.put(key(request), decision);
        }
    }

    private void observe(long revision) {
        long newest = newestRevision.get();
        while (revision > newest) {
            if (newestRevision.compareAndSet(newest, revision)) {
                cache.invalidateAll();
                return;
            }
            newest = newestRevision.get();
        }
    }

    private static CheckRequest key(CheckRequest request) {
        return request.minRevision() == 0 ? request : request.minRevision(0);
    }
}
