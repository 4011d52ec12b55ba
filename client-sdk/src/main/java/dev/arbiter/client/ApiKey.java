package dev.arbiter.client;

import java.time.Instant;
import java.util.Set;

/** An API key as listed; its token is never shown again after creation. */
public record ApiKey(String name, Set<KeyRole> roles, Instant createdAt, String createdBy) {

    public ApiKey {
        roles = Set.copyOf(roles);
    }
}
