package dev.arbiter.store.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** Brings a database to the schema this build knows, and refuses one that is newer. */
public final class SchemaMigrations {

    private SchemaMigrations() {}

    /**
     * Applies the pending migrations. Flyway holds an advisory lock meanwhile, so replicas starting
     * together migrate once.
     *
     * @throws IllegalStateException when the database carries migrations this build does not know
     */
    public static void migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        List<MigrationInfo> future = Arrays.stream(flyway.info().applied())
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                        || info.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        if (!future.isEmpty()) {
            String versions = future.stream()
                    .map(info -> info.getVersion().getVersion())
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("the database schema is newer than this server knows (it has migrations "
                    + versions + "); run a newer Arbiter against it");
        }
        flyway.migrate();
    }
}
