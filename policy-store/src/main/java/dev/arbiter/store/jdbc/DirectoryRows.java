package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.ResourceRef;
import dev.arbiter.store.model.StoredPrincipal;
import dev.arbiter.store.model.StoredResource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/** The columns of the directory's tables and how their rows read back. */
final class DirectoryRows {

    static final String PRINCIPAL_COLUMNS = "id, type, roles, attr::text";
    static final String RESOURCE_COLUMNS = "service, kind, id, attr::text";

    private DirectoryRows() {}

    static StoredPrincipal principal(ResultSet row) throws SQLException {
        Array roles = row.getArray(3);
        try {
            return new StoredPrincipal(row.getString(1), row.getString(2), Arrays.asList((String[]) roles.getArray()),
                    row.getString(4));
        } finally {
            roles.free();
        }
    }

    static StoredResource resource(ResultSet row) throws SQLException {
        return new StoredResource(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
    }

    static ResourceRef ref(ResultSet row) throws SQLException {
        return new ResourceRef(row.getString(1), row.getString(2), row.getString(3));
    }
}
