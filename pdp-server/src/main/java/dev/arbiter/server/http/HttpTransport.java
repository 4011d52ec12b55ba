package dev.arbiter.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServerOptions;

/**
 * How the HTTP servers use the network: Linux's native epoll transport when Netty's native
 * library loads (fewer copies and system calls than the JDK's NIO selector), NIO otherwise,
 * which still works everywhere. {@code -Dio.netty.transport.noNative=true} forces NIO.
 */
public final class HttpTransport {

    private HttpTransport() {}

    public static VertxOptions vertxOptions() {
        return new VertxOptions().setPreferNativeTransport(true);
    }

    /** HTTP/2 streams one connection may have open: Envoy multiplexes its ext_authz calls on few connections. */
    public static final int MAX_CONCURRENT_STREAMS = 1_000;

    /** HTTP/1.1, and HTTP/2 without TLS (h2c, by upgrade or prior knowledge) as Envoy's gRPC clusters speak it. */
    public static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                .setHandle100ContinueAutomatically(true)
                .setIdleTimeout(120)
                .setHttp2ClearTextEnabled(true)
                .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(MAX_CONCURRENT_STREAMS));
    }

    /** For the start-up log: which transport the servers run on, and why not the native one. */
    public static String describe(Vertx vertx) {
        if (vertx.isNativeTransportEnabled()) {
            return "native epoll";
        }
        Throwable cause = vertx.unavailableNativeTransportCause();
        return "JDK NIO" + (cause == null ? "" : " (native transport unavailable: " + cause.getMessage() + ")");
    }
}
