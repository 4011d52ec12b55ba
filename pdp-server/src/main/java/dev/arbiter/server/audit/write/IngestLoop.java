package dev.arbiter.server.audit.write;

import dev.arbiter.server.audit.AuditMask;
import dev.arbiter.server.audit.DecisionRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jctools.queues.MessagePassingQueue;

/**
 * The thread that drains the check path's queue: masks and encodes records into batches of one
 * day, flushes a batch when it is full or its oldest record waited {@link DecisionLog#FLUSH_INTERVAL},
 * and routes it to the backlog. When neither the database nor the spill takes a batch it holds
 * the batch and retries, and stops draining: the queue then fills and the check path sees it.
 */
final class IngestLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(IngestLoop.class.getName());
    private static final long FLUSH_NANOS = DecisionLog.FLUSH_INTERVAL.toNanos();
    /** At 60,000 checks per second a nap lets about 300 records gather, far below the queue's capacity. */
    private static final long IDLE_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final MessagePassingQueue<DecisionRecord> queue;
    private final BatchAssembler assembler;
    private final Backlog backlog;
    private final AuditCounters counters;
    private final LossReport losses;
    private long seq;
    private long flushAt;
    private volatile boolean stopping;
    private volatile long stopDeadline;
    private volatile boolean stranded;

    IngestLoop(MessagePassingQueue<DecisionRecord> queue, AuditMask mask, Backlog backlog, AuditCounters counters,
            long lastSeq) {
        this.queue = queue;
        this.assembler = new BatchAssembler(mask);
        this.backlog = backlog;
        this.counters = counters;
        this.losses = new LossReport(counters);
        this.seq = lastSeq;
    }

    /** Whether a batch is held because neither the database nor the spill takes it. */
    boolean stranded() {
        return stranded;
    }

    /** Drain what is queued, flush it, and end; give up on a held batch at {@code deadlineNanos}. */
    void stop(long deadlineNanos) {
        stopDeadline = deadlineNanos;
        stopping = true;
    }

    @Override
    public void run() {
        try {
            drain();
        } catch (RuntimeException | Error e) {
            stranded = true;
            LOG.log(Level.SEVERE, "the decision log stopped taking records", e);
        }
    }

    private void drain() {
        List<DecisionRecord> taken = new ArrayList<>(BatchAssembler.MAX_RECORDS);
        while (true) {
            boolean last = stopping;
            DecisionRecord first = poll(last);
            if (first != null) {
                taken.add(first);
                queue.drain(taken::add, BatchAssembler.MAX_RECORDS - 1);
                for (DecisionRecord record : taken) {
                    add(record);
                }
                taken.clear();
            }
            if (!assembler.isEmpty() && ((last && first == null) || System.nanoTime() - flushAt >= 0)) {
                flush();
            }
            losses.report();
            if (last && first == null) {
                return;
            }
        }
    }

    /**
     * The next queued record; when there is none, naps before looking again instead of waiting on
     * the queue, because a waiting consumer makes every check's offer wake it: a system call and a
     * context switch per decision, where a nap costs one wake-up per {@link #IDLE_NAP_NANOS}.
     */
    private DecisionRecord poll(boolean last) {
        DecisionRecord record = queue.poll();
        if (record != null || last) {
            return record;
        }
        long nap = assembler.isEmpty() ? IDLE_NAP_NANOS : Math.min(IDLE_NAP_NANOS, flushAt - System.nanoTime());
        if (nap > 0) {
            LockSupport.parkNanos(nap);
        }
        return queue.poll();
    }

    private void add(DecisionRecord record) {
        if (!assembler.accepts(record)) {
            flush();
        }
        if (assembler.isEmpty()) {
            flushAt = System.nanoTime() + FLUSH_NANOS;
        }
        try {
            assembler.add(record);
        } catch (RuntimeException e) {
            counters.rejected.incrementAndGet();
            LOG.log(Level.SEVERE, "decision " + record.decisionId() + " could not be encoded for the log", e);
        }
        if (assembler.isFull()) {
            flush();
        }
    }

    private void flush() {
        if (assembler.isEmpty()) {
            return;
        }
        LogBatch batch = assembler.build(++seq);
        while (true) {
            try {
                backlog.route(batch);
                if (stranded) {
                    stranded = false;
                    LOG.info("the decision log keeps records again");
                }
                return;
            } catch (IOException e) {
                if (!stranded) {
                    stranded = true;
                    LOG.log(Level.SEVERE, "the decision log can write neither to the database nor to its spill ("
                            + e.getMessage() + "); holding " + batch.count() + " records and retrying", e);
                }
                if (stopping && System.nanoTime() - stopDeadline >= 0) {
                    counters.lost.add(batch.count());
                    LOG.severe("the decision log lost " + batch.count() + " records it could not store before exit");
                    return;
                }
                losses.report();
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(DecisionLog.RETRY_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            // stopping is signalled by the flag, not by interruption
        }
    }
}
