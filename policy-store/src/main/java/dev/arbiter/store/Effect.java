package dev.arbiter.store;

/** What a rule decides when it applies and its condition holds. */
public enum Effect {
    ALLOW("allow"),
    DENY("deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The spelling used in policy documents. */
    public String json() {
        return json;
    }

    /** The effect spelled {@code json}, or null when there is none. */
    public static Effect fromJson(String json) {
        for (Effect effect : values()) {
            if (effect.json.equals(json)) {
                return effect;
            }
        }
        return null;
    }
}
