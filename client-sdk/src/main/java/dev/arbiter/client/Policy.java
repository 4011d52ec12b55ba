package dev.arbiter.client;

import java.util.List;
import java.util.Objects;

/**
 * A policy document: {@code Policy.of("payments-api", "payments").rules(Rule.allow(…), Rule.deny(…))}.
 * Immutable; every method answers a new policy. The server validates and compiles it on write.
 *
 * @param service the governed service, or {@code "*"} for every service
 */
public record Policy(String id, String service, String description, PolicyMode mode, List<Rule> rules) {

    public Policy {
        Checks.requireText(id, "policy id");
        Checks.requireText(service, "policy service");
        description = description == null ? "" : description;
        Objects.requireNonNull(mode, "mode");
        rules = List.copyOf(rules);
    }

    public static Policy of(String id, String service) {
        return new Policy(id, service, "", PolicyMode.ENFORCE, List.of());
    }

    public Policy description(String description) {
        return new Policy(id, service, description, mode, rules);
    }

    public Policy mode(PolicyMode mode) {
        return new Policy(id, service, description, mode, rules);
    }

    public Policy rules(Rule... rules) {
        return rules(List.of(rules));
    }

    public Policy rules(List<Rule> rules) {
        return new Policy(id, service, description, mode, rules);
    }
}
