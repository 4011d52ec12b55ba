package dev.arbiter.server.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A list of glob patterns matched as one: literal patterns by hash lookup, the rest in turn. */
final class PatternSet {

    private final Set<String> literals;
    private final Glob[] wildcards;

    private PatternSet(Set<String> literals, Glob[] wildcards) {
        this.literals = literals;
        this.wildcards = wildcards;
    }

    static PatternSet of(List<String> patterns) {
        Set<String> literals = new HashSet<>();
        List<Glob> wildcards = new ArrayList<>();
        for (String pattern : patterns) {
            if (Glob.isLiteral(pattern)) {
                literals.add(pattern);
            } else {
                wildcards.add(Glob.compile(pattern));
            }
        }
        return new PatternSet(Set.copyOf(literals), wildcards.toArray(Glob[]::new));
    }

    boolean matches(String value) {
        if (literals.contains(value)) {
            return true;
        }
        for (Glob glob : wildcards) {
            if (glob.matches(value)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return literals.isEmpty() && wildcards.length == 0;
    }

    /** The literal patterns, for indexing. */
    Set<String> literals() {
        return literals;
    }

    boolean hasWildcards() {
        return wildcards.length > 0;
    }
}
