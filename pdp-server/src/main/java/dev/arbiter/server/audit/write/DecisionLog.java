package dev.arbiter.server.audit.write;

import dev.arbiter.server.audit.AuditConfig;
import dev.arbiter.server.audit.DecisionRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscArrayQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Records every decision, off the decision path: checks hand records to a bounded lock-free queue
 * (many event loops produce, one ingest thread consumes) without
 * blocking (when it is full, a check's answer waits for room: see {@link #offer}); an ingest thread batches them, a writer thread stores the batches, and when the
 * database is unreachable or behind they go to a spill file that is replayed, in order and
 * exactly once, when it is back (also after a restart). Closing flushes everything.
 */
public final class DecisionLog implements AutoCloseable {

    /** The longest a record waits before its batch is flushed. */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);
    /** How often a failing database or spill is tried again. */
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
    /** How long closing waits for the database to take what is queued before leaving it in the spill. */
    public static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(DecisionLog.class.getName());

    private final boolean required;
    private final Duration queueWait;
    private final MessagePassingQueue<DecisionRecord> queue;
    private final AuditCounters counters;
    private final Backlog backlog;
    private final IngestLoop ingest;
    private final WriterLoop writer;
    private final Thread ingestThread;
    private final Thread writerThread;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DecisionLog(AuditConfig config, BatchStore store, Spill spill) {
        this.required = config.required();
        this.queueWait = Duration.ofMillis(config.queueWaitMillis());
        this.queue = new MpscArrayQueue<>(config.queueCapacity());
        this.counters = new AuditCounters();
        this.backlog = new Backlog(spill, counters);
        this.ingest = new IngestLoop(queue, config.mask(), backlog, counters, spill.lastSeq());
        this.writer = new WriterLoop(backlog, store, counters);
        this.ingestThread = daemon(ingest, "arbiter-audit-ingest");
        this.writerThread = daemon(writer, "arbiter-audit-writer");
    }

    /** Opens the spill in {@code spillDirectory} (replaying what it holds) and starts the threads. */
    public static DecisionLog start(AuditConfig config, DataSource dataSource, Path spillDirectory)
            throws IOException {
        DecisionLog log = new DecisionLog(config, new BatchStore(dataSource),
                Spill.open(spillDirectory, config.spillMaxBytes()));
        log.ingestThread.start();
        log.writerThread.start();
        return log;
    }

    private static Thread daemon(Runnable loop, String name) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        return thread;
    }

    /** What became of a record handed to the log. */
    public enum Handoff {
        /** Queued: it will be written. */
        TAKEN,
        /** The queue is full but the log is working: offer it again shortly. */
        FULL,
        /** It cannot be kept and is counted as lost; the decision stands. */
        LOST,
        /** It cannot be kept and ARBITER_AUDIT_REQUIRED is set: the decision must not stand. */
        REFUSED
    }

    /**
     * Hands a decision's record to the log without blocking. While the log is stuck (neither the
     * database nor the spill takes anything) a record that cannot be queued is lost or refused at
     * once, since waiting cannot help.
     */
    public Handoff offer(DecisionRecord record) {
        if (required && ingest.stranded()) {
            counters.refused.increment();
            return Handoff.REFUSED;
        }
        if (queue.offer(record)) {
            return Handoff.TAKEN;
        }
        return ingest.stranded() ? giveUp() : Handoff.FULL;
    }

    /** How long a check's answer may wait for room in a full queue while the log is working. */
    public Duration queueWait() {
        return queueWait;
    }

    /** A record offered while the queue stayed full for as long as a check may wait: lost, or refused when required. */
    public Handoff giveUp() {
        if (required) {
            counters.refused.increment();
            return Handoff.REFUSED;
        }
        counters.lost.increment();
        return Handoff.LOST;
    }

    public AuditStatus status() {
        String state = ingest.stranded() ? "unavailable" : backlog.spilling() ? "spilling" : "writing";
        return new AuditStatus(state, queue.size(), counters.written.get(), counters.spilled.get(),
                backlog.spillPending(), counters.lost.sum() + backlog.damaged(), counters.refused.sum(),
                counters.rejected.get());
    }

    /**
     * Flushes every queued record to the database, or to the spill when the database does not
     * take it within {@link #SHUTDOWN_DRAIN}, then stops. Call after checks have stopped.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + SHUTDOWN_DRAIN.toNanos();
        ingest.stop(deadline);
        try {
            ingestThread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            backlog.awaitDrained(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.stop();
        writerThread.interrupt();
        try {
            backlog.close();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "the decision log could not keep its last records in the spill", e);
        }
        AuditStatus status = status();
        LOG.info("decision log closed: " + status.written() + " records written, " + status.spillPending()
                + " left in the spill for the next start, " + status.lost() + " lost");
    }
}
