package dev.arbiter.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.store.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
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
}
