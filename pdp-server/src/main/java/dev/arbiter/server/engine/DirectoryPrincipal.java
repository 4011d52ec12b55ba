package dev.arbiter.server.engine;

import java.util.List;
import java.util.Map;

/**
 * What the directory knows about a principal. {@code attr} holds CEL-ready values. The type and
 * the roles, which many entries repeat, are interned: one copy each, whatever the directory's size.
 *
 * @param type the principal's type, {@code ""} when the entry gives none
 */
public record DirectoryPrincipal(String id, String type, List<String> roles, Map<String, Object> attr) {

    public DirectoryPrincipal {
        type = type.intern();
        roles = roles.stream().map(String::intern).toList();
    }
}
