package dev.arbiter.server.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The filter keys of a batch: every distinct value its records hold for a filter of the log, as
 * {@code <tag>:<value>}; the same keys of its denied records once more, marked {@code !}, so that
 * "what was denied to whom" finds only batches where it was; and {@code deny} when one of them was
 * denied. Queries look batches up by these keys (a GIN index over
 * {@code decision_batches.filter_keys}) and read only the records of the batches that hold every
 * key asked for. The migration defines the same keys in SQL ({@code decision_filter_keys}) for
 * batches written without them.
 */
public final class FilterKeys {

    public static final String DENY = "deny";
    private static final String DENIED = "!";

    /** The filtered columns: their tag and their field number in a COPY tuple. */
    public enum Column {
        PRINCIPAL("p:", 2), ACTION("a:", 4), SERVICE("s:", 5), RESOURCE("r:", 7), POLICY("o:", 9), RULE("u:", 10),
        CALLER("c:", 13), TRACE("t:", 19);

        private final String tag;
        private final int field;

        Column(String tag, int field) {
            this.tag = tag;
            this.field = field;
        }

        public String key(String value) {
            return tag + value;
        }

        /** The key of {@code value} in a denied record. */
        public String deniedKey(String value) {
            return DENIED + tag + value;
        }
    }

    private static final int ALLOW_FIELD = 8;
    private static final int LAST_FIELD = Column.TRACE.field;
    private static final Column[] BY_FIELD = new Column[LAST_FIELD + 1];

    static {
        for (Column column : Column.values()) {
            BY_FIELD[column.field] = column;
        }
    }

    /** A record of a few hundred bytes brings about two keys its batch has not seen (principal, resource). */
    private static final int BYTES_PER_NEW_KEY = 200;

    private final Set<String> keys;
    private final List<String> record = new ArrayList<>(Column.values().length);

    public FilterKeys() {
        this(16);
    }

    private FilterKeys(int expected) {
        keys = new HashSet<>(expected * 4 / 3 + 1);
    }

    /** The keys of a batch's tuples, in {@link CopyFormat}'s binary form, read as stored. */
    public static String[] of(byte[] tuples) {
        FilterKeys keys = new FilterKeys(tuples.length / BYTES_PER_NEW_KEY);
        keys.add(tuples);
        return keys.keys.toArray(String[]::new);
    }

    /** Adds the keys of {@code tuples}, one or more in {@link CopyFormat}'s binary form. */
    public void add(byte[] tuples) {
        ByteBuffer buffer = ByteBuffer.wrap(tuples);
        while (buffer.hasRemaining()) {
            boolean denied = false;
            int fields = buffer.getShort();
            for (int field = 0; field < fields; field++) {
                int length = buffer.getInt();
                if (length < 0) {
                    continue;
                }
                int start = buffer.position();
                if (field <= LAST_FIELD && BY_FIELD[field] != null) {
                    record.add(BY_FIELD[field].key(new String(tuples, start, length, StandardCharsets.UTF_8)));
                } else if (field == ALLOW_FIELD) {
                    denied = tuples[start] == 0;
                }
                buffer.position(start + length);
            }
            keys.addAll(record);
            if (denied) {
                keys.add(DENY);
                record.forEach(key -> keys.add(DENIED + key));
            }
            record.clear();
        }
    }

    /** Whether exactly {@code stored} are the keys added. */
    public boolean sameAs(String[] stored) {
        return stored.length == keys.size() && keys.containsAll(Arrays.asList(stored));
    }
}
