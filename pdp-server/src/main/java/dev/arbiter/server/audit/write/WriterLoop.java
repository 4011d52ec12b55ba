package dev.arbiter.server.audit.write;

import java.io.IOException;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The thread that writes the backlog into the database, oldest batch first. When the database
 * fails it tells the backlog (everything then goes to disk) and retries the same batch every
 * {@link DecisionLog#RETRY_INTERVAL} until the database takes it again.
 */
final class WriterLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(WriterLoop.class.getName());
    private static final long IDLE_WAIT_MILLIS = 500;

    private final Backlog backlog;
    private final BatchStore store;
    private final AuditCounters counters;
    private volatile boolean stopped;
    private boolean failing;

    WriterLoop(Backlog backlog, BatchStore store, AuditCounters counters) {
        this.backlog = backlog;
        this.store = store;
        this.counters = counters;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                LogBatch batch = backlog.next(IDLE_WAIT_MILLIS);
                if (batch != null) {
                    write(batch);
                } else if (failing) {
                    probe();
                }
            } catch (InterruptedException e) {
                // stopping is signalled by the flag
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "the decision log's spill failed; retrying", e);
                pause();
            }
        }
    }

    private void write(LogBatch batch) throws IOException {
        try {
            store.write(batch);
            // Counted before the backlog hears of it: a closing log reads the count once the backlog is empty.
            counters.written.addAndGet(batch.count());
            backlog.written(batch);
            recovered();
        } catch (SQLException e) {
            if (BatchStore.refusesContent(e)) {
                backlog.setAside(batch);
                counters.rejected.addAndGet(batch.count());
                LOG.log(Level.SEVERE, "the database refused a batch of " + batch.count() + " decision records ("
                        + e.getMessage() + "); it is kept in the spill's rejected folder as " + batch.batchId(), e);
                return;
            }
            failed(e);
        }
    }

    /** With nothing to write while the database fails, asks it whether it is back, so held batches can move. */
    private void probe() throws IOException {
        try {
            store.ping();
            backlog.databaseBack();
            recovered();
        } catch (SQLException e) {
            failed(e);
        }
    }

    private void failed(SQLException failure) throws IOException {
        if (!failing) {
            failing = true;
            LOG.warning("the database does not take decision records (" + failure.getMessage()
                    + "); spilling them to disk and retrying every " + DecisionLog.RETRY_INTERVAL.toSeconds() + " s");
        }
        backlog.databaseFailed();
        pause();
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("the database takes decision records again; replaying the spill");
        }
    }

    private void pause() {
        if (stopped) {
            return;
        }
        try {
            Thread.sleep(DecisionLog.RETRY_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            // stopping is signalled by the flag
        }
    }
}
