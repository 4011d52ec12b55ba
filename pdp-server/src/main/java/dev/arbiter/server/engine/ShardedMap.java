package dev.arbiter.server.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An immutable hash map split into a fixed number of shards, so that a change copies only the
 * shards it touches and the array of shard references: a policy change costs about the same with
 * ten services or ten thousand.
 */
public final class ShardedMap<K, V> {

    private static final int SHARDS = 1024;

    private final Map<K, V>[] shards;
    private final int size;

    private ShardedMap(Map<K, V>[] shards, int size) {
        this.shards = shards;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <K, V> ShardedMap<K, V> empty() {
        Map<K, V>[] shards = new Map[SHARDS];
        Arrays.fill(shards, Map.of());
        return new ShardedMap<>(shards, 0);
    }

    V get(K key) {
        return shards[shard(key)].get(key);
    }

    int size() {
        return size;
    }

    /** A map with {@code changes} applied: a null value removes the key. */
    ShardedMap<K, V> with(Map<K, V> changes) {
        Map<K, V>[] next = shards.clone();
        Map<Integer, Map<K, V>> copies = new HashMap<>();
        int nextSize = size;
        for (Map.Entry<K, V> change : changes.entrySet()) {
            int index = shard(change.getKey());
            Map<K, V> shard = copies.computeIfAbsent(index, i -> new HashMap<>(shards[i]));
            V previous = change.getValue() == null ? shard.remove(change.getKey()) : shard.put(change.getKey(), change.getValue());
            nextSize += (change.getValue() == null ? 0 : 1) - (previous == null ? 0 : 1);
        }
        copies.forEach((index, shard) -> next[index] = Map.copyOf(shard));
        return new ShardedMap<>(next, nextSize);
    }

    /** Where a walk stopped: after {@code key} of shard {@code shard}. */
    public record Position<K>(int shard, K key) {}

    /**
     * Shows {@code visitor} the values after {@code from} (null: from the start), shard by shard and
     * within a shard in {@code order} of their keys (an order every replica shares), until it
     * answers false; returns the position of the value it stopped at, or null when it saw all.
     */
    Position<K> walk(Position<K> from, Comparator<K> order, Predicate<V> visitor) {
        for (int index = from == null ? 0 : from.shard(); index < SHARDS; index++) {
            List<K> keys = new ArrayList<>(shards[index].keySet());
            keys.sort(order);
            for (K key : keys) {
                boolean seen = from != null && index == from.shard() && order.compare(key, from.key()) <= 0;
                if (!seen && !visitor.test(shards[index].get(key))) {
                    return new Position<>(index, key);
                }
            }
        }
        return null;
    }

    private static int shard(Object key) {
        int hash = Objects.hashCode(key);
        return (hash ^ (hash >>> 16)) & (SHARDS - 1);
    }
}
