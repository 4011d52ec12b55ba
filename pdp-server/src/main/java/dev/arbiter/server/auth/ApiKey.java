package dev.arbiter.server.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as callers and the key endpoints see it; the token itself is never kept.
 *
 * @param identity the client-certificate identity (URI SAN) the key is bound to: the key is
 *     accepted only from a client presenting it over mutual TLS
 */
public record ApiKey(String name, Set<Role> roles, Instant createdAt, String createdBy, Optional<String> identity) {

    public ApiKey {
        roles = Set.copyOf(roles);
    }

    /** Admin may do everything; every other role grants only itself. */
    public boolean may(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
