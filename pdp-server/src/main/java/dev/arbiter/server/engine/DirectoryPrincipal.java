package dev.arbiter.server.engine;

import java.util.List;
import java.util.Map;

/**
 * What the directory knows about a principal. {@code attr} holds CEL-ready values.
 *
 * @param type the principal's type, {@code ""} when the entry gives none
 */
public record DirectoryPrincipal(String id, String type, List<String> roles, Map<String, Object> attr) {

    public DirectoryPrincipal {
        roles = List.copyOf(roles);
    }
}
