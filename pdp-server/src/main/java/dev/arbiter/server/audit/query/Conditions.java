package dev.arbiter.server.audit.query;

import dev.arbiter.server.audit.Micros;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
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

    /** Only records strictly after {@code cursor}, newest first. */
    Conditions after(Cursor cursor) {
        if (cursor != null) {
            // The plain bound lets PostgreSQL skip newer partitions; the row comparison is exact.
            add("decided_at <= ?", Micros.toOffsetDateTime(cursor.decidedAtMicros()));
            clauses.add("(decided_at, decision_id) < (?, ?)");
            parameters.add(Micros.toOffsetDateTime(cursor.decidedAtMicros()));
            parameters.add(cursor.decisionId());
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

    private void time(String clause, Instant instant) {
        add(clause, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the parameters from index 1; answers the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
