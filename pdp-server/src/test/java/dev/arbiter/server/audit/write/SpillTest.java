package dev.arbiter.server.audit.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillTest {

    static final Instant TIME = Instant.parse("2026-11-22T10:00:00Z");
    static final long NO_LIMIT = Long.MAX_VALUE;

    @TempDir
    Path directory;

    static LogBatch batch(long seq) {
        return Records.batch(seq, TIME.plusSeconds(seq), 3);
    }

    /** Replays everything, acknowledging each batch; answers the seqs in replay order. */
    static List<Long> drain(Spill spill) throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (LogBatch next = spill.peek(); next != null; next = spill.peek()) {
            seqs.add(next.seq());
            assertTrue(spill.acknowledge(next));
        }
        return seqs;
    }

    /** Spills batches 1 and 2, closes the spill, and answers its segment file. */
    private Path twoBatchesOnDisk() throws IOException {
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            spill.append(batch(1));
            spill.append(batch(2));
        }
        return segments().get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".spill")).sorted().toList();
        }
    }

    @Test
    void theSpillHoldsRequestInputsSoOnlyItsOwnerMayReadIt() throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path segment = twoBatchesOnDisk();
        assertEquals("rwx------", permissions(directory), "an existing directory is made private");
        assertEquals("rw-------", permissions(segment));
        assertEquals("rw-------", permissions(directory.resolve("lock")));
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            spill.setAside(batch(9));
        }
        try (Stream<Path> rejected = Files.list(directory.resolve("rejected"))) {
            assertEquals("rwx------", permissions(directory.resolve("rejected")));
            assertEquals(List.of("rw-------"), rejected.map(SpillTest::permissions).toList());
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void replaysInOrderOnceAndRemovesWhatWasReplayed() throws IOException {
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            assertTrue(spill.isEmpty());
            for (long seq = 1; seq <= 4; seq++) {
                spill.append(batch(seq));
            }
            assertEquals(12, spill.pendingRecords());
            LogBatch first = spill.peek();
            assertEquals(first, spill.peek(), "the same batch until it is acknowledged");
            assertFalse(spill.acknowledge(batch(1)), "only the batch peeked can be acknowledged");
            assertEquals(List.of(1L, 2L, 3L, 4L), drain(spill));
            assertTrue(spill.isEmpty());
            assertEquals(0, spill.pendingRecords());
            assertTrue(segments().isEmpty());
        }
    }

    @Test
    void aFrameReadsBackByteForByte() throws IOException {
        LogBatch written = batch(7);
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            spill.append(written);
        }
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            LogBatch read = spill.peek();
            assertEquals(written.seq(), read.seq());
            assertEquals(written.batchId(), read.batchId());
            assertEquals(written.firstMicros(), read.firstMicros());
            assertEquals(written.lastMicros(), read.lastMicros());
            assertEquals(written.count(), read.count());
            assertArrayEquals(written.digest(), read.digest());
            assertArrayEquals(written.tuples(), read.tuples());
            assertEquals(7, spill.lastSeq());
        }
    }

    @Test
    void nothingCanBePutAheadOfWhatIsBeingReadOrOfOlderBatches() throws IOException {
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            spill.append(batch(5));
            assertThrows(IllegalStateException.class, () -> spill.prepend(List.of(batch(6))));
            spill.peek();
            assertThrows(IllegalStateException.class, () -> spill.prepend(List.of(batch(1))));
        }
    }

    @Test
    void batchesPutAheadAreReplayedFirstAndARestartReplaysWhatIsUnfinishedInOrder() throws IOException {
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            spill.append(batch(3));
            spill.append(batch(4));
            spill.prepend(List.of(batch(1), batch(2)));
            for (long seq = 1; seq <= 3; seq++) {
                assertEquals(seq, spill.peek().seq());
                assertTrue(spill.acknowledge(spill.peek()));
                assertEquals(seq < 2 ? 2 : 1, segments().size(), "a segment goes once it is replayed");
            }
        }
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            assertEquals(6, spill.pendingRecords(), "the unfinished segment counts from its start");
            assertEquals(4, spill.lastSeq());
            assertEquals(List.of(3L, 4L), drain(spill));
        }
    }

    @Test
    void aFrameTornByACrashIsCutOffAndTheRestReplays() throws IOException {
        Path segment = twoBatchesOnDisk();
        long intact = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer[] frame = SpillFrame.encode(batch(3));
            channel.write(frame[0]);
            channel.write(frame[1]);
            channel.write(ByteBuffer.wrap(frame[2].array(), 0, 100));
        }
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            assertEquals(intact, Files.size(segment), "the torn frame is cut off");
            assertEquals(List.of(1L, 2L), drain(spill));
        }
    }

    @Test
    void aFrameThatFailsItsChecksumEndsTheSegment() throws IOException {
        Path segment = twoBatchesOnDisk();
        long second = SpillFrame.size(batch(1));
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x55}), second + SpillFrame.HEADER_BYTES + 30);
        }
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            assertEquals(List.of(1L), drain(spill));
        }
    }

    @Test
    void garbageAtTheStartOfASegmentLeavesNothingToReplay() throws IOException {
        Files.write(directory.resolve("00000000000000000001.spill"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            assertTrue(spill.isEmpty());
            assertNull(spill.peek());
        }
        assertTrue(segments().isEmpty());
    }

    @Test
    void appendsBeyondTheLimitFailAndReplayingMakesRoom() throws IOException {
        long oneBatch = SpillFrame.size(batch(1));
        try (Spill spill = Spill.open(directory, 2 * oneBatch)) {
            spill.append(batch(1));
            spill.append(batch(2));
            IOException full = assertThrows(IOException.class, () -> spill.append(batch(3)));
            assertTrue(full.getMessage().contains("ARBITER_AUDIT_SPILL_MAX_MB"), full.getMessage());
            assertTrue(spill.acknowledge(spill.peek()));
            spill.append(batch(3));
            assertEquals(List.of(2L, 3L), drain(spill));
        }
    }

    @Test
    void oneServerAtATime() throws IOException {
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            IOException refused = assertThrows(IOException.class, () -> Spill.open(directory, NO_LIMIT).close());
            assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
        }
    }

    @Test
    void aRefusedBatchIsKeptAsideForAnOperator() throws IOException {
        LogBatch refused = batch(1);
        try (Spill spill = Spill.open(directory, NO_LIMIT)) {
            spill.setAside(refused);
        }
        Path kept = directory.resolve("rejected").resolve(refused.batchId() + ".spill");
        try (FileChannel channel = FileChannel.open(kept)) {
            assertArrayEquals(refused.tuples(), SpillFrame.read(channel, 0, channel.size()).tuples());
        }
    }
}
