package dev.arbiter.server.directory;

import dev.arbiter.server.check.CelValues;
import dev.arbiter.server.check.JsonReading;
import dev.arbiter.server.engine.Directory;
import dev.arbiter.server.engine.DirectoryPrincipal;
import dev.arbiter.server.engine.DirectoryResource;
import dev.arbiter.server.engine.ResourceKey;
import dev.arbiter.store.model.DirectoryChanges;
import dev.arbiter.store.model.ResourceRef;
import dev.arbiter.store.model.StoredPrincipal;
import dev.arbiter.store.model.StoredResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Directory entries read from the store, turned into the engine's form: attributes parsed once
 * into CEL-ready values, so a decision never parses anything.
 */
public final class DirectoryEntries {

    private final List<DirectoryPrincipal> principals = new ArrayList<>();
    private final List<String> deletedPrincipals = new ArrayList<>();
    private final List<DirectoryResource> resources = new ArrayList<>();
    private final List<ResourceKey> deletedResources = new ArrayList<>();

    public static DirectoryEntries of(DirectoryChanges changes) {
        DirectoryEntries entries = new DirectoryEntries();
        changes.principals().forEach(entries::addPrincipal);
        changes.resources().forEach(entries::addResource);
        entries.deletedPrincipals.addAll(changes.deletedPrincipals());
        changes.deletedResources().forEach(ref -> entries.deletedResources.add(key(ref)));
        return entries;
    }

    public void addPrincipal(StoredPrincipal stored) {
        principals.add(new DirectoryPrincipal(stored.id(), stored.type(), stored.roles(), attr(stored.attr())));
    }

    public void addResource(StoredResource stored) {
        resources.add(new DirectoryResource(stored.service(), stored.kind(), stored.id(), attr(stored.attr())));
    }

    /** {@code base} with these entries written and deleted. */
    public Directory applyTo(Directory base) {
        if (principals.isEmpty() && deletedPrincipals.isEmpty() && resources.isEmpty() && deletedResources.isEmpty()) {
            return base;
        }
        return base.with(principals, deletedPrincipals, resources, deletedResources);
    }

    private static ResourceKey key(ResourceRef ref) {
        return new ResourceKey(ref.service(), ref.kind(), ref.id());
    }

    /** A stored attribute object; it passed the same reading when it was written. */
    private static Map<String, Object> attr(String json) {
        return JsonReading.parse(json.getBytes(StandardCharsets.UTF_8),
                parser -> CelValues.object(parser, new CelValues.Budget()));
    }
}
