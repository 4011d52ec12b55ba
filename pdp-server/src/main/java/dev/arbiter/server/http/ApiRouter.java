package dev.arbiter.server.http;

import dev.arbiter.server.TlsConfig;
import dev.arbiter.server.auth.Role;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;

/** The HTTP API of DESIGN.md: every path, its role, and JSON errors for everything else. */
public final class ApiRouter {

    /** Largest request body accepted (a full batch of checks or a large policy set fits). */
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    private ApiRouter() {}

    public static Router create(Vertx vertx, Services services) {
        Router router = Router.router(vertx);
        router.route().handler(new RequestGuard());
        HealthHandler health = new HealthHandler(services.readiness(), services.engine(), services.audit().log());
        router.get("/health/live").handler(health::live);
        router.get("/health/ready").handler(health::ready);

        router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.route("/v1/*").handler(new Authenticator(services.keys()));

        CheckHandler checks = new CheckHandler(services.engine(),
                new RevisionGate(vertx, services.engine(), services.sync(), services.blocking()),
                new DecisionRecorder(vertx, services.audit().log()));
        router.post("/v1/check").handler(Authenticator.requireAny(Role.CHECK)).handler(checks::check);
        router.post("/v1/check/batch").handler(Authenticator.requireAny(Role.CHECK)).handler(checks::batch);

        // Paths under /v1/policies/_ come first: ids never start with '_', so none of them is a policy.
        ValidateHandler validation = new ValidateHandler(services.policies(), services.compiler(), services.blocking());
        router.post("/v1/policies/_validate").handler(Authenticator.requireAny(Role.POLICY_ADMIN, Role.AUDITOR))
                .handler(validation::validate);
        ApplyHandler bundles = new ApplyHandler(services.policies(), services.compiler(), services.sync(),
                services.blocking());
        router.post("/v1/policies/_apply").handler(Authenticator.requireAny(Role.POLICY_ADMIN)).handler(bundles::apply);
        ImpactHandler impact = new ImpactHandler(services.engine(), services.compiler(), services.sync(),
                services.audit(), services.blocking());
        router.post("/v1/policies/_impact").handler(Authenticator.requireAny(Role.POLICY_ADMIN))
                .handler(impact::impact);
        Set<String> reserved = Set.of("/v1/policies/_validate", "/v1/policies/_apply", "/v1/policies/_impact");
        router.route().pathRegex("/v1/policies/_.*")
                .handler(ctx -> ctx.fail(reserved.contains(ctx.normalizedPath()) ? 405 : 404));

        PolicyHandler policies = new PolicyHandler(services.policies(), services.compiler(), services.sync(),
                services.blocking());
        router.get("/v1/policies").handler(Authenticator.requireAny(Role.POLICY_ADMIN, Role.AUDITOR))
                .handler(policies::list);
        router.get("/v1/policies/:id").handler(Authenticator.requireAny(Role.POLICY_ADMIN, Role.AUDITOR))
                .handler(policies::get);
        router.put("/v1/policies/:id").handler(Authenticator.requireAny(Role.POLICY_ADMIN)).handler(policies::put);
        router.delete("/v1/policies/:id").handler(Authenticator.requireAny(Role.POLICY_ADMIN))
                .handler(policies::delete);
        HistoryHandler history = new HistoryHandler(services.policies(), services.compiler(), services.sync(),
                services.blocking());
        router.get("/v1/policies/:id/versions").handler(Authenticator.requireAny(Role.POLICY_ADMIN, Role.AUDITOR))
                .handler(history::versions);
        router.get("/v1/policies/:id/versions/:version")
                .handler(Authenticator.requireAny(Role.POLICY_ADMIN, Role.AUDITOR)).handler(history::version);
        router.post("/v1/policies/:id/rollback").handler(Authenticator.requireAny(Role.POLICY_ADMIN))
                .handler(history::rollback);

        // The fixed paths first: "stats" and "verify" are not decision ids.
        DecisionLogHandler decisions = new DecisionLogHandler(services.audit(), services.blocking());
        router.get("/v1/decisions").handler(Authenticator.requireAny(Role.AUDITOR)).handler(decisions::list);
        router.get("/v1/decisions/stats").handler(Authenticator.requireAny(Role.AUDITOR)).handler(decisions::stats);
        router.get("/v1/decisions/verify").handler(Authenticator.requireAny(Role.AUDITOR)).handler(decisions::verify);
        router.get("/v1/decisions/:decisionId").handler(Authenticator.requireAny(Role.AUDITOR))
                .handler(decisions::get);

        KeyHandler keys = new KeyHandler(services.keyRepository(), services.keys(), services.blocking(),
                services.tls().map(TlsConfig::requiresClientCertificates).orElse(false));
        router.post("/v1/keys").handler(Authenticator.requireAny(Role.ADMIN)).handler(keys::create);
        router.get("/v1/keys").handler(Authenticator.requireAny(Role.ADMIN)).handler(keys::list);
        router.delete("/v1/keys/:name").handler(Authenticator.requireAny(Role.ADMIN)).handler(keys::delete);

        ErrorHandler errors = new ErrorHandler();
        router.route().failureHandler(errors);
        router.errorHandler(400, errors);
        router.errorHandler(404, errors);
        router.errorHandler(405, errors);
        return router;
    }
}
