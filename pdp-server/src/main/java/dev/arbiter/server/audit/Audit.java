package dev.arbiter.server.audit;

import dev.arbiter.server.audit.integrity.ChainVerifier;
import dev.arbiter.server.audit.query.DecisionQueries;
import dev.arbiter.server.audit.write.DecisionLog;
import dev.arbiter.server.audit.write.Partitions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The decision log as the server runs it: recording, queries, verification, exports, and the
 * hourly partition maintenance. Vert.x-free; the HTTP layer uses it.
 */
public final class Audit implements AutoCloseable {

    /** Exports running at once; each holds a thread and a database connection while it streams. */
    public static final int CONCURRENT_EXPORTS = 2;
    static final Duration MAINTENANCE_INTERVAL = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(Audit.class.getName());

    private final AuditConfig config;
    private final DecisionLog log;
    private final DecisionQueries queries;
    private final ChainVerifier verifier;
    private final ExecutorService exports;
    private final ScheduledExecutorService maintenance;

    private Audit(AuditConfig config, DecisionLog log, DataSource dataSource) {
        this.config = config;
        this.log = log;
        this.queries = new DecisionQueries(dataSource);
        this.verifier = new ChainVerifier(dataSource);
        this.exports = new ThreadPoolExecutor(CONCURRENT_EXPORTS, CONCURRENT_EXPORTS, 0, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemons("arbiter-audit-export"));
        this.maintenance = Executors.newSingleThreadScheduledExecutor(daemons("arbiter-audit-partitions"));
    }

    /**
     * Maintains the partitions once, then starts recording; the spill lives in
     * {@code <dataDir>/decision-spill}.
     */
    public static Audit start(AuditConfig config, DataSource dataSource, Path dataDir) throws IOException {
        Partitions partitions = new Partitions(dataSource, Clock.systemUTC(), config.retentionDays());
        maintain(partitions);
        Audit audit = new Audit(config, DecisionLog.start(config, dataSource, dataDir.resolve("decision-spill")),
                dataSource);
        audit.maintenance.scheduleWithFixedDelay(() -> maintain(partitions), MAINTENANCE_INTERVAL.toMinutes(),
                MAINTENANCE_INTERVAL.toMinutes(), TimeUnit.MINUTES);
        if (!config.mask().paths().isEmpty()) {
            LOG.info("the decision log masks " + String.join(", ", config.mask().paths()));
        }
        return audit;
    }

    private static void maintain(Partitions partitions) {
        try {
            Partitions.Result result = partitions.maintain();
            if (!result.created().isEmpty() || !result.dropped().isEmpty()) {
                LOG.info("decision log partitions: created " + result.created() + ", dropped " + result.dropped()
                        + " with " + result.prunedBatches() + " batches of the chain");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "decision log partition maintenance failed; retrying in "
                    + MAINTENANCE_INTERVAL.toMinutes() + " minutes", e);
        }
    }

    private static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public AuditConfig config() {
        return config;
    }

    public DecisionLog log() {
        return log;
    }

    public DecisionQueries queries() {
        return queries;
    }

    public ChainVerifier verifier() {
        return verifier;
    }

    /** Where exports run; it refuses work beyond {@link #CONCURRENT_EXPORTS}. */
    public ExecutorService exports() {
        return exports;
    }

    /** Flushes the log (see {@link DecisionLog#close()}); exports in flight are cut off. */
    @Override
    public void close() {
        maintenance.shutdownNow();
        exports.shutdownNow();
        log.close();
    }
}
