package dev.arbiter.client;

import java.util.Optional;

/** Reads and writes policies (role {@code policy-admin}; reads also {@code auditor}). */
public final class PolicyAdmin {

    private final AdminHttp http;

    PolicyAdmin(AdminHttp http) {
        this.http = http;
    }

    /** Every policy. */
    public PolicyList list() {
        return AdminHttp.decode(http.send("GET", "/v1/policies", null), AdminJson::policyList);
    }

    /** The policies governing exactly {@code service} ({@code "*"}: the organisation-wide ones). */
    public PolicyList list(String service) {
        String path = "/v1/policies?service=" + AdminHttp.encode(Checks.requireText(service, "service"));
        return AdminHttp.decode(http.send("GET", path, null), AdminJson::policyList);
    }

    /** The policy {@code id}, or empty when there is none. */
    public Optional<StoredPolicy> get(String id) {
        try {
            return Optional.of(AdminHttp.decode(http.send("GET", path(id), null),
                    body -> AdminJson.storedPolicy(JsonObject.parse(body))));
        } catch (ArbiterApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates or replaces the policy; the server validates and compiles it first (422 otherwise). */
    public PolicyWrite put(Policy policy) {
        return put(policy, Precondition.none());
    }

    public PolicyWrite put(Policy policy, Precondition precondition) {
        Exchange.Answered answered = http.send("PUT", path(policy.id()), AdminJson.policy(policy),
                precondition.headers());
        StoredPolicy stored = AdminHttp.decode(answered, body -> AdminJson.storedPolicy(JsonObject.parse(body)));
        return new PolicyWrite(stored, answered.status() == 201);
    }

    /** Deletes the policy and answers the revision of the deletion; 404 when there is none. */
    public long delete(String id) {
        return delete(id, Precondition.none());
    }

    public long delete(String id, Precondition precondition) {
        Exchange.Answered answered = http.send("DELETE", path(id), null, precondition.headers());
        return answered.headers().firstValueAsLong("Arbiter-Revision").orElseThrow(() ->
                new ArbiterUnavailableException(Decision.Failure.MALFORMED_ANSWER,
                        "the server's answer to a delete has no Arbiter-Revision header"));
    }

    private static String path(String id) {
        return "/v1/policies/" + AdminHttp.encode(Checks.requireText(id, "policy id"));
    }
}
