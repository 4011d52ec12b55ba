package dev.arbiter.server.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the store knows about principals and resources, at one store revision: merged into every
 * request before it is decided. The roles are the union of the caller's and the directory's; for
 * {@code attr}, a key the directory holds wins over the caller's (stored facts beat claims); a
 * principal's type comes from the caller, else the directory. Immutable; a change shares all but
 * the shards it touches.
 */
public final class Directory {

    public static final Directory EMPTY = new Directory(ShardedMap.empty(), ShardedMap.empty());
    private static final Comparator<ResourceKey> RESOURCE_ORDER = Comparator.comparing(ResourceKey::service)
            .thenComparing(ResourceKey::kind).thenComparing(ResourceKey::id);

    private final ShardedMap<String, DirectoryPrincipal> principals;
    private final ShardedMap<ResourceKey, DirectoryResource> resources;
    /** Computed on first use: only policy validation asks, and a directory may be large. */
    private volatile DirectoryAttributes attributes;

    private Directory(ShardedMap<String, DirectoryPrincipal> principals,
            ShardedMap<ResourceKey, DirectoryResource> resources) {
        this.principals = principals;
        this.resources = resources;
    }

    /** A directory with the entries written added or replaced and those deleted removed. */
    public Directory with(Collection<DirectoryPrincipal> principalWrites, Collection<String> principalDeletes,
            Collection<DirectoryResource> resourceWrites, Collection<ResourceKey> resourceDeletes) {
        Map<String, DirectoryPrincipal> principalChanges = new HashMap<>();
        principalDeletes.forEach(id -> principalChanges.put(id, null));
        principalWrites.forEach(entry -> principalChanges.put(entry.id(), entry));
        Map<ResourceKey, DirectoryResource> resourceChanges = new HashMap<>();
        resourceDeletes.forEach(key -> resourceChanges.put(key, null));
        resourceWrites.forEach(entry -> resourceChanges.put(entry.key(), entry));
        return new Directory(principals.with(principalChanges), resources.with(resourceChanges));
    }

    public DirectoryPrincipal principal(String id) {
        return principals.get(id);
    }

    public DirectoryResource resource(ResourceKey key) {
        return resources.get(key);
    }

    public int principalCount() {
        return principals.size();
    }

    public int resourceCount() {
        return resources.size();
    }

    /** The attribute names this directory holds. */
    public DirectoryAttributes attributes() {
        DirectoryAttributes known = attributes;
        if (known == null) {
            known = DirectoryAttributes.of(this);
            attributes = known;
        }
        return known;
    }

    /**
     * Shows {@code visitor} the principals after {@code from} (null: from the first) in an order
     * that is the same on every replica, until it answers false; returns where it stopped, or null
     * when it saw them all.
     */
    public ShardedMap.Position<String> walkPrincipals(ShardedMap.Position<String> from,
            Predicate<DirectoryPrincipal> visitor) {
        return principals.walk(from, Comparator.naturalOrder(), visitor);
    }

    /** As {@link #walkPrincipals}, for resources. */
    public ShardedMap.Position<ResourceKey> walkResources(ShardedMap.Position<ResourceKey> from,
            Predicate<DirectoryResource> visitor) {
        return resources.walk(from, RESOURCE_ORDER, visitor);
    }

    /** The request with what the directory knows about its principal and resource merged in. */
    public CheckRequest merge(CheckRequest request) {
        if (principals.size() == 0 && resources.size() == 0) {
            return request;
        }
        DirectoryPrincipal principal = principals.get(request.principal().id());
        Resource asked = request.resource();
        DirectoryResource resource = resources.size() == 0 ? null
                : resources.get(new ResourceKey(asked.service(), asked.kind(), asked.id()));
        if (principal == null && resource == null) {
            return request;
        }
        return new CheckRequest(principal == null ? request.principal() : merged(request.principal(), principal),
                request.action(), resource == null ? asked : merged(asked, resource), request.context(),
                request.actionAttr(), request.minRevision());
    }

    /** What {@link #merge} takes from the directory for {@code request}. */
    public DirectoryUse use(CheckRequest request) {
        DirectoryPrincipal principal = principals.get(request.principal().id());
        Resource asked = request.resource();
        DirectoryResource resource = resources.get(new ResourceKey(asked.service(), asked.kind(), asked.id()));
        List<String> roles = new ArrayList<>();
        if (principal != null) {
            principal.roles().stream().filter(role -> !request.principal().roles().contains(role)).forEach(roles::add);
        }
        return new DirectoryUse(principal != null, roles,
                principal == null ? List.of() : List.copyOf(principal.attr().keySet()), resource != null,
                resource == null ? List.of() : List.copyOf(resource.attr().keySet()));
    }

    private static Principal merged(Principal asked, DirectoryPrincipal known) {
        return new Principal(asked.id(), asked.type().isEmpty() ? known.type() : asked.type(),
                union(asked.roles(), known.roles()), merged(asked.attr(), known.attr()));
    }

    private static Resource merged(Resource asked, DirectoryResource known) {
        return new Resource(asked.service(), asked.kind(), asked.id(), merged(asked.attr(), known.attr()));
    }

    private static List<String> union(List<String> asked, List<String> known) {
        if (known.isEmpty()) {
            return asked;
        }
        if (asked.isEmpty()) {
            return known;
        }
        List<String> union = new ArrayList<>(asked.size() + known.size());
        union.addAll(asked);
        for (String role : known) {
            if (!asked.contains(role)) {
                union.add(role);
            }
        }
        return union;
    }

    /** The caller's attributes with the directory's over them: a key the directory holds is the directory's. */
    private static Map<String, Object> merged(Map<String, Object> asked, Map<String, Object> known) {
        if (known.isEmpty()) {
            return asked;
        }
        if (asked.isEmpty()) {
            return known;
        }
        RequestMap.Builder<Object> merged = new RequestMap.Builder<>();
        known.forEach(merged::put);
        asked.forEach(merged::put); // a key already there is the directory's and stays
        return merged.build();
    }
}
