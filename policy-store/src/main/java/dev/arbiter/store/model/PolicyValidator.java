package dev.arbiter.store.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks everything about a policy that does not need the CEL compiler: names, patterns, sizes,
 * required lists. Returns every problem at once.
 */
public final class PolicyValidator {

    /** Policy ids and rule names. Never starting with '_' keeps ids apart from endpoint names. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    public static final int MAX_RULES = 1_000;
    public static final int MAX_PATTERNS_PER_LIST = 1_000;
    public static final int MAX_PATTERN_LENGTH = 512;
    public static final int MAX_SERVICE_LENGTH = 255;
    public static final int MAX_DESCRIPTION_LENGTH = 4_096;
    public static final int MAX_CONDITION_LENGTH = 4_096;

    private PolicyValidator() {}

    public static List<Problem> validate(Policy policy) {
        List<Problem> problems = new ArrayList<>();
        if (!NAME.matcher(policy.id()).matches()) {
            problems.add(Problem.at("id", "must match " + NAME.pattern()
                    + " (lower-case letters, digits, '.', '_', '-'; at most 128 characters)"));
        }
        validateService(policy.service(), "service", problems);
        if (policy.description().length() > MAX_DESCRIPTION_LENGTH) {
            problems.add(Problem.at("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        if (policy.rules().size() > MAX_RULES) {
            problems.add(Problem.at("rules", "a policy holds at most " + MAX_RULES + " rules"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < policy.rules().size(); i++) {
            Rule rule = policy.rules().get(i);
            String path = "rules[" + i + "]";
            if (!names.add(rule.name())) {
                problems.add(Problem.inRule(path + ".name", rule.name(), "duplicate rule name; names are unique in a policy"));
            }
            validateRule(rule, path, problems);
        }
        return problems;
    }

    /**
     * The problems of a bundle as a whole; each of its policies is checked on its own with
     * {@link #validate(Policy)}.
     */
    public static List<Problem> validate(PolicyBundle bundle) {
        List<Problem> problems = new ArrayList<>();
        for (String service : bundle.services()) {
            validateService(service, "services", problems);
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < bundle.policies().size(); i++) {
            Policy policy = bundle.policies().get(i);
            String path = "policies[" + i + "]";
            Integer first = firstIndex.putIfAbsent(policy.id(), i);
            if (first != null) {
                problems.add(Problem.at(path + ".id", "duplicate id '" + policy.id() + "'; policies[" + first
                        + "] has it too"));
            }
            if (!bundle.services().contains(policy.service())) {
                problems.add(Problem.at(path + ".service", "'" + policy.service()
                        + "' is not one of the services the bundle governs " + bundle.services()));
            }
        }
        return problems;
    }

    private static void validateService(String service, String path, List<Problem> problems) {
        if (service.isEmpty()) {
            problems.add(Problem.at(path, "a service must not be empty; use \"*\" for every service"));
        } else if (service.length() > MAX_SERVICE_LENGTH) {
            problems.add(Problem.at(path, "a service must be at most " + MAX_SERVICE_LENGTH + " characters"));
        } else if (service.contains("*") && !service.equals(Policy.EVERY_SERVICE)) {
            problems.add(Problem.at(path, "'" + service
                    + "' is matched exactly; only \"*\" on its own means every service"));
        } else if (hasControlCharacter(service)) {
            problems.add(Problem.at(path, "a service must not contain control characters"));
        }
    }

    private static void validateRule(Rule rule, String path, List<Problem> problems) {
        String name = rule.name();
        if (!NAME.matcher(name).matches()) {
            problems.add(Problem.inRule(path + ".name", name, "must match " + NAME.pattern()));
        }
        if (rule.actions().isEmpty()) {
            problems.add(Problem.inRule(path + ".actions", name, "must name at least one action pattern"));
        }
        if (rule.principals().isEmpty() && rule.roles().isEmpty()) {
            problems.add(Problem.inRule(path, name,
                    "needs at least one of principals or roles; use \"roles\": [\"*\"] for every principal"));
        }
        validatePatterns(rule.principals(), path + ".principals", name, problems);
        validatePatterns(rule.roles(), path + ".roles", name, problems);
        validatePatterns(rule.actions(), path + ".actions", name, problems);
        validatePatterns(rule.kinds(), path + ".kinds", name, problems);
        if (rule.hasCondition()) {
            if (rule.condition().isBlank()) {
                problems.add(Problem.inRule(path + ".condition", name,
                        "must not be blank; leave it out for a rule without a condition"));
            } else if (rule.condition().length() > MAX_CONDITION_LENGTH) {
                problems.add(Problem.inRule(path + ".condition", name,
                        "must be at most " + MAX_CONDITION_LENGTH + " characters"));
            }
        }
    }

    private static void validatePatterns(List<String> patterns, String path, String rule, List<Problem> problems) {
        if (patterns.size() > MAX_PATTERNS_PER_LIST) {
            problems.add(Problem.inRule(path, rule, "holds at most " + MAX_PATTERNS_PER_LIST + " entries"));
            return;
        }
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (pattern.isEmpty()) {
                problems.add(Problem.inRule(path + "[" + i + "]", rule, "must not be empty"));
            } else if (pattern.length() > MAX_PATTERN_LENGTH) {
                problems.add(Problem.inRule(path + "[" + i + "]", rule, "must be at most " + MAX_PATTERN_LENGTH + " characters"));
            }
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
