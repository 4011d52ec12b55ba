package dev.arbiter.server.engine;

import java.util.List;

/**
 * What the directory added to one request, for explanations: the roles it contributed and the
 * attribute keys whose values are the directory's (a key the directory holds wins over the
 * caller's).
 *
 * @param principalFound whether the directory has an entry for the principal
 * @param resourceFound whether the directory has an entry for the resource
 */
public record DirectoryUse(boolean principalFound, List<String> principalRoles, List<String> principalAttr,
        boolean resourceFound, List<String> resourceAttr) {

    public static final DirectoryUse NONE = new DirectoryUse(false, List.of(), List.of(), false, List.of());

    public DirectoryUse {
        principalRoles = List.copyOf(principalRoles);
        principalAttr = List.copyOf(principalAttr);
        resourceAttr = List.copyOf(resourceAttr);
    }
}
