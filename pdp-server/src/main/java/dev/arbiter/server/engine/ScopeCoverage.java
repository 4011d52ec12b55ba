package dev.arbiter.server.engine;

import dev.arbiter.store.model.Rule;
import java.util.List;

/**
 * Decides, conservatively, whether every request one rule matches is matched by another:
 * answers true only when that is certain from the patterns alone; false may mean "not sure".
 */
final class ScopeCoverage {

    private static final String EVERY_ROLE = "*";

    private ScopeCoverage() {}

    /** Whether {@code broader} matches (action, principal, kind) every request {@code narrower} matches. */
    static boolean covers(Rule broader, Rule narrower) {
        return patternsCover(broader.actions(), narrower.actions())
                && principalsCover(broader, narrower)
                && (broader.kinds().isEmpty() || (!narrower.kinds().isEmpty()
                        && patternsCover(broader.kinds(), narrower.kinds())));
    }

    private static boolean principalsCover(Rule broader, Rule narrower) {
        if (broader.roles().contains(EVERY_ROLE)) {
            return true;
        }
        return !narrower.roles().contains(EVERY_ROLE)
                && broader.roles().containsAll(narrower.roles())
                && patternsCover(broader.principals(), narrower.principals());
    }

    /** Every pattern of {@code narrower} is covered by one of {@code broader}. */
    private static boolean patternsCover(List<String> broader, List<String> narrower) {
        return narrower.stream().allMatch(pattern -> broader.stream().anyMatch(wide -> covers(wide, pattern)));
    }

    /**
     * Whether glob {@code wide} matches every string glob {@code pattern} matches: when they are
     * equal, when {@code pattern} is literal and {@code wide} matches it, or when {@code wide} is
     * {@code prefix*} (or {@code *suffix}) and every match of {@code pattern} has that prefix (suffix).
     */
    static boolean covers(String wide, String pattern) {
        if (wide.equals(pattern) || (Glob.isLiteral(pattern) && Glob.compile(wide).matches(pattern))) {
            return true;
        }
        int star = wide.indexOf('*');
        if (star == wide.length() - 1) {
            return literalPrefix(pattern).startsWith(wide.substring(0, star));
        }
        if (star == 0 && wide.lastIndexOf('*') == 0) {
            return literalSuffix(pattern).endsWith(wide.substring(1));
        }
        return false;
    }

    private static String literalPrefix(String pattern) {
        return pattern.substring(0, pattern.indexOf('*'));
    }

    private static String literalSuffix(String pattern) {
        return pattern.substring(pattern.lastIndexOf('*') + 1);
    }
}
