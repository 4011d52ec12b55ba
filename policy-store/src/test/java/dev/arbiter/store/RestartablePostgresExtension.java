package dev.arbiter.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RestartablePostgres} for the tests of a class, in a temporary directory, running
 * again after each test whatever the test did to it:
 * {@code @RegisterExtension static final RestartablePostgresExtension postgres = new RestartablePostgresExtension();}
 */
public final class RestartablePostgresExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private Path directory;
    private RestartablePostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("restartable-postgres");
        postgres = RestartablePostgres.start(directory.resolve("data"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        postgres.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public RestartablePostgres get() {
        return postgres;
    }
}
