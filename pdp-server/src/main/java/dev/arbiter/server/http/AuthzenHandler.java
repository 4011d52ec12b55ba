package dev.arbiter.server.http;

import dev.arbiter.server.authzen.AuthzenChecks;
import dev.arbiter.server.authzen.AuthzenJson;
import dev.arbiter.server.authzen.AuthzenReader;
import dev.arbiter.server.authzen.AuthzenRequest;
import dev.arbiter.server.authzen.Evaluations;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.service.DecisionCall;
import dev.arbiter.server.service.DecisionService;
import dev.arbiter.server.service.FrontDoor;
import dev.arbiter.server.service.SearchQuery;
import dev.arbiter.server.service.SearchService;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The AuthZEN 1.0 front door: every Arbiter service is a PDP at {@code /authzen/{service}}. It
 * translates AuthZEN's JSON to the decision service's requests and back, and nothing more.
 */
final class AuthzenHandler {

    static final int DEFAULT_SEARCH_LIMIT = 100;
    static final int MAX_SEARCH_LIMIT = 1_000;
    private static final String REQUEST_ID = "X-Request-ID";

    private final DecisionService decisions;
    private final Evaluations evaluations;
    private final SearchService search;
    private final Optional<String> publicUrl;

    AuthzenHandler(DecisionService decisions, SearchService search, Optional<String> publicUrl) {
        this.decisions = decisions;
        this.evaluations = new Evaluations(decisions);
        this.search = search;
        this.publicUrl = publicUrl;
    }

    /** Echoes {@code X-Request-ID} on every answer, errors too, and refuses bodies that are not JSON. */
    void prepare(RoutingContext ctx) {
        String requestId = ctx.request().getHeader(REQUEST_ID);
        if (requestId != null) {
            ctx.response().putHeader(REQUEST_ID, requestId);
        }
        if (ctx.request().method().name().equals("POST") && !isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            ctx.fail(ApiException.badRequest("Content-Type must be application/json"));
            return;
        }
        ctx.next();
    }

    void evaluation(RoutingContext ctx) {
        AuthzenRequest request = AuthzenReader.read(Bodies.bytes(ctx));
        decisions.decide(call(ctx, request), AuthzenChecks.evaluation(service(ctx), request.defaults()))
                .onSuccess(outcome -> Responses.json(ctx, 200, AuthzenJson.decision(outcome, request.explain())))
                .onFailure(ctx::fail);
    }

    void evaluations(RoutingContext ctx) {
        AuthzenRequest request = AuthzenReader.read(Bodies.bytes(ctx));
        if (request.evaluations() == null || request.evaluations().isEmpty()) {
            evaluation(ctx);
            return;
        }
        evaluations.run(call(ctx, request), service(ctx), request)
                .onSuccess(answers -> Responses.json(ctx, 200, AuthzenJson.evaluations(answers, request.explain())))
                .onFailure(ctx::fail);
    }

    void searchSubjects(RoutingContext ctx) {
        search(ctx, SearchQuery.Target.SUBJECT);
    }

    void searchResources(RoutingContext ctx) {
        search(ctx, SearchQuery.Target.RESOURCE);
    }

    void searchActions(RoutingContext ctx) {
        search(ctx, SearchQuery.Target.ACTION);
    }

    void metadata(RoutingContext ctx) {
        String base = publicUrl.orElseGet(() -> (ctx.request().isSSL() ? "https://" : "http://")
                + ctx.request().authority());
        Responses.json(ctx, 200, AuthzenJson.metadata(base + "/authzen/" + service(ctx)));
    }

    private void search(RoutingContext ctx, SearchQuery.Target target) {
        AuthzenRequest request = AuthzenReader.read(Bodies.bytes(ctx));
        Integer asked = request.page().limit();
        int limit = asked == null || asked == 0 ? DEFAULT_SEARCH_LIMIT : Math.min(asked, MAX_SEARCH_LIMIT);
        SearchQuery query = AuthzenChecks.search(target, service(ctx), request, limit);
        boolean paged = request.page().token() != null || asked != null;
        search.search(query)
                .onSuccess(found -> Responses.json(ctx, 200, AuthzenJson.search(found, paged,
                        target == SearchQuery.Target.ACTION)))
                .onFailure(ctx::fail);
    }

    private static DecisionCall call(RoutingContext ctx, AuthzenRequest request) {
        return new DecisionCall(Authenticator.caller(ctx).name(), FrontDoor.AUTHZEN, Traces.of(ctx),
                request.explain(), System.nanoTime());
    }

    private static String service(RoutingContext ctx) {
        return ctx.pathParam("service");
    }

    private static boolean isJson(String contentType) {
        String json = "application/json";
        if (contentType == null || !contentType.regionMatches(true, 0, json, 0, json.length())) {
            return false;
        }
        String rest = contentType.substring(json.length()).strip();
        return rest.isEmpty() || rest.startsWith(";");
    }
}
