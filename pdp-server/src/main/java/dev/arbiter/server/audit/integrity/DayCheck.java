package dev.arbiter.server.audit.integrity;

import dev.arbiter.server.audit.ByteSink;
import dev.arbiter.server.audit.ChainHash;
import dev.arbiter.server.audit.CopyFormat;
import dev.arbiter.server.audit.DecisionRows;
import dev.arbiter.server.audit.FilterKeys;
import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.Micros;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Re-hashes the records of the batches of one day that overlap the window. */
final class DayCheck {

    private final long dayStart;
    private final long dayEnd;
    private final long fromMicros;
    private final long toMicros;
    private final Map<UUID, Digesting> batches = new HashMap<>();
    private final ByteSink tuple = new ByteSink(4096);
    long records;
    ChainBreak firstBreak;

    /** A batch being re-hashed, with its stored filter keys; {@code checked} when it overlaps the window. */
    private static final class Digesting {
        final StoredBatch stored;
        final String[] storedKeys;
        final boolean checked;
        final MessageDigest digest = ChainHash.sha256();
        final FilterKeys keys = new FilterKeys();
        int count;

        Digesting(StoredBatch stored, String[] storedKeys, boolean checked) {
            this.stored = stored;
            this.storedKeys = storedKeys;
            this.checked = checked;
        }
    }

    DayCheck(LocalDate day, long fromMicros, long toMicros) {
        this.dayStart = Micros.of(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        this.dayEnd = dayStart + Micros.DAY;
        this.fromMicros = fromMicros;
        this.toMicros = toMicros;
    }

    void run(Connection connection) throws SQLException {
        long low = Math.max(dayStart, fromMicros);
        long high = Math.min(dayEnd, toMicros);
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredBatch.COLUMNS
                + ", filter_keys FROM decision_batches WHERE first_at >= ? AND first_at < ?")) {
            query.setObject(1, Micros.toOffsetDateTime(dayStart));
            query.setObject(2, Micros.toOffsetDateTime(dayEnd));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    StoredBatch batch = StoredBatch.read(rows);
                    boolean checked = batch.firstMicros() < toMicros && batch.lastMicros() >= fromMicros;
                    batches.put(batch.batchId(), new Digesting(batch, checked ? keys(rows) : null, checked));
                    if (checked) {
                        low = Math.min(low, batch.firstMicros());
                        high = Math.max(high, batch.lastMicros() + 1);
                    }
                }
            }
        }
        rehash(connection, low, high);
        for (Digesting batch : batches.values()) {
            if (batch.checked) {
                compare(batch);
            }
        }
    }

    private static String[] keys(ResultSet row) throws SQLException {
        Array keys = row.getArray("filter_keys");
        try {
            return (String[]) keys.getArray();
        } finally {
            keys.free();
        }
    }

    private void rehash(Connection connection, long low, long high) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(DecisionRows.SELECT
                + " WHERE decided_at >= ? AND decided_at < ? ORDER BY decided_at, decision_id")) {
            query.setFetchSize(ChainVerifier.FETCH_SIZE);
            query.setObject(1, Micros.toOffsetDateTime(low));
            query.setObject(2, Micros.toOffsetDateTime(high));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    LoggedDecision record = DecisionRows.read(rows);
                    Digesting batch = record.batchId() == null ? null : batches.get(record.batchId());
                    if (batch == null) {
                        unchained(record);
                    } else if (batch.checked) {
                        tuple.reset();
                        CopyFormat.tuple(tuple, record, batch.stored.format());
                        tuple.digestInto(batch.digest);
                        batch.keys.add(tuple.toByteArray());
                        batch.count++;
                    }
                }
            }
        }
    }

    private void unchained(LoggedDecision record) {
        boolean inWindow = record.decidedAtMicros() >= fromMicros && record.decidedAtMicros() < toMicros;
        if (inWindow) {
            Instant at = Micros.toInstant(record.decidedAtMicros());
            firstBreak = ChainBreak.first(firstBreak, new ChainBreak("unchained_record", null,
                    record.batchId(), at, at, record.decisionId(), "decision " + record.decisionId()
                    + " belongs to no batch of the chain: it was not written by the decision log"));
        }
    }

    private void compare(Digesting batch) {
        records += batch.count;
        StoredBatch stored = batch.stored;
        boolean sameCount = batch.count == stored.count();
        if (sameCount && Arrays.equals(batch.digest.digest(), stored.digest())) {
            if (!batch.keys.sameAs(batch.storedKeys)) {
                firstBreak = ChainBreak.first(firstBreak, ChainBreak.ofBatch("altered_keys", stored.seq(), stored,
                        "the filter keys of batch " + stored.seq() + " do not match its records: filtered queries"
                                + " could miss some of them"));
            }
            return;
        }
        String found = sameCount
                ? "their content differs"
                : batch.count + " records found where " + stored.count() + " were written";
        firstBreak = ChainBreak.first(firstBreak, ChainBreak.ofBatch("altered_records", stored.seq(), stored,
                "the records of batch " + stored.seq() + " do not match its digest: " + found));
    }
}
