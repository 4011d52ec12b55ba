package dev.arbiter.server.engine;

/** The outcome of one condition: true, false, or an error (which includes a non-bool result). */
public sealed interface ConditionResult {

    ConditionResult TRUE = new Holds(true);
    ConditionResult FALSE = new Holds(false);

    static ConditionResult of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** True only for a condition that evaluated to {@code true}. */
    default boolean isTrue() {
        return this instanceof Holds holds && holds.value();
    }

    default boolean isError() {
        return this instanceof Failed;
    }

    record Holds(boolean value) implements ConditionResult {}

    record Failed(String message) implements ConditionResult {}
}
