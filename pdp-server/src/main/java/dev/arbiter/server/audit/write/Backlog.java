package dev.arbiter.server.audit.write;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where flushed batches wait for the database, in the order they were formed: a small in-memory
 * outbox while the database keeps up, the spill otherwise. Once a batch goes to the spill, every
 * later one follows it there until the writer has replayed the spill completely, and when the
 * database fails the outbox is written ahead of the spill, so the order never breaks and
 * everything not yet in the database is on disk. The ingest thread routes; the writer thread
 * takes, acknowledges and reports failures.
 */
final class Backlog {

    /** Batches kept in memory while the database keeps up; beyond them the database is behind. */
    private static final int OUTBOX_BATCHES = 2;

    private final Deque<LogBatch> outbox = new ArrayDeque<>();
    private final Spill spill;
    private final AuditCounters counters;
    private boolean databaseReachable = true;
    private boolean closed;

    Backlog(Spill spill, AuditCounters counters) {
        this.spill = spill;
        this.counters = counters;
    }

    /** Queues {@code batch} behind everything routed before it. */
    synchronized void route(LogBatch batch) throws IOException {
        if (closed) {
            throw new IOException("the decision log is closed");
        }
        if (databaseReachable && spill.isEmpty() && outbox.size() < OUTBOX_BATCHES) {
            outbox.addLast(batch);
        } else {
            spill.append(batch);
            counters.spilled.addAndGet(batch.count());
        }
        notifyAll();
    }

    /** The oldest batch not in the database yet, or null after waiting up to {@code waitMillis} for one. */
    synchronized LogBatch next(long waitMillis) throws InterruptedException, IOException {
        LogBatch head = closed ? null : outbox.isEmpty() ? spill.peek() : outbox.peekFirst();
        if (head == null) {
            wait(waitMillis);
        }
        return head;
    }

    /** {@code batch}, answered by {@link #next}, is in the database. */
    synchronized void written(LogBatch batch) throws IOException {
        remove(batch);
        databaseBack();
    }

    /** The database answers again: batches may wait in memory for it once the spill is replayed. */
    synchronized void databaseBack() {
        databaseReachable = true;
        notifyAll();
    }

    /** The database refuses {@code batch}'s content: it is kept aside for an operator instead. */
    synchronized void setAside(LogBatch batch) throws IOException {
        spill.setAside(batch);
        remove(batch);
        notifyAll();
    }

    /** The database failed: later batches go to the spill, and the outbox goes ahead of them. */
    synchronized void databaseFailed() throws IOException {
        databaseReachable = false;
        notifyAll();
        moveOutboxToSpill();
    }

    /**
     * Waits until every batch is in the database, or the database is failing (everything is then
     * on disk), or the deadline passes.
     */
    synchronized void awaitDrained(long deadlineNanos) throws InterruptedException {
        while (databaseReachable && !(outbox.isEmpty() && spill.isEmpty())) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Puts what is still in memory into the spill and closes it; later calls do nothing. */
    synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            moveOutboxToSpill();
        } finally {
            closed = true;
            notifyAll();
            spill.close();
        }
    }

    synchronized boolean spilling() {
        return !databaseReachable || !spill.isEmpty();
    }

    synchronized long spillPending() {
        return spill.pendingRecords();
    }

    synchronized long damaged() {
        return spill.damagedRecords();
    }

    private void remove(LogBatch batch) throws IOException {
        if (outbox.peekFirst() == batch) {
            outbox.removeFirst();
        } else if (!closed) {
            spill.acknowledge(batch);
        }
    }

    private void moveOutboxToSpill() throws IOException {
        if (outbox.isEmpty() || closed) {
            return;
        }
        spill.prepend(List.copyOf(outbox));
        counters.spilled.addAndGet(outbox.stream().mapToLong(LogBatch::count).sum());
        outbox.clear();
    }
}
