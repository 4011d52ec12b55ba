package dev.arbiter.server.http;

import dev.arbiter.server.TlsConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One HTTP server on one event loop; the server deploys one per core, all on the same port. */
public final class HttpVerticle extends VerticleBase {

    /** How long a stopping server lets requests in flight finish. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final HttpApi api;
    private final Optional<TlsConfig> tls;
    private final String host;
    private final int port;
    private HttpServer server;
    private Router router;

    public HttpVerticle(HttpApi api, Optional<TlsConfig> tls, String host, int port) {
        this.api = api;
        this.tls = tls;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = HttpTransport.serverOptions();
        tls.ifPresent(settings -> enableTls(options, settings));
        router = api.router(vertx);
        server = vertx.createHttpServer(options).invalidRequestHandler(new InvalidRequestHandler())
                .requestHandler(router);
        return server.listen(port, host);
    }

    private static void enableTls(HttpServerOptions options, TlsConfig tls) {
        // ALPN offers h2 beside http/1.1: gRPC over TLS needs it.
        options.setSsl(true).setUseAlpn(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.certificate().toString())
                .setKeyPath(tls.key().toString()));
        tls.clientCa().ifPresent(ca -> options
                .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()))
                .setClientAuth(ClientAuth.REQUIRED));
    }

    @Override
    public Future<?> stop() {
        return server.shutdown(SHUTDOWN_GRACE);
    }

    /** Every route this server answers, in the order it tries them. */
    public List<Route> routes() {
        return router.getRoutes();
    }

    /** The port actually bound (differs from the configured one when that is 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
