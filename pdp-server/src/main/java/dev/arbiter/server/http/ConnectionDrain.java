package dev.arbiter.server.http;

import dev.arbiter.server.service.HealthService;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * While the replica drains, every HTTP/1 answer says {@code Connection: close}: a client's pooled
 * connection then reconnects, through its load balancer, to a replica that stays, instead of
 * sending here until the listener closes under it. HTTP/2 clients get GOAWAY when it does.
 */
final class ConnectionDrain implements Handler<RoutingContext> {

    private final HealthService health;

    ConnectionDrain(HealthService health) {
        this.health = health;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (health.draining() && ctx.request().version() != HttpVersion.HTTP_2) {
            // Vert.x keeps a connection open whatever the answer's header says: close it once answered.
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            ctx.addEndHandler(answered -> ctx.request().connection().close());
        }
        ctx.next();
    }
}
