package dev.arbiter.loadtests.gatling;

import dev.arbiter.client.ArbiterAdmin;
import dev.arbiter.client.KeyRole;
import dev.arbiter.client.testing.DesignExample;
import dev.arbiter.loadtests.BenchmarkServer;

/**
 * The Arbiter a simulation loads: the one at {@code -Darbiter.url} (with {@code -Darbiter.adminToken}),
 * or else one started in the simulation's JVM and stopped after it. Either way it is given
 * DESIGN.md's example policy and a fresh key with role {@code check}, whose token the checks carry.
 */
final class LoadTarget implements AutoCloseable {

    private final BenchmarkServer server;
    private final String checkToken;

    private LoadTarget(BenchmarkServer server, String checkToken) {
        this.server = server;
        this.checkToken = checkToken;
    }

    static LoadTarget open() {
        BenchmarkServer server = BenchmarkServer.start();
        try {
            ArbiterAdmin admin = ArbiterAdmin.builder().endpoint(server.url()).token(server.adminToken()).build();
            admin.policies().put(DesignExample.policy());
            String token = admin.keys().create("gatling-" + System.currentTimeMillis(), KeyRole.CHECK).token();
            return new LoadTarget(server, token);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    String url() {
        return server.url();
    }

    String adminToken() {
        return server.adminToken();
    }

    String checkToken() {
        return checkToken;
    }

    @Override
    public void close() {
        server.close();
    }
}
