package dev.arbiter.server.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map of request values (attributes, context, the CEL variables), in the order they
 * were read. CEL walks a whole map each time a condition selects from it, to convert its values:
 * here that walk allocates nothing per entry, since the entries are built once. Small maps are
 * scanned; larger ones get a hash index, so a condition looping over a large map stays linear.
 */
public final class RequestMap<V> extends AbstractMap<String, V> {

    private static final int SCAN_LIMIT = 8;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RequestMap<?> EMPTY = new RequestMap<>(new Entry[0], null);

    private final Entry<String, V>[] entries;
    private final Map<String, V> index;
    private final Set<Entry<String, V>> entrySet = new Entries();

    /** {@code index} maps every key of {@code entries}, or is null for a map small enough to scan. */
    private RequestMap(Entry<String, V>[] entries, Map<String, V> index) {
        this.entries = entries;
        this.index = index;
    }

    @SuppressWarnings("unchecked")
    public static <V> RequestMap<V> empty() {
        return (RequestMap<V>) EMPTY;
    }

    @Override
    public V get(Object key) {
        if (index != null) {
            return index.get(key);
        }
        for (Entry<String, V> entry : entries) {
            if (entry.getKey().equals(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return entries.length;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return entrySet;
    }

    /** Collects entries, refusing a key given twice. Not thread-safe; one map per builder: build() hands over its state. */
    public static final class Builder<V> {
        @SuppressWarnings("unchecked")
        private Entry<String, V>[] entries = new Entry[4];
        private int size;
        private Map<String, V> index;

        /** Adds an entry; false (and nothing added) when the key is already there. Nulls are refused. */
        public boolean put(String key, V value) {
            if (contains(key)) {
                return false;
            }
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
            }
            entries[size++] = Map.entry(key, value);
            if (index != null) {
                index.put(key, value);
            } else if (size > SCAN_LIMIT) {
                index = new HashMap<>(size * 4);
                for (int i = 0; i < size; i++) {
                    index.put(entries[i].getKey(), entries[i].getValue());
                }
            }
            return true;
        }

        public RequestMap<V> build() {
            return size == 0 ? empty() : new RequestMap<>(Arrays.copyOf(entries, size), index);
        }

        private boolean contains(String key) {
            if (index != null) {
                return index.containsKey(key);
            }
            for (int i = 0; i < size; i++) {
                if (entries[i].getKey().equals(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final class Entries extends AbstractSet<Entry<String, V>> {
        @Override
        public Iterator<Entry<String, V>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < entries.length;
                }

                @Override
                public Entry<String, V> next() {
                    if (next == entries.length) {
                        throw new NoSuchElementException();
                    }
                    return entries[next++];
                }
            };
        }

        @Override
        public int size() {
            return entries.length;
        }
    }
}
