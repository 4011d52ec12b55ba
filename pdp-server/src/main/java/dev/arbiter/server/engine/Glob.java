package dev.arbiter.server.engine;

/**
 * A pattern where {@code *} matches any run of characters (none included, '/' and ':' included)
 * and everything else is literal; matching is case-sensitive and covers the whole string.
 */
sealed interface Glob {

    boolean matches(String value);

    static boolean isLiteral(String pattern) {
        return pattern.indexOf('*') < 0;
    }

    static Glob compile(String pattern) {
        return isLiteral(pattern) ? new Literal(pattern) : new Wildcard(pattern.split("\\*", -1));
    }

    record Literal(String value) implements Glob {
        @Override
        public boolean matches(String candidate) {
            return value.equals(candidate);
        }
    }

    /**
     * A pattern with at least one {@code *}: {@code parts} are the literal runs between stars, so
     * the first must be a prefix, the last a suffix, and the others must appear in order between.
     * Taking the leftmost occurrence of each middle part is always safe, since stars can absorb
     * anything in between.
     */
    record Wildcard(String[] parts) implements Glob {
        @Override
        public boolean matches(String candidate) {
            String prefix = parts[0];
            String suffix = parts[parts.length - 1];
            if (candidate.length() < prefix.length() + suffix.length()
                    || !candidate.startsWith(prefix)
                    || !candidate.endsWith(suffix)) {
                return false;
            }
            int from = prefix.length();
            int end = candidate.length() - suffix.length();
            for (int i = 1; i < parts.length - 1; i++) {
                int found = candidate.indexOf(parts[i], from);
                if (found < 0 || found + parts[i].length() > end) {
                    return false;
                }
                from = found + parts[i].length();
            }
            return true;
        }
    }
}
