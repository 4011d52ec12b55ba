package dev.arbiter.server.audit.query;

import dev.arbiter.server.audit.Micros;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a query over the log and its parameters, built from a filter. */
final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    static Conditions of(DecisionFilter filter) {
        Conditions conditions = new Conditions();
        conditions.time("decided_at >= ?", filter.from());
        conditions.time("decided_at < ?", filter.to());
        conditions.add("principal_id = ?", filter.principal());
        conditions.add("resource_service = ?", filter.service());
        conditions.add("action = ?", filter.action());
        conditions.add("allow = ?", filter.allow());
        conditions.add("policy_id = ?", filter.policy());
        conditions.add("rule_name = ?", filter.rule());
        conditions.add("caller = ?", filter.caller());
        conditions.add("resource_id = ?", filter.resource());
        conditions.add("latency_micros >= ?", filter.minLatencyMicros());
        conditions.add("api = ?", filter.api());
        conditions.add("trace_id = ?", filter.traceId());
        return conditions;
    }

    /** A copy to add further clauses to. */
    Conditions copy() {
        Conditions copy = new Conditions();
        copy.clauses.addAll(clauses);
        copy.parameters.addAll(parameters);
        return copy;
    }

    /** Only records strictly after {@code cursor}, newest first. */
    Conditions after(Cursor cursor) {
        if (cursor != null) {
            // The plain bound lets PostgreSQL skip newer partitions; the row comparison is exact.
            OffsetDateTime decidedAt = Micros.toOffsetDateTime(cursor.decidedAtMicros());
            add("decided_at <= ?", decidedAt);
            add("(decided_at, decision_id) < (?, ?)", decidedAt, cursor.decisionId());
        }
        return this;
    }

    Conditions add(String clause, Object parameter) {
        if (parameter != null) {
            clauses.add(clause);
            parameters.add(parameter);
        }
        return this;
    }

    /** Adds a clause of two parameters, neither null. */
    Conditions add(String clause, Object first, Object second) {
        clauses.add(clause);
        parameters.add(first);
        parameters.add(second);
        return this;
    }

    Conditions time(String clause, Instant instant) {
        return add(clause, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** The clauses to append to a WHERE clause of their own. */
    String and() {
        return clauses.isEmpty() ? "" : " AND " + String.join(" AND ", clauses);
    }

    /** Binds the parameters from index 1; answers the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        return bind(statement, 1);
    }

    /** Binds the parameters from {@code index} on; answers the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
