package dev.arbiter.client;

import java.util.List;

/** Policies and the store revision they were read at. */
public record PolicyList(List<StoredPolicy> policies, long revision) {

    public PolicyList {
        policies = List.copyOf(policies);
    }
}
