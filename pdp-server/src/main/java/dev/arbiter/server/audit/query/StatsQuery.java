package dev.arbiter.server.audit.query;

import dev.arbiter.store.model.JsonEnum;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The dimensions of {@code GET /v1/decisions/stats}. */
public final class StatsQuery {

    private StatsQuery() {}

    /** What the counts are grouped by. */
    public enum GroupBy implements JsonEnum {
        SERVICE("service", "resource_service"),
        PRINCIPAL("principal", "principal_id"),
        POLICY("policy", "policy_id"),
        /** The deciding rule, named {@code <policy>/<rule>}. */
        RULE("rule", "policy_id || '/' || rule_name");

        private final String json;
        private final String expression;

        GroupBy(String json, String expression) {
            this.json = json;
            this.expression = expression;
        }

        @Override
        public String json() {
            return json;
        }

        String expression() {
            return expression;
        }
    }

    /** The width of the time buckets, aligned on UTC. */
    public enum Bucket implements JsonEnum {
        MINUTE("minute", Duration.ofMinutes(1)),
        HOUR("hour", Duration.ofHours(1)),
        DAY("day", Duration.ofDays(1));

        private final String json;
        private final Duration width;

        Bucket(String json, Duration width) {
            this.json = json;
            this.width = width;
        }

        @Override
        public String json() {
            return json;
        }

        public Duration width() {
            return width;
        }
    }

    /** The decisions of one group in one bucket; {@code key} is null for default denies (no policy). */
    public record Row(Instant bucket, String key, long allow, long deny) {}

    /** The rows in (bucket, key) order; {@code truncated} when there were more than asked for. */
    public record Result(List<Row> rows, boolean truncated) {}
}
