package dev.arbiter.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Entries to write and entries to remove, applied all or nothing in one store revision:
 * {@code DirectoryChanges.none().put(PrincipalEntry.of("alice").roles("admin")).deletePrincipal("bob")}.
 * Immutable.
 */
public record DirectoryChanges(List<PrincipalEntry> principals, List<String> deletedPrincipals,
        List<ResourceEntry> resources, List<ResourceEntry> deletedResources) {

    public DirectoryChanges {
        principals = List.copyOf(principals);
        deletedPrincipals = List.copyOf(deletedPrincipals);
        resources = List.copyOf(resources);
        deletedResources = List.copyOf(deletedResources);
    }

    public static DirectoryChanges none() {
        return new DirectoryChanges(List.of(), List.of(), List.of(), List.of());
    }

    public DirectoryChanges put(PrincipalEntry entry) {
        return new DirectoryChanges(plus(principals, entry), deletedPrincipals, resources, deletedResources);
    }

    public DirectoryChanges put(ResourceEntry entry) {
        return new DirectoryChanges(principals, deletedPrincipals, plus(resources, entry), deletedResources);
    }

    public DirectoryChanges deletePrincipal(String id) {
        return new DirectoryChanges(principals, plus(deletedPrincipals, Checks.requireText(id, "principal id")),
                resources, deletedResources);
    }

    public DirectoryChanges deleteResource(String service, String kind, String id) {
        return new DirectoryChanges(principals, deletedPrincipals, resources,
                plus(deletedResources, ResourceEntry.of(service, kind, id)));
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }
}
