package dev.arbiter.server.cli.remote;

import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference between a stored policy and the repository's, for a reviewer: the fields that
 * change, and the rules added, removed or changed (by name), field by field.
 */
final class PolicyDiff {

    private PolicyDiff() {}

    /** A policy the apply creates: {@code + id} and its rules. */
    static List<String> created(Policy policy) {
        return whole("+", policy);
    }

    /** A policy the apply deletes: {@code - id} and its rules. */
    static List<String> deleted(Policy policy) {
        return whole("-", policy);
    }

    /** A policy the apply replaces: {@code ~ id} and what changes in it. */
    static List<String> updated(Policy stored, Policy local) {
        List<String> lines = new ArrayList<>();
        lines.add("~ " + local.id());
        List<String> fields = new ArrayList<>();
        change(fields, "service", stored.service(), local.service());
        change(fields, "description", stored.description(), local.description());
        change(fields, "mode", stored.mode().json(), local.mode().json());
        fields.forEach(field -> lines.add("    " + field));
        Map<String, Rule> before = byName(stored);
        Map<String, Rule> after = byName(local);
        before.forEach((name, rule) -> {
            if (!after.containsKey(name)) {
                lines.add("    - rule " + describe(rule));
            }
        });
        after.forEach((name, rule) -> {
            Rule old = before.get(name);
            if (old == null) {
                lines.add("    + rule " + describe(rule));
            } else if (!old.equals(rule)) {
                lines.add("    ~ rule " + name + ": " + String.join("; ", changes(old, rule)));
            }
        });
        List<String> oldOrder = before.keySet().stream().filter(after::containsKey).toList();
        List<String> newOrder = after.keySet().stream().filter(before::containsKey).toList();
        if (!oldOrder.equals(newOrder)) {
            lines.add("    rule order: " + String.join(", ", oldOrder) + " -> " + String.join(", ", newOrder));
        }
        return lines;
    }

    private static List<String> whole(String sign, Policy policy) {
        List<String> lines = new ArrayList<>();
        lines.add(sign + " " + policy.id() + " (service " + policy.service()
                + (policy.mode().json().equals("enforce") ? "" : ", " + policy.mode().json()) + ")");
        policy.rules().forEach(rule -> lines.add("    " + sign + " rule " + describe(rule)));
        return lines;
    }

    private static List<String> changes(Rule old, Rule rule) {
        List<String> changes = new ArrayList<>();
        change(changes, "effect", old.effect().json(), rule.effect().json());
        change(changes, "principals", old.principals(), rule.principals());
        change(changes, "roles", old.roles(), rule.roles());
        change(changes, "actions", old.actions(), rule.actions());
        change(changes, "kinds", old.kinds(), rule.kinds());
        change(changes, "condition", old.condition(), rule.condition());
        return changes;
    }

    /** A rule on one line: {@code name: allow [actions] for principals [...], roles [...] on kinds [...] if ...}. */
    private static String describe(Rule rule) {
        StringBuilder text = new StringBuilder(rule.name()).append(": ").append(rule.effect().json()).append(' ')
                .append(rule.actions()).append(" for");
        if (!rule.principals().isEmpty()) {
            text.append(" principals ").append(rule.principals());
        }
        if (!rule.roles().isEmpty()) {
            text.append(rule.principals().isEmpty() ? "" : ",").append(" roles ").append(rule.roles());
        }
        if (!rule.kinds().isEmpty()) {
            text.append(" on kinds ").append(rule.kinds());
        }
        if (rule.hasCondition()) {
            text.append(" if ").append(rule.condition());
        }
        return text.toString();
    }

    private static void change(List<String> changes, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(name + ": " + (before == null ? "(none)" : before) + " -> "
                    + (after == null ? "(none)" : after));
        }
    }

    private static Map<String, Rule> byName(Policy policy) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        policy.rules().forEach(rule -> rules.put(rule.name(), rule));
        return rules;
    }
}
