package dev.arbiter.loadtests.replicas;

import dev.arbiter.store.jdbc.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** One PostgreSQL (embedded, in a temporary directory) that several Arbiter servers share. */
final class SharedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String url;

    private SharedDatabase(EmbeddedPostgres postgres, String url) {
        this.postgres = postgres;
        this.url = url;
    }

    static SharedDatabase start() throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE arbiter");
        }
        SharedDatabase database = new SharedDatabase(postgres, postgres.getJdbcUrl("postgres", "arbiter"));
        SchemaMigrations.migrate(database.dataSource());
        return database;
    }

    String url() {
        return url;
    }

    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
