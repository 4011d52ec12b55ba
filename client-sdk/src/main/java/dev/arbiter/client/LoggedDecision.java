package dev.arbiter.client;

import java.util.Map;

/**
 * One record of the decision log.
 *
 * @param policy the deciding policy, null on default deny
 * @param rule the deciding rule, null on default deny
 * @param caller the name of the key that asked
 * @param input the request as decided, defaults filled in and masked values as {@code "***"}
 * @param shadow what dry-run policies would have decided, or null when they agreed
 * @param api the front door that asked: {@code check}, {@code batch}, {@code authzen} or {@code ext_authz}
 * @param traceId the W3C trace id the request carried, or null
 */
public record LoggedDecision(DecisionSubject subject, boolean allow, String policy, String rule, long revision,
        String reason, String caller, long latencyMicros, Map<String, Object> input, Shadow shadow, String api,
        String traceId) {

    public LoggedDecision {
        input = Map.copyOf(input);
    }
}
