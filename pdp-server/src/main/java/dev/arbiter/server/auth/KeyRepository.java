package dev.arbiter.server.auth;

import dev.arbiter.store.jdbc.Jdbc;
import dev.arbiter.store.model.JsonEnum;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** API keys in PostgreSQL. Blocking: call off the event loop. */
public final class KeyRepository {

    /** The LISTEN/NOTIFY channel that tells replicas to reload keys. */
    public static final String CHANGE_CHANNEL = "arbiter_keys";

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public KeyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<StoredKey> list() {
        return Jdbc.read(dataSource, connection -> {
            List<StoredKey> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name, roles, created_at, created_by, identity, token_hash FROM api_keys ORDER BY name");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(new StoredKey(new ApiKey(rows.getString(1), roles(rows.getArray(2)),
                            rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getString(4),
                            Optional.ofNullable(rows.getString(5))), rows.getBytes(6)));
                }
            }
            return keys;
        });
    }

    /**
     * Stores a new key.
     *
     * @return the stored key, or null when a key with that name exists
     */
    public StoredKey create(String name, Set<Role> roles, Optional<String> identity, byte[] tokenHash,
            String createdBy) {
        return Jdbc.write(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_keys (name, token_hash, roles, created_by, identity) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (name) DO NOTHING RETURNING created_at")) {
                insert.setString(1, name);
                insert.setBytes(2, tokenHash);
                insert.setArray(3, roleArray(connection, roles));
                insert.setString(4, createdBy);
                insert.setString(5, identity.orElse(null));
                try (ResultSet rows = insert.executeQuery()) {
                    if (!rows.next()) {
                        return null;
                    }
                    notifyChange(connection);
                    return new StoredKey(new ApiKey(name, roles, rows.getObject(1, OffsetDateTime.class).toInstant(),
                            createdBy, identity), tokenHash);
                }
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new IllegalStateException("a token hash collided; generate a new token", e);
                }
                throw e;
            }
        });
    }

    /** Creates the key or replaces its token and roles: used for the bootstrap admin key. */
    public void ensure(String name, Set<Role> roles, byte[] tokenHash, String createdBy) {
        Jdbc.write(dataSource, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO api_keys (name, token_hash, roles, created_by) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash,"
                            + " roles = excluded.roles, identity = NULL")) {
                upsert.setString(1, name);
                upsert.setBytes(2, tokenHash);
                upsert.setArray(3, roleArray(connection, roles));
                upsert.setString(4, createdBy);
                upsert.executeUpdate();
            }
            notifyChange(connection);
            return null;
        });
    }

    /** Deletes a key; false when none has that name. */
    public boolean delete(String name) {
        return Jdbc.write(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM api_keys WHERE name = ?")) {
                delete.setString(1, name);
                boolean deleted = delete.executeUpdate() > 0;
                if (deleted) {
                    notifyChange(connection);
                }
                return deleted;
            }
        });
    }

    /** Delivered at commit, so replicas reload only what is durable. */
    private static void notifyChange(Connection connection) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            notify.setString(1, CHANGE_CHANNEL);
            notify.execute();
        }
    }

    private static Array roleArray(Connection connection, Set<Role> roles) throws SQLException {
        return connection.createArrayOf("text", roles.stream().map(Role::json).sorted().toArray());
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : (Object[]) array.getArray()) {
            Role role = JsonEnum.fromJson(Role.class, (String) value);
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }
}
