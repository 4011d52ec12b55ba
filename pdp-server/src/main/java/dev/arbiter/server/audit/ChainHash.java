package dev.arbiter.server.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** The SHA-256 hash chain over flushed batches. */
public final class ChainHash {

    public static final int SIZE = 32;
    /** The previous hash of the very first batch. */
    public static final byte[] GENESIS = new byte[SIZE];

    private ChainHash() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** SHA-256(prev_hash || seq || batch_id || first_at || last_at || record_count || digest). */
    public static byte[] link(byte[] previousHash, long seq, UUID batchId, long firstMicros, long lastMicros, int count,
            byte[] digest) {
        ByteBuffer fields = ByteBuffer.allocate(SIZE + 8 + 16 + 8 + 8 + 4 + SIZE)
                .put(previousHash)
                .putLong(seq)
                .putLong(batchId.getMostSignificantBits())
                .putLong(batchId.getLeastSignificantBits())
                .putLong(firstMicros)
                .putLong(lastMicros)
                .putInt(count)
                .put(digest);
        return sha256().digest(fields.array());
    }
}
