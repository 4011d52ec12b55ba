package dev.arbiter.client;

/** What a policy write stored; {@code created} tells a new policy from a new version. */
public record PolicyWrite(StoredPolicy stored, boolean created) {

    /** The store revision of the write: a consistency token for checks ({@code minRevision}). */
    public long revision() {
        return stored.revision();
    }
}
