package dev.arbiter.server.audit;

import java.util.Comparator;
import java.util.UUID;

/** PostgreSQL's order of the log's primary key (decided_at, decision_id); uuids compare as unsigned bytes. */
public final class KeyOrder {

    /** Newest first, as pages and exports list records. */
    public static final Comparator<LoggedDecision> NEWEST_FIRST = Comparator
            .comparingLong(LoggedDecision::decidedAtMicros)
            .thenComparing(LoggedDecision::decisionId, KeyOrder::uuids)
            .reversed();

    private KeyOrder() {}

    public static int uuids(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
