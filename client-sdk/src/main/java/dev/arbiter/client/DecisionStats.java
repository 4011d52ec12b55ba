package dev.arbiter.client;

import java.time.Instant;
import java.util.List;

/**
 * Allowed and denied decisions counted per group and time bucket, in (bucket, key) order.
 *
 * @param truncated whether the answer was cut at the server's row limit
 */
public record DecisionStats(Instant from, Instant to, GroupBy groupBy, Bucket bucket, List<Count> counts,
        boolean truncated) {

    public DecisionStats {
        counts = List.copyOf(counts);
    }

    /**
     * @param bucket the start of the time bucket
     * @param key the group: a service, principal, policy or {@code <policy>/<rule>}; null for default denies
     *     when grouped by policy or rule
     */
    public record Count(Instant bucket, String key, long allow, long deny) {}

    /** What decisions are counted by. */
    public enum GroupBy implements Spelling {
        SERVICE("service"),
        PRINCIPAL("principal"),
        POLICY("policy"),
        /** The deciding rule, keyed {@code <policy>/<rule>}. */
        RULE("rule");

        private final String json;

        GroupBy(String json) {
            this.json = json;
        }

        @Override
        public String json() {
            return json;
        }
    }

    /** The width of a time bucket, aligned on UTC. */
    public enum Bucket implements Spelling {
        MINUTE("minute"),
        HOUR("hour"),
        DAY("day");

        private final String json;

        Bucket(String json) {
            this.json = json;
        }

        @Override
        public String json() {
            return json;
        }
    }
}
