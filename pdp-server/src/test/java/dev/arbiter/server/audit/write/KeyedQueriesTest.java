package dev.arbiter.server.audit.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.audit.AuditMask;
import dev.arbiter.server.audit.DecisionRecord;
import dev.arbiter.server.audit.KeyOrder;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.audit.query.Cursor;
import dev.arbiter.server.audit.query.DecisionFilter;
import dev.arbiter.server.audit.query.DecisionQueries;
import dev.arbiter.server.audit.query.StatsQuery;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.store.TestDatabases;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filtered queries find records through the filter keys of their batches: exactly the records a
 * filter matches, newest first, across pages, even when the batches of two writers overlap in
 * time; and the keys the writer stores are those the database derives for older writers.
 */
class KeyedQueriesTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final int RECORDS = 1_500;

    private static DataSource dataSource;
    private static DecisionQueries queries;
    /** Every record written, newest first. */
    private static List<DecisionRecord> written;

    private record Case(String name, DecisionFilter filter, Predicate<DecisionRecord> matches) {}

    @BeforeAll
    static void twoWritersWithOverlappingBatches() throws SQLException {
        dataSource = TestDatabases.fresh();
        queries = new DecisionQueries(dataSource);
        Random random = new Random(42);
        List<List<DecisionRecord>> writers = List.of(new ArrayList<>(), new ArrayList<>());
        written = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            DecisionRecord record = record(random, i);
            writers.get(i % 2).add(record);
            written.add(record);
        }
        written.sort(Comparator.comparingLong(DecisionRecord::decidedAtMicros)
                .thenComparing(DecisionRecord::decisionId, KeyOrder::uuids).reversed());
        List<List<LogBatch>> batches = new ArrayList<>();
        long seq = 0;
        for (List<DecisionRecord> writer : writers) {
            writer.sort(Comparator.comparingLong(DecisionRecord::decidedAtMicros));
            List<LogBatch> ofWriter = new ArrayList<>();
            BatchAssembler assembler = new BatchAssembler(AuditMask.NONE);
            int size = 1 + random.nextInt(150);
            for (DecisionRecord record : writer) {
                assembler.add(record);
                if (--size == 0) {
                    ofWriter.add(assembler.build(++seq));
                    size = 1 + random.nextInt(150);
                }
            }
            if (!assembler.isEmpty()) {
                ofWriter.add(assembler.build(++seq));
            }
            batches.add(ofWriter);
        }
        BatchStore store = new BatchStore(dataSource);
        for (int i = 0; i < Math.max(batches.get(0).size(), batches.get(1).size()); i++) {
            for (List<LogBatch> ofWriter : batches) {
                if (i < ofWriter.size()) {
                    store.write(ofWriter.get(i));
                }
            }
        }
    }

    /** Varied records over 20 seconds: a rare principal, 20 common ones, 10 % denies, some traced. */
    private static DecisionRecord record(Random random, int i) {
        long micros = Micros.of(START) + random.nextInt(20_000_000);
        String principal = i % 500 == 7 ? "rare" : "p" + random.nextInt(20);
        String service = "s" + random.nextInt(3);
        boolean allow = random.nextInt(10) != 0;
        boolean byDefault = !allow && random.nextBoolean();
        String policy = byDefault ? null : "pol" + random.nextInt(4);
        String rule = byDefault ? null : "rule" + random.nextInt(3);
        CheckRequest request = new CheckRequest(new Principal(principal, List.of("service"), Map.of()),
                service + ":act" + random.nextInt(4), new Resource(service, "kind", "r" + random.nextInt(200), Map.of()),
                Map.of(), 0);
        return new DecisionRecord(Records.idAt(micros), micros, request,
                new Decision(allow, policy, rule, 1, allow ? "allowed" : "denied"), "c" + random.nextInt(2),
                random.nextInt(1_000), "check", random.nextInt(10) < 3 ? "trace" + i : null);
    }

    private static DecisionFilter filter(String principal, String service, String action, Boolean allow,
            String policy, String rule, String resource, String traceId) {
        return new DecisionFilter(null, null, principal, service, action, allow, policy, rule, null, resource, null,
                null, traceId);
    }

    private static List<Case> cases() {
        Instant from = START.plusSeconds(5);
        Instant to = START.plusSeconds(9);
        return List.of(
                new Case("a rare principal", filter("rare", null, null, null, null, null, null, null),
                        r -> r.request().principal().id().equals("rare")),
                new Case("a common principal", filter("p3", null, null, null, null, null, null, null),
                        r -> r.request().principal().id().equals("p3")),
                new Case("a service and an action", filter(null, "s1", "s1:act2", null, null, null, null, null),
                        r -> r.request().action().equals("s1:act2")),
                new Case("denies", filter(null, null, null, false, null, null, null, null), r -> !r.decision().allow()),
                new Case("a principal's denies", filter("p3", null, null, false, null, null, null, null),
                        r -> r.request().principal().id().equals("p3") && !r.decision().allow()),
                new Case("a service's denies by a rule",
                        filter(null, "s2", null, false, "pol0", "rule1", null, null),
                        r -> r.request().resource().service().equals("s2") && !r.decision().allow()
                                && "pol0".equals(r.decision().policy()) && "rule1".equals(r.decision().rule())),
                new Case("allowed decisions of a service", filter(null, "s0", null, true, null, null, null, null),
                        r -> r.request().resource().service().equals("s0") && r.decision().allow()),
                new Case("a policy's rule", filter(null, null, null, null, "pol1", "rule2", null, null),
                        r -> "pol1".equals(r.decision().policy()) && "rule2".equals(r.decision().rule())),
                new Case("a resource", filter(null, null, null, null, null, null, "r17", null),
                        r -> r.request().resource().id().equals("r17")),
                new Case("a trace", filter(null, null, null, null, null, null, null, "trace301"),
                        r -> "trace301".equals(r.traceId())),
                new Case("nothing matches", filter("p3", "s1", null, null, null, null, "r-none", null), r -> false),
                new Case("a principal within a time range",
                        filter("p5", null, null, null, null, null, null, null).between(from, to),
                        r -> r.request().principal().id().equals("p5")
                                && r.decidedAtMicros() >= Micros.of(from) && r.decidedAtMicros() < Micros.of(to)));
    }

    private static List<UUID> expected(Predicate<DecisionRecord> matches) {
        return written.stream().filter(matches).map(DecisionRecord::decisionId).toList();
    }

    @Test
    void pagesHoldExactlyTheMatchingRecordsNewestFirst() {
        for (Case test : cases()) {
            List<UUID> paged = new ArrayList<>();
            Cursor cursor = null;
            do {
                DecisionQueries.Page page = queries.page(test.filter(), cursor, 7);
                page.decisions().forEach(record -> paged.add(record.decisionId()));
                cursor = page.next();
            } while (cursor != null);
            assertEquals(expected(test.matches()), paged, test.name());
        }
        assertTrue(expected(cases().get(0).matches()).size() >= 3, "the rare principal has records");
    }

    @Test
    void exportsAndLimitsKeepTheOrder() throws IOException {
        for (Case test : cases()) {
            List<UUID> exported = new ArrayList<>();
            queries.export(test.filter(), null, 0, record -> exported.add(record.decisionId()));
            assertEquals(expected(test.matches()), exported, test.name());
            List<UUID> newest = new ArrayList<>();
            queries.export(test.filter(), null, 5, record -> newest.add(record.decisionId()));
            List<UUID> all = expected(test.matches());
            assertEquals(all.subList(0, Math.min(5, all.size())), newest, test.name() + ", limit 5");
        }
    }

    @Test
    void theNewestOfSomeServicesAreThoseOfAnyOfThem() throws IOException {
        List<UUID> newest = new ArrayList<>();
        queries.newest(DecisionFilter.ALL, Set.of("s0", "s2"), 40, record -> newest.add(record.decisionId()));
        Predicate<DecisionRecord> ofServices = r -> !r.request().resource().service().equals("s1");
        assertEquals(expected(ofServices).subList(0, 40), newest);
    }

    @Test
    void statisticsOfAKeyedFilterCountItsRecords() {
        StatsQuery.Result stats = queries.stats(filter(null, "s2", null, null, null, null, null, null),
                StatsQuery.GroupBy.PRINCIPAL, StatsQuery.Bucket.DAY, 1_000);
        Map<String, long[]> counted = new HashMap<>();
        stats.rows().forEach(row -> counted.put(row.key(), new long[] {row.allow(), row.deny()}));
        Map<String, long[]> expected = new HashMap<>();
        written.stream().filter(r -> r.request().resource().service().equals("s2")).forEach(r -> expected
                .computeIfAbsent(r.request().principal().id(), key -> new long[2])[r.decision().allow() ? 0 : 1]++);
        assertEquals(expected.keySet(), counted.keySet());
        expected.forEach((principal, counts) -> assertEquals(List.of(counts[0], counts[1]),
                List.of(counted.get(principal)[0], counted.get(principal)[1]), principal));
    }

    @Test
    void theWritersKeysAreThoseTheDatabaseDerives() throws SQLException {
        assertEquals(0, count("SELECT count(*) FROM decision_batches WHERE"
                + " (SELECT array_agg(key ORDER BY key) FROM unnest(filter_keys) AS key)"
                + " IS DISTINCT FROM decision_filter_keys(batch_id, first_at, last_at)"));
        assertTrue(count("SELECT count(*) FROM decision_batches") > 20, "many batches were written");
        assertTrue(count("SELECT count(*) FROM decision_batches WHERE 'deny' = ANY(filter_keys)") > 0);
    }

    @Test
    void aBatchWrittenWithoutKeysGetsThemFromTheDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE TEMP TABLE kept ON COMMIT DROP AS SELECT * FROM decision_batches"
                    + " WHERE seq = (SELECT min(seq) FROM decision_batches)");
            statement.execute("DELETE FROM decision_batches WHERE seq = (SELECT seq FROM kept)");
            statement.execute("INSERT INTO decision_batches (seq, batch_id, first_at, last_at, record_count, digest,"
                    + " prev_hash, hash, written_at, format) SELECT seq, batch_id, first_at, last_at, record_count,"
                    + " digest, prev_hash, hash, written_at, format FROM kept");
            try (ResultSet same = statement.executeQuery("SELECT (SELECT array_agg(k ORDER BY k) FROM"
                    + " unnest(b.filter_keys) k) = (SELECT array_agg(k ORDER BY k) FROM unnest(kept.filter_keys) k),"
                    + " cardinality(b.filter_keys) FROM decision_batches b JOIN kept USING (seq)")) {
                same.next();
                assertTrue(same.getBoolean(1), "the same keys as the writer's");
                assertTrue(same.getInt(2) > 0);
            }
            connection.rollback();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
