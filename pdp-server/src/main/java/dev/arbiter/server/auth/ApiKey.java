package dev.arbiter.server.auth;

import java.time.Instant;
import java.util.Set;

/** An API key as callers and the key endpoints see it; the token itself is never kept. */
public record ApiKey(String name, Set<Role> roles, Instant createdAt, String createdBy) {

    public ApiKey {
        roles = Set.copyOf(roles);
    }

    /** Admin may do everything; every other role grants only itself. */
    public boolean may(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
