package dev.arbiter.loadtests.peer;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import dev.arbiter.server.http.HttpTransport;

/**
 * The ceiling of an HTTP decision on this machine: Vert.x with Arbiter's transport settings, one
 * event loop per core, that reads the whole request body and answers a constant decision of the
 * size Arbiter's is. No routing, no authentication, no parsing, no deciding.
 *
 * <p>Usage: {@code CeilingServer <port>}; runs until killed.
 */
public final class CeilingServer extends VerticleBase {

    /** Shaped and sized like Arbiter's answer to DESIGN.md's example check. */
    static final Buffer ANSWER = Buffer.buffer("{\"decisionId\":\"019ab0c1-5b4e-7c1a-9d2e-3f4a5b6c7d8e\",\"allow\":true,"
            + "\"policy\":\"payments-api\",\"rule\":\"checkout-can-charge\",\"revision\":1,"
            + "\"reason\":\"allowed by payments-api/checkout-can-charge\"}");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private final int port;
    private HttpServer server;

    CeilingServer(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx(HttpTransport.vertxOptions());
        vertx.deployVerticle(() -> new CeilingServer(port),
                new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())).await();
        System.out.println("ceiling server on 127.0.0.1:" + port + ", native transport: "
                + vertx.isNativeTransportEnabled());
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer(HttpTransport.serverOptions()).requestHandler(this::answer);
        return server.listen(port, "127.0.0.1");
    }

    private void answer(HttpServerRequest request) {
        request.body().onSuccess(body -> request.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(ANSWER));
    }
}
