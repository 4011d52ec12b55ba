package dev.arbiter.server.auth;

import dev.arbiter.store.model.JsonEnum;

/** What an API key may do. */
public enum Role implements JsonEnum {
    /** Call the decision endpoints. */
    CHECK("check"),
    /** Read and write policies. */
    POLICY_ADMIN("policy-admin"),
    /** Read policies, their history and the decision log. */
    AUDITOR("auditor"),
    /** Everything, including key management. */
    ADMIN("admin");

    private final String json;

    Role(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
