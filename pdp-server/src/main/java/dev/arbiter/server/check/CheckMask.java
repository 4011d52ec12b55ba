package dev.arbiter.server.check;

/**
 * Which values of a check request are written as {@value #MASKED}: a tree of positions under
 * each of the request's free-form members. A null position masks nothing below it.
 */
public interface CheckMask {

    String MASKED = "***";

    /** Masks nothing. */
    CheckMask NONE = new CheckMask() {
        @Override
        public Position principalAttr() {
            return null;
        }

        @Override
        public Position resourceAttr() {
            return null;
        }

        @Override
        public Position context() {
            return null;
        }

        @Override
        public Position actionAttr() {
            return null;
        }
    };

    Position principalAttr();

    Position resourceAttr();

    Position context();

    Position actionAttr();

    /** A position in the tree of masked paths. */
    interface Position {

        /** Whether the value at this position is replaced entirely. */
        boolean masked();

        /** The position under {@code key}, or null when nothing below it is masked. */
        Position child(String key);
    }
}
