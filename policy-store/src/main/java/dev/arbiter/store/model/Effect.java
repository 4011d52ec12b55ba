package dev.arbiter.store.model;

/** What a rule decides when it applies and its condition holds. */
public enum Effect implements JsonEnum {
    ALLOW("allow"),
    DENY("deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
