package dev.arbiter.store;

/** Whether a policy decides live traffic or is only watched. */
public enum PolicyMode {
    /** The policy's rules take part in every decision. */
    ENFORCE("enforce"),
    /** The policy is evaluated on live traffic but never changes a decision. */
    DRY_RUN("dry_run");

    private final String json;

    PolicyMode(String json) {
        this.json = json;
    }

    /** The spelling used in policy documents. */
    public String json() {
        return json;
    }

    /** The mode spelled {@code json}, or null when there is none. */
    public static PolicyMode fromJson(String json) {
        for (PolicyMode mode : values()) {
            if (mode.json.equals(json)) {
                return mode;
            }
        }
        return null;
    }
}
