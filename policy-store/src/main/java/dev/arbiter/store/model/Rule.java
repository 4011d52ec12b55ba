package dev.arbiter.store.model;

import java.util.List;

/**
 * One rule of a policy. Patterns in {@code principals}, {@code actions} and {@code kinds} are
 * globs; {@code roles} are exact role names, {@code "*"} meaning every principal.
 *
 * @param condition CEL source, or null for a rule that applies unconditionally
 */
public record Rule(
        String name,
        Effect effect,
        List<String> principals,
        List<String> roles,
        List<String> actions,
        List<String> kinds,
        String condition) {

    public Rule {
        principals = List.copyOf(principals);
        roles = List.copyOf(roles);
        actions = List.copyOf(actions);
        kinds = List.copyOf(kinds);
    }

    public boolean hasCondition() {
        return condition != null;
    }
}
