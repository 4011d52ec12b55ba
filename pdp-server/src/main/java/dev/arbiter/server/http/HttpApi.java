package dev.arbiter.server.http;

import dev.arbiter.server.auth.KeyRegistry;
import dev.arbiter.server.auth.Role;
import dev.arbiter.server.service.DecisionLogService;
import dev.arbiter.server.service.DecisionService;
import dev.arbiter.server.service.DirectoryService;
import dev.arbiter.server.service.HealthService;
import dev.arbiter.server.service.ImpactService;
import dev.arbiter.server.service.KeyService;
import dev.arbiter.server.service.PolicyService;
import dev.arbiter.server.service.SearchService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP API of DESIGN.md: every path, the roles it needs, and JSON errors for everything else.
 * Handlers are shared by every event loop; each builds its own router from them.
 */
public final class HttpApi {

    /** Largest request body accepted (a full batch of checks or a large policy set fits). */
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** Largest directory apply accepted: a hundred thousand entries with a few attributes each fit. */
    public static final long MAX_DIRECTORY_BODY_BYTES = 64L * 1024 * 1024;
    private static final String DIRECTORY_APPLY = "/v1/entities/_apply";

    private static final Role[] CHECK = {Role.CHECK};
    private static final Role[] POLICY_ADMIN = {Role.POLICY_ADMIN};
    private static final Role[] POLICY_READER = {Role.POLICY_ADMIN, Role.AUDITOR};
    private static final Role[] AUDITOR = {Role.AUDITOR};
    private static final Role[] ADMIN = {Role.ADMIN};

    private final HealthHandler health;
    private final ConnectionDrain drain;
    private final MetricsHandler metrics;
    private final OpenApiHandler openApi = new OpenApiHandler();
    private final Authenticator authenticator;
    private final CheckHandler checks;
    private final PolicyHandler policies;
    private final HistoryHandler history;
    private final ValidateHandler validation;
    private final ApplyHandler bundles;
    private final ImpactHandler impact;
    private final DecisionLogHandler decisionLog;
    private final KeyHandler keys;
    private final EntityHandler entities;
    private final AuthzenHandler authzen;
    private final ExtAuthzHandler extAuthz;
    private final Authenticator extAuthzHttpAuthenticator;

    public HttpApi(HealthService health, KeyRegistry registry, DecisionService decisions, PolicyService policies,
            ImpactService impact, DecisionLogService decisionLog, KeyService keys, DirectoryService directory,
            SearchService search, Optional<String> publicUrl, Supplier<String> metrics) {
        this.health = new HealthHandler(health);
        this.drain = new ConnectionDrain(health);
        this.metrics = new MetricsHandler(metrics);
        this.authenticator = new Authenticator(registry);
        this.checks = new CheckHandler(decisions);
        this.policies = new PolicyHandler(policies);
        this.history = new HistoryHandler(policies);
        this.validation = new ValidateHandler(policies);
        this.bundles = new ApplyHandler(policies);
        this.impact = new ImpactHandler(impact);
        this.decisionLog = new DecisionLogHandler(decisionLog);
        this.keys = new KeyHandler(keys);
        this.entities = new EntityHandler(directory);
        this.authzen = new AuthzenHandler(decisions, search, publicUrl);
        this.extAuthz = new ExtAuthzHandler(decisions);
        this.extAuthzHttpAuthenticator = Authenticator.tokenIn(registry, ExtAuthzHandler.TOKEN_HEADER);
    }

    /**
     * Envoy's external authorization: the gRPC service, its failures answered as gRPC statuses, and
     * the HTTP mode, where every method and path under the prefix is a request to decide on.
     */
    private void extAuthz(Router router, Routes routes) {
        // The key is checked before the body is buffered; failures of both routes meet the first's handler.
        router.post(ExtAuthzHandler.GRPC_PATH).handler(extAuthz::requireGrpc).handler(authenticator)
                .handler(Authenticator.requireAny(CHECK)).failureHandler(extAuthz::grpcFailure);
        router.post(ExtAuthzHandler.GRPC_PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .handler(extAuthz::grpc);
        routes.allow(HttpMethod.POST, ExtAuthzHandler.GRPC_PATH);
        router.route(ExtAuthzHandler.HTTP_PREFIX + "/*").handler(extAuthzHttpAuthenticator)
                .handler(Authenticator.requireAny(CHECK)).handler(extAuthz::http);
    }

    /** AuthZEN 1.0: a PDP per service at /authzen/{service}, for callers with role check; its metadata public. */
    private void authzen(Router router, Routes routes) {
        router.route("/.well-known/authzen-configuration/:service").handler(authzen::prepare);
        router.get("/.well-known/authzen-configuration/:service").handler(authzen::metadata);
        routes.allow(HttpMethod.GET, "/.well-known/authzen-configuration/:service");
        router.route("/authzen/*").handler(authzen::prepare).handler(authenticator);
        router.route("/authzen/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        String pdp = "/authzen/:service/access/v1";
        routes.add(HttpMethod.POST, pdp + "/evaluation", CHECK, authzen::evaluation);
        routes.add(HttpMethod.POST, pdp + "/evaluations", CHECK, authzen::evaluations);
        routes.add(HttpMethod.POST, pdp + "/search/subject", CHECK, authzen::searchSubjects);
        routes.add(HttpMethod.POST, pdp + "/search/resource", CHECK, authzen::searchResources);
        routes.add(HttpMethod.POST, pdp + "/search/action", CHECK, authzen::searchActions);
    }

    /** The routes, in the order they are tried. */
    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        Routes routes = new Routes(router);
        router.route().handler(new RequestGuard()).handler(drain);
        router.get("/health/live").handler(health::live);
        router.get("/health/ready").handler(health::ready);
        router.get("/metrics").handler(metrics::scrape);
        router.get("/openapi.json").handler(openApi::serve);
        routes.allow(HttpMethod.GET, "/health/live", "/health/ready", "/metrics", "/openapi.json");
        ConsoleAssets.register(router, routes);

        // The token is checked before a body of up to MAX_BODY_BYTES is buffered.
        router.route("/v1/*").handler(authenticator);
        router.post(DIRECTORY_APPLY).handler(BodyHandler.create(false).setBodyLimit(MAX_DIRECTORY_BODY_BYTES));
        router.routeWithRegex("/v1/(?!entities/_apply$).*")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));

        routes.add(HttpMethod.POST, "/v1/check", CHECK, checks::check);
        routes.add(HttpMethod.POST, "/v1/check/batch", CHECK, checks::batch);

        // Paths under /v1/policies/_ come first: ids never start with '_', so none of them is a policy.
        routes.add(HttpMethod.POST, "/v1/policies/_validate", POLICY_READER, validation::validate);
        routes.add(HttpMethod.POST, "/v1/policies/_apply", POLICY_ADMIN, bundles::apply);
        routes.add(HttpMethod.POST, "/v1/policies/_impact", POLICY_ADMIN, impact::impact);
        router.route().pathRegex("/v1/policies/_.*").handler(routes::noSuchRoute);

        routes.add(HttpMethod.GET, "/v1/policies", POLICY_READER, policies::list);
        routes.add(HttpMethod.GET, "/v1/policies/:id", POLICY_READER, policies::get);
        routes.add(HttpMethod.PUT, "/v1/policies/:id", POLICY_ADMIN, policies::put);
        routes.add(HttpMethod.DELETE, "/v1/policies/:id", POLICY_ADMIN, policies::delete);
        routes.add(HttpMethod.GET, "/v1/policies/:id/versions", POLICY_READER, history::versions);
        routes.add(HttpMethod.GET, "/v1/policies/:id/versions/:version", POLICY_READER, history::version);
        routes.add(HttpMethod.POST, "/v1/policies/:id/rollback", POLICY_ADMIN, history::rollback);

        // The fixed paths first: "stats" and "verify" are not decision ids.
        routes.add(HttpMethod.GET, "/v1/decisions", AUDITOR, decisionLog::list);
        routes.add(HttpMethod.GET, "/v1/decisions/stats", AUDITOR, decisionLog::stats);
        routes.add(HttpMethod.GET, "/v1/decisions/verify", AUDITOR, decisionLog::verify);
        routes.add(HttpMethod.GET, "/v1/decisions/:decisionId", AUDITOR, decisionLog::get);

        routes.add(HttpMethod.POST, DIRECTORY_APPLY, POLICY_ADMIN, entities::apply);
        routes.add(HttpMethod.GET, "/v1/entities/principals", POLICY_READER, entities::principals);
        routes.add(HttpMethod.GET, "/v1/entities/principals/:id", POLICY_READER, entities::principal);
        routes.add(HttpMethod.DELETE, "/v1/entities/principals/:id", POLICY_ADMIN, entities::deletePrincipal);
        routes.add(HttpMethod.GET, "/v1/entities/resources", POLICY_READER, entities::resources);
        routes.add(HttpMethod.GET, "/v1/entities/resources/:service/:kind/:id", POLICY_READER, entities::resource);
        routes.add(HttpMethod.DELETE, "/v1/entities/resources/:service/:kind/:id", POLICY_ADMIN,
                entities::deleteResource);

        routes.add(HttpMethod.POST, "/v1/keys", ADMIN, keys::create);
        routes.add(HttpMethod.GET, "/v1/keys", ADMIN, keys::list);
        routes.add(HttpMethod.DELETE, "/v1/keys/:name", ADMIN, keys::delete);

        authzen(router, routes);
        extAuthz(router, routes);

        ErrorHandler errors = new ErrorHandler(routes);
        router.route().failureHandler(errors);
        router.errorHandler(400, errors);
        router.errorHandler(404, errors);
        router.errorHandler(405, errors);
        return router;
    }
}
