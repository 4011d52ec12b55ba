package dev.arbiter.server.engine;

import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.Problem;
import dev.arbiter.store.model.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds attribute names in conditions that are likely typos. An attribute is suspect when no
 * other rule reads it and a name within a small edit distance is read by another rule
 * ({@code resource.attr.ammount} next to {@code resource.attr.amount}); an attribute no other rule
 * reads and with no such neighbour is taken as new, not as a typo. A name the directory holds is
 * no typo, and is a neighbour to suggest (a condition may well read only stored facts). Reading a member that
 * {@code principal} or {@code resource} never has ({@code principal.ids}) is always reported.
 */
final class AttributeTypos {

    private static final Map<String, List<String>> FIELDS = Map.of(
            "principal", List.of("attr", "id", "roles", "type"),
            "resource", List.of("attr", "id", "kind", "service"));
    private static final Set<String> ATTRIBUTE_OBJECTS = Set.of("principal.attr", "resource.attr", "context",
            "actionAttr");

    private final PolicyCompiler compiler;
    /** Attribute path to the rules ({@code policy/rule}) reading it. */
    private final Map<String, Set<String>> readers = new HashMap<>();
    private final String scope;
    private final String service;
    private final DirectoryAttributes directory;

    private AttributeTypos(PolicyCompiler compiler, String scope, String service, DirectoryAttributes directory) {
        this.compiler = compiler;
        this.scope = scope;
        this.service = service;
        this.directory = directory;
    }

    /**
     * @param others the other stored policies whose rules count as "other rules"
     * @param scope how those policies are described in messages, e.g. {@code service payments or "*"}
     */
    static List<Warning> find(Policy candidate, List<Policy> others, String scope, DirectoryAttributes directory,
            PolicyCompiler compiler) {
        AttributeTypos typos = new AttributeTypos(compiler, scope, candidate.service(), directory);
        others.forEach(typos::addReaders);
        typos.addReaders(candidate);
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < candidate.rules().size(); i++) {
            Rule rule = candidate.rules().get(i);
            if (rule.hasCondition()) {
                typos.check(rule, candidate.id() + "/" + rule.name(), "rules[" + i + "].condition", warnings);
            }
        }
        return warnings;
    }

    private void addReaders(Policy policy) {
        for (Rule rule : policy.rules()) {
            if (rule.hasCondition()) {
                for (AttributeRead read : compiler.attributeReads(rule.condition())) {
                    readers.computeIfAbsent(read.path(), path -> new TreeSet<>()).add(policy.id() + "/" + rule.name());
                }
            }
        }
    }

    private void check(Rule rule, String self, String path, List<Warning> warnings) {
        Map<String, AttributeRead> distinct = new LinkedHashMap<>();
        compiler.attributeReads(rule.condition()).forEach(read -> distinct.putIfAbsent(read.path(), read));
        for (AttributeRead read : distinct.values()) {
            if (FIELDS.containsKey(read.object()) && !FIELDS.get(read.object()).contains(read.name())) {
                warnings.add(warning(Warning.UNKNOWN_FIELD, read, rule, path, read.path() + " is never present: "
                        + read.object() + " has only " + String.join(", ", FIELDS.get(read.object()))
                        + "; reading it fails the evaluation (a deny rule then denies)"));
            } else if (ATTRIBUTE_OBJECTS.contains(read.object()) && !readByOthers(read.path(), self)
                    && !directory.names(read.object(), service).contains(read.name())) {
                String suggestion = closestReadByOthers(read, self);
                String stored = closestInDirectory(read);
                if (suggestion != null) {
                    warnings.add(warning(Warning.POSSIBLE_TYPO, read, rule, path, "no other rule for " + scope
                            + " reads " + read.path() + "; did you mean " + suggestion + ", which "
                            + otherReader(suggestion, self) + " reads?"));
                } else if (stored != null) {
                    warnings.add(warning(Warning.POSSIBLE_TYPO, read, rule, path, "the directory holds no "
                            + read.path() + " and no other rule for " + scope + " reads it; did you mean "
                            + stored + ", which the directory holds?"));
                }
            }
        }
    }

    /** The attribute of the same object, read by another rule, closest in spelling within the typo limit. */
    private String closestReadByOthers(AttributeRead read, String self) {
        String prefix = read.object() + ".";
        List<String> names = new ArrayList<>();
        for (String path : readers.keySet()) {
            String name = path.startsWith(prefix) ? path.substring(prefix.length()) : null;
            if (name != null && name.indexOf('.') < 0 && readByOthers(path, self)) {
                names.add(name);
            }
        }
        return closest(read, names);
    }

    /** The attribute of the same object the directory holds, closest in spelling within the typo limit. */
    private String closestInDirectory(AttributeRead read) {
        return closest(read, directory.names(read.object(), service));
    }

    private static String closest(AttributeRead read, Collection<String> names) {
        TreeMap<Integer, String> byDistance = new TreeMap<>();
        for (String name : new TreeSet<>(names)) {
            int distance = EditDistance.between(read.name(), name);
            if (distance > 0 && distance <= EditDistance.typoLimit(read.name(), name)) {
                byDistance.putIfAbsent(distance, name);
            }
        }
        return byDistance.isEmpty() ? null : read.object() + "." + byDistance.firstEntry().getValue();
    }

    private boolean readByOthers(String path, String self) {
        Set<String> names = readers.get(path);
        return names != null && (names.size() > 1 || !names.contains(self));
    }

    private String otherReader(String path, String self) {
        return readers.get(path).stream().filter(name -> !name.equals(self)).findFirst().orElseThrow();
    }

    private static Warning warning(String code, AttributeRead read, Rule rule, String path, String message) {
        return new Warning(code, new Problem(path, rule.name(), message,
                read.line() > 0 ? read.line() : null, read.column() > 0 ? read.column() : null));
    }
}
