package dev.arbiter.loadtests.decisionlog;

import dev.arbiter.server.ServerConfig;
import dev.arbiter.server.audit.AuditConfig;
import dev.arbiter.server.audit.AuditMask;
import dev.arbiter.server.audit.DecisionRecord;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.audit.write.AuditStatus;
import dev.arbiter.server.audit.write.DecisionLog;
import dev.arbiter.server.audit.write.Partitions;
import dev.arbiter.server.db.Database;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.RequestMap;
import dev.arbiter.server.engine.Resource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The decision log's own cost, without HTTP: {@code records} decisions of realistic variety
 * (10,000 principals, 50 services of 10 actions, 1,000,000 resources, 100 policies of 5 rules, 50
 * callers, 10 % denies) handed to a real {@link DecisionLog} on the server's embedded PostgreSQL 17
 * (configured as a server configures it: fsync on, its connection pool) at
 * {@code rate} a second (a rate the database keeps up with, so that no record takes the spill).
 * Reports the CPU its ingest and writer threads used per record (masking, encoding, hashing, COPY),
 * the CPU PostgreSQL used per record (its postmaster and backends, from /proc), the rate, and the
 * bytes a record takes on disk with its index entries.
 *
 * <p>Usage: {@code WriteBenchmark [records=200000] [rate=5000] ["SQL run before the load" …]}
 */
public final class WriteBenchmark {

    private static final int WARM_UP = 50_000;

    private WriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        List<String> setup = List.of(args).subList(Math.min(2, args.length), args.length);
        Path data = Files.createTempDirectory("arbiter-write-benchmark");
        try (Database database = Database.open(ServerConfig.fromEnvironment(Map.of(
                "ARBITER_DATA_DIR", data.toString())))) {
            DataSource dataSource = database.dataSource();
            new Partitions(dataSource, Clock.systemUTC(), AuditConfig.DEFAULT_RETENTION_DAYS).maintain();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String sql : setup) {
                    statement.execute(sql);
                }
            }
            AuditConfig config = new AuditConfig(false, AuditMask.NONE, AuditConfig.DEFAULT_RETENTION_DAYS,
                    1L << 30, AuditConfig.DEFAULT_QUEUE_CAPACITY, AuditConfig.DEFAULT_QUEUE_WAIT_MS);
            long postmaster = postmasterPid(dataSource);
            try (DecisionLog log = DecisionLog.start(config, dataSource, data.resolve("decision-spill"))) {
                feed(log, 0, WARM_UP, rate);
                awaitWritten(log, WARM_UP);
                long logCpu = LogThreads.cpuNanos();
                long databaseTicks = ProcessCpu.ticks(postmaster);
                long start = System.nanoTime();
                feed(log, WARM_UP, WARM_UP + records, rate);
                awaitWritten(log, WARM_UP + records);
                double seconds = (System.nanoTime() - start) / 1e9;
                double logMicros = (LogThreads.cpuNanos() - logCpu) / 1e3 / records;
                double databaseMicros = ProcessCpu.micros(ProcessCpu.ticks(postmaster) - databaseTicks) / records;
                AuditStatus status = log.status();
                System.out.printf("%,d records in %.1f s (%,.0f/s): decision log threads %.1f µs per record,"
                                + " PostgreSQL %.1f µs per record; spilled %d, lost %d%n", records, seconds,
                        records / seconds, logMicros, databaseMicros, status.spilled(), status.lost());
            }
            System.out.printf("stored: %,d bytes per record (records and batches: tables, TOAST and indexes)%n",
                    storedBytes(dataSource) / (WARM_UP + records));
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long storedBytes(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT (SELECT sum(pg_total_relation_size(relid))"
                        + " FROM pg_partition_tree('decisions')) + pg_total_relation_size('decision_batches')")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long postmasterPid(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return ProcessCpu.parent(result.getLong(1));
        }
    }

    /** Offers records {@code from} (inclusive) to {@code to}, {@code rate} a second. */
    private static void feed(DecisionLog log, int from, int to, int rate) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = from; i < to; i++) {
            long due = start + (i - from) * 1_000_000_000L / rate;
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            DecisionRecord record = record(i);
            while (log.offer(record) == DecisionLog.Handoff.FULL) {
                Thread.sleep(1);
            }
        }
    }

    /** Waits until the log holds nothing unwritten: its queue and its spill are empty and every record is counted. */
    private static void awaitWritten(DecisionLog log, long count) throws InterruptedException {
        long reportAt = System.nanoTime() + 10_000_000_000L;
        while (true) {
            AuditStatus status = log.status();
            if (status.queued() == 0 && status.spillPending() == 0
                    && status.written() + status.lost() + status.rejected() >= count) {
                return;
            }
            if (System.nanoTime() - reportAt > 0) {
                System.out.println("waiting for " + count + " records to be written: " + status);
                reportAt = System.nanoTime() + 10_000_000_000L;
            }
            Thread.sleep(20);
        }
    }

    private static DecisionRecord record(int i) {
        String service = "svc-" + i % 50;
        boolean allow = i % 10 != 0;
        Principal principal = new Principal("spiffe://acme.prod/ns/shop/sa/svc-" + i * 31 % 10_000, List.of("service"),
                attributes("env", "prod"));
        Resource resource = new Resource(service, "kind-" + i % 5, "res-" + i * 104_729L % 1_000_000,
                attributes("amount", (long) (i % 10_000), "env", "prod"));
        CheckRequest request = new CheckRequest(principal, service + ":act-" + i * 17 % 10, resource,
                attributes("sourceIp", "10.1." + i % 256 + "." + i * 7 % 256), 0);
        String policy = "pol-" + i * 13 % 100;
        String rule = "rule-" + i % 5;
        Decision decision = allow ? new Decision(true, policy, rule, 42, "allowed by " + policy + "/" + rule)
                : new Decision(false, null, null, 42, "denied by default: no rule allows " + request.action()
                        + " on service " + service);
        return new DecisionRecord(UUID.randomUUID(), Micros.now(), request, decision, "caller-" + i * 7 % 50,
                10 + i * 48_271 % 1000, "check", null);
    }

    private static RequestMap<Object> attributes(Object... keysAndValues) {
        RequestMap.Builder<Object> members = new RequestMap.Builder<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            members.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return members.build();
    }

    /** CPU time of the decision log's threads (named arbiter-audit-…), from the JVM. */
    private static final class LogThreads {

        static long cpuNanos() {
            var threads = ManagementFactory.getThreadMXBean();
            long total = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith("arbiter-audit")) {
                    total += threads.getThreadCpuTime(thread.getId());
                }
            }
            return total;
        }
    }
}
