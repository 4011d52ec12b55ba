package dev.arbiter.client;

/** A condition a policy write or delete must meet, else the server answers 412 and changes nothing. */
public final class Precondition {

    private static final Precondition NONE = new Precondition(null, null);
    private static final Precondition IF_ABSENT = new Precondition("If-None-Match", "*");

    private final String header;
    private final String value;

    private Precondition(String header, String value) {
        this.header = header;
        this.value = value;
    }

    /** Always write. */
    public static Precondition none() {
        return NONE;
    }

    /** Write only when no policy has this id (create, never replace). */
    public static Precondition ifAbsent() {
        return IF_ABSENT;
    }

    /** Write only when the stored policy is at {@code version} (optimistic concurrency). */
    public static Precondition ifVersion(int version) {
        return new Precondition("If-Match", "\"" + version + "\"");
    }

    /** The header name and value to send, empty when there is no condition. */
    String[] headers() {
        return header == null ? new String[0] : new String[] {header, value};
    }
}
