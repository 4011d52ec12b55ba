package dev.arbiter.store.model;

import java.util.List;

/** A named set of rules governing one service, or every service when {@code service} is "*". */
public record Policy(String id, String service, String description, PolicyMode mode, List<Rule> rules) {

    /** The {@code service} of a policy that applies to every service. */
    public static final String EVERY_SERVICE = "*";

    public Policy {
        rules = List.copyOf(rules);
    }

    public boolean appliesToEveryService() {
        return EVERY_SERVICE.equals(service);
    }
}
