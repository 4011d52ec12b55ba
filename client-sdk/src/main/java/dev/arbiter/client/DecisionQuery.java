package dev.arbiter.client;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which logged decisions to read: {@code DecisionQuery.all().service("payments").allow(false)}.
 * Immutable; every method answers a new query. Text filters match exactly.
 */
public final class DecisionQuery {

    private static final DecisionQuery ALL = new DecisionQuery(Map.of());

    private final Map<String, String> parameters;

    private DecisionQuery(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** Every decision, newest first. */
    public static DecisionQuery all() {
        return ALL;
    }

    /** Decided at or after {@code from}. */
    public DecisionQuery from(Instant from) {
        return with("from", from.toString());
    }

    /** Decided before {@code to} (exclusive). */
    public DecisionQuery to(Instant to) {
        return with("to", to.toString());
    }

    public DecisionQuery principal(String principalId) {
        return with("principal", principalId);
    }

    public DecisionQuery service(String service) {
        return with("service", service);
    }

    public DecisionQuery action(String action) {
        return with("action", action);
    }

    public DecisionQuery allow(boolean allow) {
        return with("allow", Boolean.toString(allow));
    }

    /** Decided by this policy. */
    public DecisionQuery policy(String policyId) {
        return with("policy", policyId);
    }

    /** Decided by a rule of this name. */
    public DecisionQuery rule(String rule) {
        return with("rule", rule);
    }

    /** Asked with the key of this name. */
    public DecisionQuery caller(String keyName) {
        return with("caller", keyName);
    }

    /** About the resource with this id. */
    public DecisionQuery resource(String resourceId) {
        return with("resource", resourceId);
    }

    /** Asked through this front door: {@code check}, {@code batch}, {@code authzen} or {@code ext_authz}. */
    public DecisionQuery api(String frontDoor) {
        return with("api", frontDoor);
    }

    /** Asked within this W3C trace (the trace id of the request's {@code traceparent}). */
    public DecisionQuery traceId(String traceId) {
        return with("traceId", traceId);
    }

    public DecisionQuery minLatencyMicros(int micros) {
        return with("minLatencyMicros", Integer.toString(micros));
    }

    /** The query string of these filters, encoded, with {@code more} name, value pairs added. */
    String queryString(String... more) {
        Map<String, String> all = new TreeMap<>(parameters);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all.entrySet().stream().map(parameter -> parameter.getKey() + "=" + AdminHttp.encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    private DecisionQuery with(String name, String value) {
        Map<String, String> copy = new TreeMap<>(parameters);
        copy.put(name, Checks.requireText(value, name));
        return new DecisionQuery(Collections.unmodifiableMap(copy));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionQuery query && query.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "DecisionQuery[" + queryString() + "]";
    }
}
