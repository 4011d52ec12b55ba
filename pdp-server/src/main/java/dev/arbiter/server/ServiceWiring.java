package dev.arbiter.server;

import dev.arbiter.server.audit.Audit;
import dev.arbiter.server.auth.KeyRegistry;
import dev.arbiter.server.auth.KeyRepository;
import dev.arbiter.server.db.Database;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.http.HttpApi;
import dev.arbiter.server.metrics.ServerMetrics;
import dev.arbiter.server.service.DecisionLogService;
import dev.arbiter.server.service.DecisionService;
import dev.arbiter.server.service.DirectoryService;
import dev.arbiter.server.service.HealthService;
import dev.arbiter.server.service.ImpactService;
import dev.arbiter.server.service.KeyService;
import dev.arbiter.server.service.LogHandoff;
import dev.arbiter.server.service.PolicyService;
import dev.arbiter.server.service.RevisionGate;
import dev.arbiter.server.service.SearchService;
import dev.arbiter.server.service.StoreWrites;
import dev.arbiter.server.sync.Readiness;
import dev.arbiter.server.sync.StoreSync;
import dev.arbiter.server.tracing.Tracing;
import dev.arbiter.store.jdbc.DirectoryRepository;
import dev.arbiter.store.jdbc.PolicyRepository;
import io.vertx.core.Vertx;

/** Builds the service layer from the server's parts, and the HTTP front door on top of it. */
final class ServiceWiring {

    private ServiceWiring() {}

    /** What the services are made of. */
    record Parts(ServerConfig config, Database database, PolicyRepository policies, KeyRepository keys,
            DirectoryRepository directory,
            PolicyCompiler compiler, DecisionEngine engine, StoreSync sync, KeyRegistry registry, Readiness readiness,
            Audit audit, ServerMetrics metrics, Tracing tracing) {}

    static HttpApi httpApi(Vertx vertx, Blocking blocking, Parts parts) {
        DecisionService decisions = new DecisionService(parts.engine(),
                new RevisionGate(vertx, parts.engine(), parts.sync(), blocking),
                new LogHandoff(vertx, parts.audit().log()), parts.metrics().decisions(),
                parts.tracing().spans());
        StoreWrites store = new StoreWrites(blocking, parts.sync());
        PolicyService policies = new PolicyService(parts.policies(), parts.compiler(), store,
                () -> parts.engine().policies().directory());
        ImpactService impact = new ImpactService(parts.engine(), parts.compiler(), parts.sync(), parts.audit(),
                blocking);
        KeyService keys = new KeyService(parts.keys(), parts.registry(), blocking,
                parts.config().tls().map(TlsConfig::requiresClientCertificates).orElse(false));
        HealthService health = new HealthService(parts.readiness(), parts.engine(), parts.audit().log());
        return new HttpApi(health, parts.registry(), decisions, policies, impact,
                new DecisionLogService(parts.audit(), blocking), keys, new DirectoryService(parts.directory(), store),
                new SearchService(parts.engine(), blocking), parts.config().publicUrl(), parts.metrics()::scrape);
    }
}
