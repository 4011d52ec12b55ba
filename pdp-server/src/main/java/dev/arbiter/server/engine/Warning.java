package dev.arbiter.server.engine;

import dev.arbiter.store.model.Problem;

/**
 * Something in a valid policy that is probably not what its author meant; it never stops a write.
 *
 * @param code {@code unreachable_rule}, {@code possible_typo} or {@code unknown_field}
 */
public record Warning(String code, Problem problem) {

    public static final String UNREACHABLE_RULE = "unreachable_rule";
    public static final String POSSIBLE_TYPO = "possible_typo";
    public static final String UNKNOWN_FIELD = "unknown_field";
}
