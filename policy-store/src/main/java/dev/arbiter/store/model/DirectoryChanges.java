package dev.arbiter.store.model;

import java.util.List;

/**
 * Entries written and entries removed: what an apply asks for, and what a replica loads to catch
 * up with the store.
 */
public record DirectoryChanges(List<StoredPrincipal> principals, List<String> deletedPrincipals,
        List<StoredResource> resources, List<ResourceRef> deletedResources) {

    public static final DirectoryChanges NONE = new DirectoryChanges(List.of(), List.of(), List.of(), List.of());

    public DirectoryChanges {
        principals = List.copyOf(principals);
        deletedPrincipals = List.copyOf(deletedPrincipals);
        resources = List.copyOf(resources);
        deletedResources = List.copyOf(deletedResources);
    }
}
