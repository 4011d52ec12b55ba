package dev.arbiter.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.audit.Micros;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.StoredPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds engines from policy JSON and requests with a fluent builder, for engine tests. */
final class EngineFixture {

    static final long REVISION = 7;
    static final ConditionCompiler CONDITIONS = new ConditionCompiler(10_000);
    static final PolicyCompiler COMPILER = new PolicyCompiler(CONDITIONS);

    private EngineFixture() {}

    static Policy policy(String json) {
        return PolicyJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    static CompiledPolicy compiled(String json) {
        Policy policy = policy(json);
        assertEquals(List.of(), COMPILER.check(policy), "the fixture policy must be valid");
        return COMPILER.compile(new StoredPolicy(policy, 1, REVISION, Instant.EPOCH, "test"));
    }

    static DecisionEngine engine(String... policies) {
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (String json : policies) {
            compiled.add(compiled(json));
        }
        DecisionEngine engine = new DecisionEngine();
        engine.install(PolicySet.of(REVISION, compiled));
        return engine;
    }

    /** Decides as at the moment of the call, as the decision service does. */
    static Decision decide(DecisionEngine engine, CheckRequest request) {
        return engine.decide(request, Micros.now());
    }

    static Explanation explain(DecisionEngine engine, CheckRequest request) {
        return engine.explain(request, Micros.now());
    }

    static RequestBuilder request(String principalId, String action, String service) {
        return new RequestBuilder(principalId, action, service);
    }

    static final class RequestBuilder {
        private final String principalId;
        private final String action;
        private final String service;
        private List<String> roles = List.of();
        private String kind = "";
        private final Map<String, Object> principalAttr = new HashMap<>();
        private final Map<String, Object> resourceAttr = new HashMap<>();

        private RequestBuilder(String principalId, String action, String service) {
            this.principalId = principalId;
            this.action = action;
            this.service = service;
        }

        RequestBuilder roles(String... values) {
            roles = List.of(values);
            return this;
        }

        RequestBuilder kind(String value) {
            kind = value;
            return this;
        }

        RequestBuilder principalAttr(String key, Object value) {
            principalAttr.put(key, value);
            return this;
        }

        RequestBuilder resourceAttr(String key, Object value) {
            resourceAttr.put(key, value);
            return this;
        }

        CheckRequest build() {
            return new CheckRequest(new Principal(principalId, roles, Map.copyOf(principalAttr)), action,
                    new Resource(service, kind, "r1", Map.copyOf(resourceAttr)), Map.of(), 0);
        }
    }
}
