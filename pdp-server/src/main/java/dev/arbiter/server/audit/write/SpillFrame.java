package dev.arbiter.server.audit.write;

import dev.arbiter.server.audit.ChainHash;
import dev.arbiter.server.audit.CopyFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * One batch in a spill file:
 * {@code magic "ADL1" | payload length (u32) | CRC-32C of payload (u32) | payload}, with payload
 * {@code seq (i64) | batch id (16) | first (i64 µs) | last (i64 µs) | count (i32) | digest (32) | tuples}.
 * A frame that is cut short or fails its checksum reads as absent: that is how a write torn by a
 * crash shows, and everything from it on is discarded.
 */
final class SpillFrame {

    /** "ADL" and the format of the frame's tuples. */
    private static final int MAGIC_PREFIX = 0x41444C30;
    static final int HEADER_BYTES = 12;
    private static final int META_BYTES = 8 + 16 + 8 + 8 + 4 + ChainHash.SIZE;
    private static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    private SpillFrame() {}

    /** The bytes {@code batch} takes in a spill file. */
    static long size(LogBatch batch) {
        return HEADER_BYTES + META_BYTES + (long) batch.tuples().length;
    }

    /** Header, metadata and tuples, ready for one gathering write. */
    static ByteBuffer[] encode(LogBatch batch) {
        ByteBuffer meta = ByteBuffer.allocate(META_BYTES)
                .putLong(batch.seq())
                .putLong(batch.batchId().getMostSignificantBits())
                .putLong(batch.batchId().getLeastSignificantBits())
                .putLong(batch.firstMicros())
                .putLong(batch.lastMicros())
                .putInt(batch.count())
                .put(batch.digest())
                .flip();
        CRC32C crc = new CRC32C();
        crc.update(meta.duplicate());
        crc.update(batch.tuples());
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                .putInt(MAGIC_PREFIX + batch.format())
                .putInt(META_BYTES + batch.tuples().length)
                .putInt((int) crc.getValue())
                .flip();
        return new ByteBuffer[] {header, meta, ByteBuffer.wrap(batch.tuples())};
    }

    /** The frame at {@code offset}, or null when the bytes up to {@code end} hold no whole, intact frame there. */
    static LogBatch read(FileChannel channel, long offset, long end) throws IOException {
        if (end - offset < HEADER_BYTES) {
            return null;
        }
        ByteBuffer header = readFully(channel, offset, HEADER_BYTES);
        int magic = header.getInt();
        int length = header.getInt();
        int checksum = header.getInt();
        int format = magic - MAGIC_PREFIX;
        if ((format != CopyFormat.FIRST && format != CopyFormat.CURRENT) || length < META_BYTES || length > MAX_PAYLOAD || end - offset - HEADER_BYTES < length) {
            return null;
        }
        ByteBuffer payload = readFully(channel, offset + HEADER_BYTES, length);
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        if ((int) crc.getValue() != checksum) {
            return null;
        }
        long seq = payload.getLong();
        UUID batchId = new UUID(payload.getLong(), payload.getLong());
        long first = payload.getLong();
        long last = payload.getLong();
        int count = payload.getInt();
        byte[] digest = new byte[ChainHash.SIZE];
        payload.get(digest);
        byte[] tuples = new byte[payload.remaining()];
        payload.get(tuples);
        return new LogBatch(seq, batchId, first, last, count, digest, tuples, format);
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of spill file");
            }
        }
        return buffer.flip();
    }
}
