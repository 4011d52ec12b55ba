package dev.arbiter.server.engine;

import dev.arbiter.store.model.PolicyMode;
import dev.arbiter.store.model.StoredPolicy;
import java.util.List;

/** A stored policy with its rules compiled, in rule order. */
public record CompiledPolicy(StoredPolicy stored, List<CompiledRule> rules) {

    public CompiledPolicy {
        rules = List.copyOf(rules);
    }

    public String id() {
        return stored.id();
    }

    public String service() {
        return stored.policy().service();
    }

    public boolean isDryRun() {
        return stored.policy().mode() == PolicyMode.DRY_RUN;
    }
}
