package dev.arbiter.server.authzen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.model.PolicyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The public AuthZEN material beside the repository, and an Arbiter loaded with one of the repository's examples. */
final class Interop {

    /** {@code ../shared/authzen} of the repository, seen from the module directory the tests run in. */
    static final Path SHARED = Path.of("../../shared/authzen");
    static final Path EXAMPLES = Path.of("../examples");

    private Interop() {}

    static JsonNode json(Path file) {
        try {
            return PolicyJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file.toAbsolutePath(), e);
        }
    }

    /** Applies {@code examples/<example>/policies.json} and {@code directory.json}; answers a client with role check. */
    static ApiClient load(TestServer server, String example) {
        ApiClient admin = server.admin();
        try {
            ApiClient.Response policies = admin.post("/v1/policies/_apply",
                    Files.readString(EXAMPLES.resolve(example).resolve("policies.json")));
            assertEquals(200, policies.status(), policies.body());
            ApiClient.Response directory = admin.post("/v1/entities/_apply",
                    Files.readString(EXAMPLES.resolve(example).resolve("directory.json")));
            assertEquals(200, directory.status(), directory.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server.client(server.createKey("pep-" + example, "check"));
    }
}
