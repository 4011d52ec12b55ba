package dev.arbiter.client;

/** Whether a policy decides live traffic ({@code enforce}) or is only watched ({@code dry_run}). */
public enum PolicyMode implements Spelling {
    ENFORCE("enforce"),
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
