package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.DirectoryApplyResult;
import dev.arbiter.store.model.DirectoryChanges;
import dev.arbiter.store.model.ResourceRef;
import dev.arbiter.store.model.StoredPrincipal;
import dev.arbiter.store.model.StoredResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The directory in PostgreSQL: principals and resources, written under the store revision like
 * policies (so {@code minRevision} covers them) and announced on the same change channel.
 * Blocking: call off the event loop.
 */
public final class DirectoryRepository {

    private static final int FETCH_SIZE = 10_000;

    private final DataSource dataSource;

    public DirectoryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A page of entries and the key to continue after, or null on the last page. */
    public record Page<T, K>(List<T> entries, K next) {}

    /** Upserts and deletes every entry given, all or nothing, under one revision; a dry run writes nothing. */
    public DirectoryApplyResult apply(DirectoryChanges changes, String actor, boolean dryRun) {
        return Jdbc.write(dataSource, connection -> DirectoryApply.run(connection, changes, actor, dryRun));
    }

    public Optional<StoredPrincipal> principal(String id) {
        return Jdbc.read(dataSource, connection -> first(connection, "SELECT " + DirectoryRows.PRINCIPAL_COLUMNS
                + " FROM principals WHERE id = ? AND NOT deleted", DirectoryRows::principal, id));
    }

    public Optional<StoredResource> resource(ResourceRef ref) {
        return Jdbc.read(dataSource, connection -> first(connection, "SELECT " + DirectoryRows.RESOURCE_COLUMNS
                + " FROM resources WHERE service = ? AND kind = ? AND id = ? AND NOT deleted", DirectoryRows::resource,
                ref.service(), ref.kind(), ref.id()));
    }

    /** Principals in id order, of {@code type} when it is not null, after {@code after} when it is not null. */
    public Page<StoredPrincipal, String> principals(String type, String after, int limit) {
        return Jdbc.read(dataSource, connection -> {
            List<StoredPrincipal> entries = list(connection, "SELECT " + DirectoryRows.PRINCIPAL_COLUMNS
                    + " FROM principals WHERE NOT deleted AND (?::text IS NULL OR type = ?)"
                    + " AND (?::text IS NULL OR id > ?) ORDER BY id LIMIT ?", DirectoryRows::principal,
                    type, type, after, after, limit + 1);
            return page(entries, limit, StoredPrincipal::id);
        });
    }

    /** Resources in (service, kind, id) order, filtered by service and kind when given. */
    public Page<StoredResource, ResourceRef> resources(String service, String kind, ResourceRef after, int limit) {
        return Jdbc.read(dataSource, connection -> {
            String s = after == null ? null : after.service();
            List<StoredResource> entries = list(connection, "SELECT " + DirectoryRows.RESOURCE_COLUMNS
                    + " FROM resources WHERE NOT deleted AND (?::text IS NULL OR service = ?)"
                    + " AND (?::text IS NULL OR kind = ?) AND (?::text IS NULL OR (service, kind, id) > (?, ?, ?))"
                    + " ORDER BY service, kind, id LIMIT ?", DirectoryRows::resource, service, service, kind, kind,
                    s, s, after == null ? null : after.kind(), after == null ? null : after.id(), limit + 1);
            return page(entries, limit, StoredResource::ref);
        });
    }

    /** Deletes the principal; answers the revision of the deletion, or empty when there was no such entry. */
    public OptionalLong deletePrincipal(String id, String actor) {
        return delete(new DirectoryChanges(List.of(), List.of(id), List.of(), List.of()), actor);
    }

    public OptionalLong deleteResource(ResourceRef ref, String actor) {
        return delete(new DirectoryChanges(List.of(), List.of(), List.of(), List.of(ref)), actor);
    }

    private OptionalLong delete(DirectoryChanges deletion, String actor) {
        DirectoryApplyResult result = apply(deletion, actor, false);
        return result.written() ? OptionalLong.of(result.revision()) : OptionalLong.empty();
    }

    /** What changed after {@code revision}, read in the caller's transaction. */
    public static DirectoryChanges changesSince(Connection connection, long revision) throws SQLException {
        List<StoredPrincipal> principals = new ArrayList<>();
        List<String> deletedPrincipals = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + DirectoryRows.PRINCIPAL_COLUMNS
                + ", deleted FROM principals WHERE revision > ?")) {
            select.setLong(1, revision);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean(5)) {
                        deletedPrincipals.add(rows.getString(1));
                    } else {
                        principals.add(DirectoryRows.principal(rows));
                    }
                }
            }
        }
        List<StoredResource> resources = new ArrayList<>();
        List<ResourceRef> deletedResources = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + DirectoryRows.RESOURCE_COLUMNS
                + ", deleted FROM resources WHERE revision > ?")) {
            select.setLong(1, revision);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean(5)) {
                        deletedResources.add(DirectoryRows.ref(rows));
                    } else {
                        resources.add(DirectoryRows.resource(rows));
                    }
                }
            }
        }
        return new DirectoryChanges(principals, deletedPrincipals, resources, deletedResources);
    }

    /** Streams every live entry, in the caller's transaction (which must not be in auto-commit, for streaming). */
    public static void loadAll(Connection connection, Consumer<StoredPrincipal> principals,
            Consumer<StoredResource> resources) throws SQLException {
        stream(connection, "SELECT " + DirectoryRows.PRINCIPAL_COLUMNS + " FROM principals WHERE NOT deleted",
                rows -> principals.accept(DirectoryRows.principal(rows)));
        stream(connection, "SELECT " + DirectoryRows.RESOURCE_COLUMNS + " FROM resources WHERE NOT deleted",
                rows -> resources.accept(DirectoryRows.resource(rows)));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    private static void stream(Connection connection, String sql, RowConsumer consumer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        }
    }

    private static <T> Optional<T> first(Connection connection, String sql, RowReader<T> reader, Object... values)
            throws SQLException {
        List<T> found = list(connection, sql, reader, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static <T> List<T> list(Connection connection, String sql, RowReader<T> reader, Object... values)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            List<T> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
            }
            return found;
        }
    }

    private static <T, K> Page<T, K> page(List<T> entries, int limit, Function<T, K> key) {
        if (entries.size() <= limit) {
            return new Page<>(entries, null);
        }
        List<T> shown = entries.subList(0, limit);
        return new Page<>(List.copyOf(shown), key.apply(shown.get(limit - 1)));
    }
}
