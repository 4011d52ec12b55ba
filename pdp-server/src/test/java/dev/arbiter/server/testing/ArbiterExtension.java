package dev.arbiter.server.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} for all tests of a class:
 * {@code @RegisterExtension static final ArbiterExtension arbiter = new ArbiterExtension();}
 */
public final class ArbiterExtension implements BeforeAllCallback, AfterAllCallback {

    private TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public TestServer server() {
        return server;
    }

    public ApiClient admin() {
        return server.admin();
    }

    public ApiClient client(String token) {
        return server.client(token);
    }

    /** A client holding a new key with the given roles. */
    public ApiClient clientWithRoles(String keyName, String... roles) {
        return server.client(server.createKey(keyName, roles));
    }
}
