package dev.arbiter.server.service;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.sync.StoreSync;
import io.vertx.core.Future;
import java.util.concurrent.Callable;

/**
 * Runs writes to the store on a worker and loads what they stored into this replica before
 * answering, so a write is visible to the very next check here (read-your-writes).
 */
public final class StoreWrites {

    private final Blocking blocking;
    private final StoreSync sync;

    public StoreWrites(Blocking blocking, StoreSync sync) {
        this.blocking = blocking;
        this.sync = sync;
    }

    <T> Future<T> write(Callable<T> write) {
        return blocking.run(() -> {
            T written = write.call();
            sync.catchUp();
            return written;
        });
    }

    /** Blocking work that writes nothing. */
    <T> Future<T> read(Callable<T> read) {
        return blocking.run(read);
    }
}
