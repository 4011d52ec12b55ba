package dev.arbiter.store.model;

/** Whether a policy decides live traffic or is only watched. */
public enum PolicyMode implements JsonEnum {
    /** The policy's rules take part in every decision. */
    ENFORCE("enforce"),
    /** The policy is evaluated on live traffic but never changes a decision. */
    DRY_RUN("dry_run");

    private final String json;

    PolicyMode(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
