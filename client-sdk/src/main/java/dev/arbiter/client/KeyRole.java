package dev.arbiter.client;

/** What an API key may do; {@code admin} includes every other role. */
public enum KeyRole implements Spelling {
    CHECK("check"),
    POLICY_ADMIN("policy-admin"),
    AUDITOR("auditor"),
    ADMIN("admin");

    private final String json;

    KeyRole(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
