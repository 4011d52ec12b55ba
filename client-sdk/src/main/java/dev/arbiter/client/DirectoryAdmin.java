package dev.arbiter.client;

import java.util.Optional;

/**
 * The directory of what Arbiter knows about principals and resources (writes: role
 * {@code policy-admin}; reads also {@code auditor}). Every write makes one store revision, which
 * {@link CheckRequest#minRevision} can name.
 */
public final class DirectoryAdmin {

    /** Entries per page of a listing (the server allows 1 to 1000). */
    static final int PAGE_SIZE = 500;

    private final AdminHttp http;

    DirectoryAdmin(AdminHttp http) {
        this.http = http;
    }

    /** Writes and removes every entry of {@code changes}, all or nothing, in one store revision. */
    public DirectoryApplied apply(DirectoryChanges changes) {
        return apply(changes, false);
    }

    /** What {@link #apply} would change, writing nothing. */
    public DirectoryApplied planApply(DirectoryChanges changes) {
        return apply(changes, true);
    }

    private DirectoryApplied apply(DirectoryChanges changes, boolean dryRun) {
        return AdminHttp.decode(http.send("POST", "/v1/entities/_apply" + (dryRun ? "?dryRun=true" : ""),
                DirectoryJson.changes(changes)), DirectoryJson::applied);
    }

    /** The directory's entry of the principal, or empty when it has none. */
    public Optional<PrincipalEntry> principal(String id) {
        return AdminHttp.unlessNotFound(() -> AdminHttp.decode(http.send("GET", principalPath(id), null),
                body -> DirectoryJson.principal(JsonObject.parse(body))));
    }

    /** The directory's entry of the resource, or empty when it has none. */
    public Optional<ResourceEntry> resource(String service, String kind, String id) {
        return AdminHttp.unlessNotFound(() -> AdminHttp.decode(http.send("GET", resourcePath(service, kind, id), null),
                body -> DirectoryJson.resource(JsonObject.parse(body))));
    }

    /**
     * The principals of {@code type} ({@code null}: of every type), by id, read lazily a page at a
     * time as the iteration goes; a page that fails throws from the iterator.
     */
    public Iterable<PrincipalEntry> principals(String type) {
        String filter = type == null ? "" : "&type=" + AdminHttp.encode(type);
        return () -> new CursorPages<>(cursor -> AdminHttp.decode(
                http.send("GET", "/v1/entities/principals?limit=" + PAGE_SIZE + filter + after(cursor), null),
                DirectoryJson::principals));
    }

    /** The resources of {@code service} whose kind is {@code kind} ({@code null}: every kind), lazily. */
    public Iterable<ResourceEntry> resources(String service, String kind) {
        String filter = "&service=" + AdminHttp.encode(Checks.requireText(service, "service"))
                + (kind == null ? "" : "&kind=" + AdminHttp.encode(kind));
        return () -> new CursorPages<>(cursor -> AdminHttp.decode(
                http.send("GET", "/v1/entities/resources?limit=" + PAGE_SIZE + filter + after(cursor), null),
                DirectoryJson::resources));
    }

    /** Removes the principal's entry and answers the revision of the removal; 404 when there is none. */
    public long deletePrincipal(String id) {
        return AdminHttp.revision(http.send("DELETE", principalPath(id), null));
    }

    public long deleteResource(String service, String kind, String id) {
        return AdminHttp.revision(http.send("DELETE", resourcePath(service, kind, id), null));
    }

    private static String after(String cursor) {
        return cursor == null ? "" : "&cursor=" + AdminHttp.encode(cursor);
    }

    private static String principalPath(String id) {
        return "/v1/entities/principals/" + AdminHttp.encode(Checks.requireText(id, "principal id"));
    }

    private static String resourcePath(String service, String kind, String id) {
        return "/v1/entities/resources/" + AdminHttp.encode(Checks.requireText(service, "service")) + "/"
                + AdminHttp.encode(Checks.requireText(kind, "kind")) + "/"
                + AdminHttp.encode(Checks.requireText(id, "resource id"));
    }
}
