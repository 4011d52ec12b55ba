package dev.arbiter.server.sync;

import dev.arbiter.server.auth.KeyRepository;
import dev.arbiter.store.jdbc.PolicyRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL for the notifications every write sends at commit and applies them at
 * once: policy changes through {@link StoreSync#catchUp()}, key changes by reloading the keys.
 * Runs on a thread of its own with a connection of its own; reconnects by itself with back-off
 * and catches up after every (re)connect, since notifications sent meanwhile are lost. The
 * {@link StoreWatcher} poll stays as the fallback should a notification still go missing.
 */
public final class ChangeFeed implements AutoCloseable {

    /** The application_name of the listening connection, as seen in pg_stat_activity. */
    public static final String APPLICATION_NAME = "arbiter-change-feed";

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());
    private static final int WAIT_MILLIS = 500;
    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** Opens the dedicated listening connection. */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final StoreSync policies;
    private final KeySync keys;
    private final Thread thread;
    private volatile boolean closed;

    public ChangeFeed(Connector connector, StoreSync policies, KeySync keys) {
        this.connector = connector;
        this.policies = policies;
        this.keys = keys;
        this.thread = new Thread(this::run, APPLICATION_NAME);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (!closed) {
            try (Connection connection = connector.open()) {
                listen(connection);
                catchUp();
                backoff = MIN_BACKOFF;
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "change feed interrupted (" + e.getMessage() + "); reconnecting in "
                        + backoff.toMillis() + " ms");
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + PolicyRepository.CHANGE_CHANNEL);
            statement.execute("LISTEN " + KeyRepository.CHANGE_CHANNEL);
        }
    }

    private void catchUp() {
        policies.catchUp();
        keys.reload();
    }

    /** Waits for notifications until closed; a dead connection surfaces as an SQLException. */
    private void receive(PGConnection connection) throws SQLException {
        while (!closed) {
            PGNotification[] notifications = connection.getNotifications(WAIT_MILLIS);
            if (notifications == null || notifications.length == 0) {
                continue;
            }
            boolean policiesChanged = false;
            boolean keysChanged = false;
            for (PGNotification notification : notifications) {
                policiesChanged |= PolicyRepository.CHANGE_CHANNEL.equals(notification.getName());
                keysChanged |= KeyRepository.CHANGE_CHANNEL.equals(notification.getName());
            }
            if (policiesChanged) {
                policies.catchUp();
            }
            if (keysChanged) {
                keys.reload();
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops listening; returns once the thread has ended. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
