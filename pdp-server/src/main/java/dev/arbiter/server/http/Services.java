package dev.arbiter.server.http;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.TlsConfig;
import dev.arbiter.server.audit.Audit;
import dev.arbiter.server.auth.KeyRegistry;
import dev.arbiter.server.auth.KeyRepository;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.sync.PolicySync;
import dev.arbiter.server.sync.Readiness;
import dev.arbiter.store.jdbc.PolicyRepository;
import java.util.Optional;

/** What the HTTP handlers work with; shared by every event-loop verticle. */
public record Services(
        DecisionEngine engine,
        PolicyCompiler compiler,
        PolicyRepository policies,
        PolicySync sync,
        KeyRepository keyRepository,
        KeyRegistry keys,
        Readiness readiness,
        Blocking blocking,
        Optional<TlsConfig> tls,
        Audit audit) {}
