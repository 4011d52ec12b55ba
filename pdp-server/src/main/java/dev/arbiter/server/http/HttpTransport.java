package dev.arbiter.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
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

    public static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                .setHandle100ContinueAutomatically(true)
                .setIdleTimeout(120);
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
