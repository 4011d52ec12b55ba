package dev.arbiter.client;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as listed; its token is never shown again after creation.
 *
 * @param identity the client certificate identity the key is bound to, or null for a key that
 *     works from any client
 */
public record ApiKey(String name, Set<KeyRole> roles, Instant createdAt, String createdBy, String identity) {

    public ApiKey {
        roles = Set.copyOf(roles);
    }
}
