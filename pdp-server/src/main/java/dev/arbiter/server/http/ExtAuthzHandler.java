package dev.arbiter.server.http;

import dev.arbiter.envoy.service.auth.v3.CheckRequest;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.extauthz.EnvoyAttributes;
import dev.arbiter.server.extauthz.ExtAuthzAnswers;
import dev.arbiter.server.extauthz.ExtAuthzChecks;
import dev.arbiter.server.extauthz.HttpCall;
import dev.arbiter.server.service.DecisionCall;
import dev.arbiter.server.service.DecisionOutcome;
import dev.arbiter.server.service.DecisionService;
import dev.arbiter.server.service.FrontDoor;
import dev.arbiter.server.service.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Envoy's external authorization, both ways Envoy asks: the gRPC service
 * {@code envoy.service.auth.v3.Authorization/Check}, and the HTTP mode, where the request under
 * {@value #HTTP_PREFIX} is the client's own (its method, path and headers). Either is translated
 * to one check; whatever cannot be read is refused, never allowed.
 */
final class ExtAuthzHandler {

    static final String GRPC_PATH = "/envoy.service.auth.v3.Authorization/Check";
    static final String HTTP_PREFIX = "/ext-authz";
    /** Where Envoy's http_service sends Arbiter's key; Authorization is the client's own header. */
    static final String TOKEN_HEADER = "x-arbiter-token";
    private static final String TRACEPARENT = "traceparent";
    private static final String GRPC_TIMEOUT = "grpc-timeout";

    private final DecisionService decisions;

    ExtAuthzHandler(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** Lets gRPC calls on; anything else is not Envoy's gRPC client and gets the JSON error of HTTP. */
    void requireGrpc(RoutingContext ctx) {
        if (!GrpcUnary.isGrpc(ctx.request())) {
            ctx.fail(ApiException.badRequest("this is a gRPC service: send HTTP/2 with Content-Type "
                    + GrpcUnary.CONTENT_TYPE));
            return;
        }
        ctx.next();
    }

    void grpc(RoutingContext ctx) {
        long received = System.nanoTime();
        long timeoutMillis = GrpcUnary.timeoutMillis(ctx.request().getHeader(GRPC_TIMEOUT));
        HttpCall call = EnvoyAttributes.read(GrpcUnary.message(ctx.body().buffer(), CheckRequest.parser()));
        Future<DecisionOutcome> decided = decisions.decide(call(ctx, call, received), ExtAuthzChecks.check(call));
        GrpcUnary.within(ctx.vertx(), timeoutMillis, decided)
                .onSuccess(outcome -> GrpcUnary.reply(ctx.response(), ExtAuthzAnswers.grpc(outcome)))
                .onFailure(ctx::fail);
    }

    /** Every failure of the gRPC route as a gRPC status; a request that is no gRPC call gets JSON. */
    void grpcFailure(RoutingContext ctx) {
        if (!GrpcUnary.isGrpc(ctx.request()) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        if (ctx.failure() instanceof GrpcUnary.DeadlineExceeded late) {
            GrpcUnary.fail(ctx.response(), GrpcStatus.DEADLINE_EXCEEDED, late.getMessage());
            return;
        }
        ApiException error = ErrorHandler.translate(ctx.failure(), ctx.statusCode());
        GrpcUnary.fail(ctx.response(), GrpcStatus.ofHttp(error.status()), error.getMessage());
    }

    /** HTTP mode: 200 allows (decision id in a header Envoy can pass upstream), 403 with a JSON body denies. */
    void http(RoutingContext ctx) {
        long received = System.nanoTime();
        HttpCall call = httpCall(ctx.request());
        decisions.decide(call(ctx, call, received), ExtAuthzChecks.check(call)).onSuccess(outcome -> {
            ctx.response().putHeader(ExtAuthzAnswers.DECISION_ID, outcome.decisionId().toString());
            if (outcome.decision().allow()) {
                ctx.response().setStatusCode(200).end();
            } else {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Responses.JSON);
                ctx.response().setStatusCode(403).end(ExtAuthzAnswers.denialBody(outcome));
            }
        }).onFailure(ctx::fail);
    }

    /**
     * The client's request as Envoy's http_service forwards it: the path after the prefix, its
     * headers but Arbiter's key. Nothing here is a verified identity (headers are claims), so the
     * principal is anonymous: decisions on who calls need the gRPC service.
     */
    private static HttpCall httpCall(HttpServerRequest request) {
        if (!request.path().startsWith(HTTP_PREFIX)) {
            throw ApiException.badRequest("the path reaches " + HTTP_PREFIX + " only once normalised: send it as is");
        }
        String path = request.path().substring(HTTP_PREFIX.length());
        String target = (path.startsWith("/") ? path : "/" + path)
                + (request.query() == null ? "" : "?" + request.query());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!key.equals(TOKEN_HEADER)) {
                headers.merge(key, value, (first, next) -> first + "," + next);
            }
        });
        HostAndPort authority = request.authority();
        String host = authority == null ? "" : authority.host() + (authority.port() < 0 ? "" : ":" + authority.port());
        return new HttpCall(request.method().name(), target, host, headers, "", "", "", Map.of(), Map.of());
    }

    /** The trace of the client's request, which Envoy forwards; else the one of Envoy's own call. */
    private static DecisionCall call(RoutingContext ctx, HttpCall call, long received) {
        TraceContext trace = TraceContext.parse(call.headers().get(TRACEPARENT));
        return new DecisionCall(Authenticator.caller(ctx).name(), FrontDoor.EXT_AUTHZ,
                trace != null ? trace : Traces.of(ctx), false, received);
    }
}
