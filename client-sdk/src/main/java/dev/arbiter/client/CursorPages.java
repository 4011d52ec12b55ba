package dev.arbiter.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The items of a listing paged by cursor (decision-log records, directory entries), fetched a page
 * at a time as iteration reaches the end of the one before: a page is read only when an item of it
 * is asked for.
 */
final class CursorPages<T> implements Iterator<T> {

    /** One page: its items and the cursor of the next, null after the last. */
    record Page<T>(List<T> items, String nextCursor) {}

    /** Fetches the page at a cursor (null: the first). */
    private final Function<String, Page<T>> fetch;
    private Iterator<T> current;
    private String nextCursor;

    CursorPages(Function<String, Page<T>> fetch) {
        this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
        while (current == null || !current.hasNext() && nextCursor != null) {
            Page<T> page = fetch.apply(current == null ? null : nextCursor);
            current = page.items().iterator();
            nextCursor = page.nextCursor();
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
