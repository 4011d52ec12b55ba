package dev.arbiter.server.audit.integrity;

import dev.arbiter.server.audit.ChainHash;
import dev.arbiter.server.audit.Micros;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code decision_batches}: one link of the chain, and the format its records were hashed in. */
record StoredBatch(long seq, UUID batchId, long firstMicros, long lastMicros, int count, byte[] digest,
        byte[] previousHash, byte[] hash, int format) {

    static final String COLUMNS = "seq, batch_id, first_at, last_at, record_count, digest, prev_hash, hash, format";

    static StoredBatch read(ResultSet row) throws SQLException {
        return new StoredBatch(row.getLong(1), row.getObject(2, UUID.class),
                Micros.of(row.getObject(3, OffsetDateTime.class)), Micros.of(row.getObject(4, OffsetDateTime.class)),
                row.getInt(5), row.getBytes(6), row.getBytes(7), row.getBytes(8), row.getInt(9));
    }

    /** The hash this batch's fields and previous hash call for. */
    byte[] expectedHash() {
        return ChainHash.link(previousHash, seq, batchId, firstMicros, lastMicros, count, digest);
    }
}
