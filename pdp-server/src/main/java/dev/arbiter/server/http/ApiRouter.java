package dev.arbiter.server.http;

import dev.arbiter.server.auth.Role;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The HTTP API of DESIGN.md: every path, its role, and JSON errors for everything else. */
public final class ApiRouter {

    /** Largest request body accepted (a full batch of checks or a large policy set fits). */
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    private ApiRouter() {}

    public static Router create(Vertx vertx, Services services) {
        Router router = Router.router(vertx);
        HealthHandler health = new HealthHandler(services.readiness(), services.engine(), services.audit().log());
        router.get("/health/live").handler(health::live);
        router.get("/health/ready").handler(health::ready);

        router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.route("/v1/*").handler(new Authenticator(services.keys()));

        CheckHandler checks = new CheckHandler(services.engine(),
                new RevisionGate(services.engine(), services.sync(), services.blocking()),
                new DecisionRecorder(services.audit().log()));
        router.post("/v1/check").handler(Authenticator.requireAny(Role.CHECK)).handler(checks::check);
        router.post("/v1/check/batch").handler(Authenticator.requireAny(Role.CHECK)).handler(checks::batch);

        PolicyHandler policies = new PolicyHandler(services.policies(), services.compiler(), services.sync(),
                services.blocking());
        router.get("/v1/policies").handler(Authenticator.requireAny(Role.POLICY_ADMIN, Role.AUDITOR))
                .handler(policies::list);
        router.get("/v1/policies/:id").handler(Authenticator.requireAny(Role.POLICY_ADMIN, Role.AUDITOR))
                .handler(policies::get);
        router.put("/v1/policies/:id").handler(Authenticator.requireAny(Role.POLICY_ADMIN)).handler(policies::put);
        router.delete("/v1/policies/:id").handler(Authenticator.requireAny(Role.POLICY_ADMIN))
                .handler(policies::delete);

        // The fixed paths first: "stats" and "verify" are not decision ids.
        DecisionLogHandler decisions = new DecisionLogHandler(services.audit(), services.blocking());
        router.get("/v1/decisions").handler(Authenticator.requireAny(Role.AUDITOR)).handler(decisions::list);
        router.get("/v1/decisions/stats").handler(Authenticator.requireAny(Role.AUDITOR)).handler(decisions::stats);
        router.get("/v1/decisions/verify").handler(Authenticator.requireAny(Role.AUDITOR)).handler(decisions::verify);
        router.get("/v1/decisions/:decisionId").handler(Authenticator.requireAny(Role.AUDITOR))
                .handler(decisions::get);

        KeyHandler keys = new KeyHandler(services.keyRepository(), services.keys(), services.blocking());
        router.post("/v1/keys").handler(Authenticator.requireAny(Role.ADMIN)).handler(keys::create);
        router.get("/v1/keys").handler(Authenticator.requireAny(Role.ADMIN)).handler(keys::list);
        router.delete("/v1/keys/:name").handler(Authenticator.requireAny(Role.ADMIN)).handler(keys::delete);

        ErrorHandler errors = new ErrorHandler();
        router.route().failureHandler(errors);
        router.errorHandler(404, errors);
        router.errorHandler(405, errors);
        return router;
    }
}
