package dev.arbiter.client;

import java.util.List;
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
        return AdminHttp.unlessNotFound(() -> AdminHttp.decode(http.send("GET", path(id), null),
                body -> AdminJson.storedPolicy(JsonObject.parse(body))));
    }

    /** Creates or replaces the policy; the server validates and compiles it first (422 otherwise). */
    public PolicyWrite put(Policy policy) {
        return put(policy, Precondition.none());
    }

    public PolicyWrite put(Policy policy, Precondition precondition) {
        return write(http.send("PUT", path(policy.id()), AdminJson.policy(policy), precondition.headers()));
    }

    /** Deletes the policy and answers the revision of the deletion; 404 when there is none. */
    public long delete(String id) {
        return delete(id, Precondition.none());
    }

    public long delete(String id, Precondition precondition) {
        return AdminHttp.revision(http.send("DELETE", path(id), null, precondition.headers()));
    }

    /** The policy's history, newest first, deletions included; 404 when it was never written. */
    public List<PolicyVersion> versions(String id) {
        return AdminHttp.decode(http.send("GET", path(id) + "/versions", null), PolicyChangeJson::versions);
    }

    /** The policy as {@code version} of its history wrote it; 404 when there is no such version. */
    public VersionedPolicy version(String id, int version) {
        return AdminHttp.decode(http.send("GET", path(id) + "/versions/" + version, null),
                PolicyChangeJson::versionedPolicy);
    }

    /**
     * Writes {@code version} of the policy again, as a new version (a rollback is a write: it
     * recompiles, and re-creates a deleted policy); 409 when that version is a deletion.
     */
    public PolicyWrite rollback(String id, int version) {
        return rollback(id, version, Precondition.none());
    }

    public PolicyWrite rollback(String id, int version, Precondition precondition) {
        return write(http.send("POST", path(id) + "/rollback?to=" + version, null, precondition.headers()));
    }

    /**
     * Checks the policy as a write would, storing nothing: its warnings when valid, else 422 with
     * every problem. Roles {@code policy-admin} and {@code auditor}.
     */
    public List<PolicyWarning> validate(Policy policy) {
        return AdminHttp.decode(http.send("POST", "/v1/policies/_validate", AdminJson.policy(policy)),
                PolicyChangeJson::warnings);
    }

    /**
     * Makes the store hold exactly the bundle's policies for the services it governs: all or
     * nothing, under one revision (422 with every problem, nothing written, when one does not validate).
     */
    public ApplyResult apply(PolicyBundle bundle) {
        return apply(bundle, false);
    }

    /** What {@link #apply} would write, writing nothing. */
    public ApplyResult planApply(PolicyBundle bundle) {
        return apply(bundle, true);
    }

    private ApplyResult apply(PolicyBundle bundle, boolean dryRun) {
        return AdminHttp.decode(http.send("POST", "/v1/policies/_apply" + (dryRun ? "?dryRun=true" : ""),
                AdminJson.bundle(bundle)), PolicyChangeJson::applyResult);
    }

    /** Which of the newest 1000 logged decisions the bundle would flip, listing at most 100; writes nothing. */
    public ImpactReport impact(PolicyBundle bundle) {
        return impact("/v1/policies/_impact", bundle);
    }

    /**
     * Which of the newest {@code limit} logged decisions (1 to 100,000) of the services the bundle
     * governs it would flip, listing at most {@code maxFlips} (0 to 1000); the counts cover all.
     */
    public ImpactReport impact(PolicyBundle bundle, int limit, int maxFlips) {
        return impact("/v1/policies/_impact?limit=" + limit + "&maxFlips=" + maxFlips, bundle);
    }

    private ImpactReport impact(String path, PolicyBundle bundle) {
        return AdminHttp.decode(http.send("POST", path, AdminJson.bundle(bundle)), PolicyChangeJson::impactReport);
    }

    private static PolicyWrite write(Exchange.Answered answered) {
        StoredPolicy stored = AdminHttp.decode(answered, body -> AdminJson.storedPolicy(JsonObject.parse(body)));
        return new PolicyWrite(stored, answered.status() == 201);
    }

    private static String path(String id) {
        return "/v1/policies/" + AdminHttp.encode(Checks.requireText(id, "policy id"));
    }
}
