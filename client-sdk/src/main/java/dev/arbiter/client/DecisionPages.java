package dev.arbiter.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The records of a decision-log query, newest first, fetched a page at a time as iteration
 * reaches the end of the one before: a page is read only when a record of it is asked for.
 */
final class DecisionPages implements Iterator<LoggedDecision> {

    /** Fetches the page at a cursor (null: the first). */
    private final Function<String, DecisionLogJson.Page> fetch;
    private Iterator<LoggedDecision> current;
    private String nextCursor;

    DecisionPages(Function<String, DecisionLogJson.Page> fetch) {
        this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
        while (current == null || !current.hasNext() && nextCursor != null) {
            DecisionLogJson.Page page = fetch.apply(current == null ? null : nextCursor);
            current = page.decisions().iterator();
            nextCursor = page.nextCursor();
        }
        return current.hasNext();
    }

    @Override
    public LoggedDecision next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
