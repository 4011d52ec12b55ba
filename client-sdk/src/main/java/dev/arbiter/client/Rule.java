package dev.arbiter.client;

import java.util.List;
import java.util.Objects;

/**
 * One rule of a policy: {@code Rule.allow("checkout-can-charge").principals("spiffe://…/checkout")
 * .actions("charges:create").kinds("charge").condition("resource.attr.amount <= 10000")}.
 * Immutable; every method answers a new rule.
 *
 * @param condition CEL source, or null for a rule that applies unconditionally
 */
public record Rule(String name, Effect effect, List<String> principals, List<String> roles, List<String> actions,
        List<String> kinds, String condition) {

    public Rule {
        Checks.requireText(name, "rule name");
        Objects.requireNonNull(effect, "effect");
        principals = List.copyOf(principals);
        roles = List.copyOf(roles);
        actions = List.copyOf(actions);
        kinds = List.copyOf(kinds);
    }

    public static Rule allow(String name) {
        return new Rule(name, Effect.ALLOW, List.of(), List.of(), List.of(), List.of(), null);
    }

    public static Rule deny(String name) {
        return new Rule(name, Effect.DENY, List.of(), List.of(), List.of(), List.of(), null);
    }

    public Rule principals(String... principals) {
        return new Rule(name, effect, List.of(principals), roles, actions, kinds, condition);
    }

    public Rule roles(String... roles) {
        return new Rule(name, effect, principals, List.of(roles), actions, kinds, condition);
    }

    public Rule actions(String... actions) {
        return new Rule(name, effect, principals, roles, List.of(actions), kinds, condition);
    }

    public Rule kinds(String... kinds) {
        return new Rule(name, effect, principals, roles, actions, List.of(kinds), condition);
    }

    public Rule condition(String condition) {
        return new Rule(name, effect, principals, roles, actions, kinds, condition);
    }
}
