package dev.arbiter.server.audit.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.logging.Logger;

/** One segment file of the spill, open for reading and appending: {@link SpillFrame}s back to back. */
final class SpillSegment {

    private static final Logger LOG = Logger.getLogger(SpillSegment.class.getName());

    final long firstSeq;
    final Path path;
    final FileChannel channel;
    /** Bytes of whole frames, forced to disk. */
    long length;
    long records;
    long replayed;
    /** The highest batch seq the segment holds. */
    long lastSeq;

    private SpillSegment(long firstSeq, Path path, FileChannel channel) {
        this.firstSeq = firstSeq;
        this.path = path;
        this.channel = channel;
    }

    /** A new, empty segment file, readable by the owner only. */
    static SpillSegment create(Path path, long firstSeq) throws IOException {
        return new SpillSegment(firstSeq, path, FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE), SpillFiles.privateFile()));
    }

    /**
     * The segment a previous run left in {@code path}, counted frame by frame; a frame torn by a
     * crash at its end (found by its length or checksum) is cut off.
     */
    static SpillSegment recover(Path path, long firstSeq) throws IOException {
        SpillSegment segment = new SpillSegment(firstSeq, path,
                FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
        long size = segment.channel.size();
        for (LogBatch batch = SpillFrame.read(segment.channel, 0, size); batch != null;
                batch = SpillFrame.read(segment.channel, segment.length, size)) {
            segment.length += SpillFrame.size(batch);
            segment.records += batch.count();
            segment.lastSeq = Math.max(segment.lastSeq, batch.seq());
        }
        if (segment.length < size) {
            LOG.warning("discarding the last " + (size - segment.length) + " bytes of " + path
                    + ": an incomplete or damaged frame, written when the server stopped abruptly");
            segment.channel.truncate(segment.length);
            segment.channel.force(true);
        }
        return segment;
    }

    /** Writes the frame of {@code batch} at {@code position}; answers where it ends. */
    long writeAt(long position, LogBatch batch) throws IOException {
        channel.position(position);
        writeFully(channel, SpillFrame.encode(batch));
        return position + SpillFrame.size(batch);
    }

    /** Counts a frame once it is on disk. */
    void account(LogBatch batch) {
        length += SpillFrame.size(batch);
        records += batch.count();
        lastSeq = Math.max(lastSeq, batch.seq());
    }

    void delete() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }

    static void writeFully(FileChannel channel, ByteBuffer[] buffers) throws IOException {
        while (buffers[buffers.length - 1].hasRemaining()) {
            channel.write(buffers);
        }
    }
}
