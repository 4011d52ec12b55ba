package dev.arbiter.store.jdbc;

/** What a conditional write expects of the policy's current state (HTTP If-Match / If-None-Match). */
public sealed interface Precondition {

    /** Write whatever the current state. */
    Precondition NONE = new None();

    /** Write only while the policy is at {@code version}. */
    static Precondition ifVersion(int version) {
        return new IfVersion(version);
    }

    /** Write only when the policy exists ({@code If-Match: *}). */
    Precondition IF_EXISTS = new IfExists();

    /** Write only when no live policy has this id ({@code If-None-Match: *}). */
    Precondition IF_ABSENT = new IfAbsent();

    /**
     * Checks the precondition against the current version.
     *
     * @param id the policy id, for the message
     * @param currentVersion the live version, or null when the policy does not exist
     */
    void check(String id, Integer currentVersion);

    record None() implements Precondition {
        @Override
        public void check(String id, Integer currentVersion) {}
    }

    record IfVersion(int version) implements Precondition {
        @Override
        public void check(String id, Integer currentVersion) {
            if (currentVersion == null) {
                throw new PreconditionFailedException("policy '" + id + "' does not exist; expected version " + version);
            }
            if (currentVersion != version) {
                throw new PreconditionFailedException("policy '" + id + "' is at version " + currentVersion
                        + ", not " + version + "; read it again and reapply your change");
            }
        }
    }

    record IfExists() implements Precondition {
        @Override
        public void check(String id, Integer currentVersion) {
            if (currentVersion == null) {
                throw new PreconditionFailedException("policy '" + id + "' does not exist");
            }
        }
    }

    record IfAbsent() implements Precondition {
        @Override
        public void check(String id, Integer currentVersion) {
            if (currentVersion != null) {
                throw new PreconditionFailedException("policy '" + id + "' already exists (version " + currentVersion + ")");
            }
        }
    }
}
