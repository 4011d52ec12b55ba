package dev.arbiter.server.audit.query;

import dev.arbiter.server.audit.FilterKeys;
import dev.arbiter.server.audit.FilterKeys.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@link FilterKeys} a batch must hold to have records a filter matches: all of {@code all}
 * and, when {@code anyOf} is not null, at least one of it. Empty when the filter asks for nothing
 * the keys index (time, latency, front door, allowed decisions), so the primary key serves it.
 */
record KeysAsked(String[] all, String[] anyOf) {

    static KeysAsked of(DecisionFilter filter, Set<String> services) {
        boolean denied = Boolean.FALSE.equals(filter.allow());
        List<String> all = new ArrayList<>();
        add(all, denied, Column.PRINCIPAL, filter.principal());
        add(all, denied, Column.SERVICE, filter.service());
        add(all, denied, Column.ACTION, filter.action());
        add(all, denied, Column.RESOURCE, filter.resource());
        add(all, denied, Column.POLICY, filter.policy());
        add(all, denied, Column.RULE, filter.rule());
        add(all, denied, Column.CALLER, filter.caller());
        add(all, denied, Column.TRACE, filter.traceId());
        if (denied && all.isEmpty()) {
            all.add(FilterKeys.DENY);
        }
        String[] anyOf = services == null ? null : services.stream().map(Column.SERVICE::key).toArray(String[]::new);
        return new KeysAsked(all.toArray(String[]::new), anyOf);
    }

    boolean isEmpty() {
        return all.length == 0 && anyOf == null;
    }

    /** Adds the batch conditions to {@code conditions}. */
    Conditions addTo(Conditions conditions) {
        return conditions.add("filter_keys @> ?::text[]", all.length == 0 ? null : all).add("filter_keys && ?::text[]", anyOf);
    }

    private static void add(List<String> keys, boolean denied, Column column, String value) {
        if (value != null) {
            keys.add(denied ? column.deniedKey(value) : column.key(value));
        }
    }
}
