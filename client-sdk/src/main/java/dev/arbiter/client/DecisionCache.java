package dev.arbiter.client;

/** Decisions already made for equal requests; the default cache holds nothing. */
sealed interface DecisionCache permits DecisionCache.Disabled, CaffeineDecisionCache {

    /** A cached decision for {@code request} at least as new as its minRevision, or null. */
    Decision find(CheckRequest request);

    /** Keeps {@code decision} (made by the server for {@code request}) and learns its revision. */
    void remember(CheckRequest request, Decision decision);

    /** @param ticker the clock of the decisions' lifetimes */
    static DecisionCache create(CacheSettings settings, Ticker ticker) {
        if (settings == null) {
            return Disabled.INSTANCE;
        }
        try {
            Class.forName("com.github.benmanes.caffeine.cache.Caffeine", false, DecisionCache.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the decision cache needs Caffeine on the class path: add "
                    + "com.github.ben-manes.caffeine:caffeine to the service's dependencies", e);
        }
        return new CaffeineDecisionCache(settings, ticker);
    }

    enum Disabled implements DecisionCache {
        INSTANCE;

        @Override
        public Decision find(CheckRequest request) {
            return null;
        }

        @Override
        public void remember(CheckRequest request, Decision decision) {
            // nothing is kept
        }
    }
}
