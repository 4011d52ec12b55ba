package dev.arbiter.server.auth;

/** What an API key may do. */
public enum Role {
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

    public String json() {
        return json;
    }

    /** The role spelled {@code json}, or null. */
    public static Role fromJson(String json) {
        for (Role role : values()) {
            if (role.json.equals(json)) {
                return role;
            }
        }
        return null;
    }
}
