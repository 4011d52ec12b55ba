package dev.arbiter.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.store.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    @Test
    void migratingTwiceIsHarmless() {
        DataSource dataSource = TestDatabases.fresh();
        assertDoesNotThrow(() -> SchemaMigrations.migrate(dataSource));
    }

    @Test
    void refusesASchemaNewerThanItKnows() throws Exception {
        DataSource dataSource = TestDatabases.fresh();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL',"
                    + " 'V999__from_the_future.sql', 0, 'test', 0, true)");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SchemaMigrations.migrate(dataSource));
        assertTrue(refused.getMessage().contains("999"), refused.getMessage());
    }

    @Test
    void batchesWrittenBeforeFilterKeysGetThemOnUpgrade() throws Exception {
        DataSource dataSource = TestDatabases.dataSource(TestDatabases.emptyUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("5").load().migrate();
        String record = "INSERT INTO decisions (decision_id, decided_at, principal_id, principal_roles, action,"
                + " resource_service, resource_kind, resource_id, allow, policy_id, rule_name, revision, reason,"
                + " caller, latency_micros, input, batch_id, api) VALUES (gen_random_uuid(), '2026-11-22T10:00:0%dZ',"
                + " '%s', '{}', 'orders:read', 'orders', 'order', 'o-%d', %s, %s, %s, 1, 'r', 'checkout', 5, '{}',"
                + " '00000000-0000-4000-8000-000000000001', 'check')";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(String.format(record, 1, "alice", 1, "true", "'orders-api'", "'readers'"));
            statement.execute(String.format(record, 2, "bob", 2, "false", "NULL", "NULL"));
            statement.execute("INSERT INTO decision_batches (seq, batch_id, first_at, last_at, record_count, digest,"
                    + " prev_hash, hash, format) VALUES (1, '00000000-0000-4000-8000-000000000001',"
                    + " '2026-11-22T10:00:01Z', '2026-11-22T10:00:02Z', 2, decode(repeat('00', 32), 'hex'),"
                    + " decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'), 2)");
        }
        SchemaMigrations.migrate(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet keys = statement.executeQuery("SELECT array_to_string(filter_keys, ' ') FROM decision_batches")) {
            keys.next();
            assertEquals("!a:orders:read !c:checkout !p:bob !r:o-2 !s:orders a:orders:read c:checkout deny"
                    + " o:orders-api p:alice p:bob r:o-1 r:o-2 s:orders u:readers", keys.getString(1));
        }
    }
}
