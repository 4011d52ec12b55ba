package dev.arbiter.server.audit.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The append-only spill of the decision log: batches the database could not take yet, kept in
 * segment files {@code <seq of first batch>.spill} of {@link SpillFrame}s and replayed in segment
 * order, then frame order. Every append is forced to disk before it counts as spilled. On open, a
 * frame torn by a crash at the end of a segment is detected by its length or checksum and cut off.
 *
 * <p>Not thread-safe: its owner serialises every call.
 */
final class Spill implements AutoCloseable {

    static final long SEGMENT_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(Spill.class.getName());
    private static final String SUFFIX = ".spill";
    private static final String REJECTED = "rejected";

    private final Path directory;
    private final long maxBytes;
    private final FileChannel lockChannel;
    private final ArrayDeque<SpillSegment> segments = new ArrayDeque<>();
    private long pendingBytes;
    private long pendingRecords;
    private long damagedRecords;
    private long lastSeq;
    private long readOffset;
    private LogBatch peeked;

    private Spill(Path directory, long maxBytes, FileChannel lockChannel) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.lockChannel = lockChannel;
    }

    /**
     * Opens the spill in {@code directory}, recovering what a previous run left.
     *
     * @param maxBytes how many bytes may wait in the spill before appends fail
     * @throws IOException when the directory is unusable or another server holds it
     */
    static Spill open(Path directory, long maxBytes) throws IOException {
        SpillFiles.privateDirectory(directory);
        Path lockFile = directory.resolve("lock");
        FileChannel lockChannel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), SpillFiles.privateFile());
        SpillFiles.restrictFile(lockFile);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException(directory + " is in use by another running Arbiter;"
                    + " give each server its own ARBITER_DATA_DIR");
        }
        Spill spill = new Spill(directory, maxBytes, lockChannel);
        try {
            spill.recover();
        } catch (IOException | RuntimeException e) {
            spill.close();
            throw e;
        }
        return spill;
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.getFileName().toString().matches("\\d{20}\\" + SUFFIX))
                    .sorted().toList();
        }
        for (Path file : files) {
            SpillFiles.restrictFile(file);
            SpillSegment segment = SpillSegment.recover(file, Long.parseLong(file.getFileName().toString()
                    .substring(0, 20)));
            if (segment.length == 0) {
                segment.delete();
                continue;
            }
            segments.addLast(segment);
            pendingBytes += segment.length;
            pendingRecords += segment.records;
            lastSeq = Math.max(lastSeq, segment.lastSeq);
        }
        if (pendingRecords > 0) {
            LOG.info(pendingRecords + " decision records wait in the spill " + directory + " and will be replayed");
        }
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    long pendingRecords() {
        return pendingRecords;
    }

    /** Records that could not be read back because their segment was damaged after it was written. */
    long damagedRecords() {
        return damagedRecords;
    }

    /** The highest batch seq the spill ever held, so new batches sort after it. */
    long lastSeq() {
        return lastSeq;
    }

    /** Appends {@code batch} after everything spilled so far and forces it to disk. */
    void append(LogBatch batch) throws IOException {
        long size = SpillFrame.size(batch);
        if (pendingBytes + size > maxBytes) {
            throw new IOException("the spill holds " + pendingBytes + " bytes; adding " + size
                    + " would pass its limit of " + maxBytes + " (ARBITER_AUDIT_SPILL_MAX_MB)");
        }
        SpillSegment target = segments.peekLast();
        boolean created = target == null || target.length >= SEGMENT_BYTES;
        if (created) {
            target = create(batch.seq());
            segments.addLast(target);
        }
        try {
            target.writeAt(target.length, batch);
            target.channel.force(false);
        } catch (IOException e) {
            undo(target, created, e);
            throw e;
        }
        account(target, batch);
    }

    /**
     * Writes batches older than everything in the spill ahead of it, as a segment of their own.
     * Only allowed while nothing of the spill has been read.
     */
    void prepend(List<LogBatch> batches) throws IOException {
        long firstSeq = batches.get(0).seq();
        if (peeked != null || readOffset != 0 || (!segments.isEmpty() && segments.peekFirst().firstSeq <= firstSeq)) {
            throw new IllegalStateException("batches can only be put ahead of an unread spill, in seq order");
        }
        SpillSegment segment = create(firstSeq);
        segments.addFirst(segment);
        try {
            long end = 0;
            for (LogBatch batch : batches) {
                end = segment.writeAt(end, batch);
            }
            segment.channel.force(false);
        } catch (IOException e) {
            undo(segment, true, e);
            throw e;
        }
        for (LogBatch batch : batches) {
            account(segment, batch);
        }
    }

    /** The oldest batch not yet replayed, or null when there is none; the same one until it is acknowledged. */
    LogBatch peek() throws IOException {
        while (peeked == null && !segments.isEmpty()) {
            SpillSegment first = segments.peekFirst();
            peeked = SpillFrame.read(first.channel, readOffset, first.length);
            if (peeked == null) {
                long lost = first.records - first.replayed;
                LOG.severe("the spill segment " + first.path + " is damaged at byte " + readOffset + "; its "
                        + lost + " remaining decision records cannot be replayed");
                damagedRecords += lost;
                pendingRecords -= lost;
                pendingBytes -= first.length - readOffset;
                dropFirst();
            }
        }
        return peeked;
    }

    /** Marks {@code batch}, the one {@link #peek()} answered, as written; false if it was another. */
    boolean acknowledge(LogBatch batch) throws IOException {
        if (peeked == null || peeked != batch) {
            return false;
        }
        SpillSegment first = segments.peekFirst();
        long size = SpillFrame.size(batch);
        readOffset += size;
        first.replayed += batch.count();
        pendingBytes -= size;
        pendingRecords -= batch.count();
        peeked = null;
        if (readOffset >= first.length) {
            dropFirst();
        }
        return true;
    }

    /** Keeps a batch the database refuses for an operator, in {@code rejected/<batch id>.spill}. */
    void setAside(LogBatch batch) throws IOException {
        Path rejected = SpillFiles.privateDirectory(directory.resolve(REJECTED));
        try (FileChannel channel = FileChannel.open(rejected.resolve(batch.batchId() + SUFFIX),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                SpillFiles.privateFile())) {
            SpillSegment.writeFully(channel, SpillFrame.encode(batch));
            channel.force(true);
        }
    }

    private SpillSegment create(long firstSeq) throws IOException {
        SpillSegment segment = SpillSegment.create(directory.resolve(String.format("%020d%s", firstSeq, SUFFIX)),
                firstSeq);
        forceDirectory();
        return segment;
    }

    /** Counts a frame once it is on disk. */
    private void account(SpillSegment segment, LogBatch batch) {
        segment.account(batch);
        pendingBytes += SpillFrame.size(batch);
        pendingRecords += batch.count();
        lastSeq = Math.max(lastSeq, batch.seq());
    }

    /** Takes back a failed write: the segment returns to its last forced length, or goes if it is new. */
    private void undo(SpillSegment segment, boolean created, IOException failure) {
        try {
            if (created) {
                segments.remove(segment);
                segment.delete();
            } else {
                segment.channel.truncate(segment.length);
            }
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private void dropFirst() throws IOException {
        SpillSegment first = segments.removeFirst();
        readOffset = 0;
        first.delete();
    }

    /** Makes a new segment's directory entry durable; not every platform can, and then it does not matter. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not force the spill directory", e);
        }
    }

    @Override
    public void close() throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (SpillSegment segment : segments) {
            try {
                segment.channel.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        segments.clear();
        lockChannel.close();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
