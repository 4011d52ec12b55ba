package dev.arbiter.server.service;

/** The front door a decision was asked through, as the decision log records it ({@code api}). */
public enum FrontDoor {
    CHECK("check"),
    BATCH("batch"),
    AUTHZEN("authzen"),
    EXT_AUTHZ("ext_authz");

    private final String api;

    FrontDoor(String api) {
        this.api = api;
    }

    /** The name in the decision log's {@code api} field. */
    public String api() {
        return api;
    }
}
