package dev.arbiter.store.model;

import java.util.List;

/**
 * A principal's entry in the directory, as stored.
 *
 * @param type the principal's type, {@code ""} for none
 * @param attr its attributes as the text of a JSON object
 */
public record StoredPrincipal(String id, String type, List<String> roles, String attr) {

    public StoredPrincipal {
        roles = List.copyOf(roles);
    }
}
