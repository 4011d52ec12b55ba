package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.StoredPolicy;
import java.util.List;

/** Live policies as of one store revision, ordered by id. */
public record PolicyListing(long revision, List<StoredPolicy> policies) {

    public PolicyListing {
        policies = List.copyOf(policies);
    }
}
