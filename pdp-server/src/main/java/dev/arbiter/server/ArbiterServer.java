package dev.arbiter.server;

import dev.arbiter.server.audit.Audit;
import dev.arbiter.server.auth.AdminBootstrap;
import dev.arbiter.server.auth.KeyRegistry;
import dev.arbiter.server.auth.KeyRepository;
import dev.arbiter.server.build.BuildInfo;
import dev.arbiter.server.db.Database;
import dev.arbiter.server.engine.ConditionCompiler;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.http.HttpApi;
import dev.arbiter.server.http.HttpTransport;
import dev.arbiter.server.http.HttpVerticle;
import dev.arbiter.server.metrics.ServerMetrics;
import dev.arbiter.server.sync.ChangeFeed;
import dev.arbiter.server.sync.KeySync;
import dev.arbiter.server.sync.Readiness;
import dev.arbiter.server.sync.StoreSync;
import dev.arbiter.server.sync.StoreWatcher;
import dev.arbiter.server.tracing.Tracing;
import dev.arbiter.store.jdbc.DirectoryRepository;
import dev.arbiter.store.jdbc.PolicyRepository;
import dev.arbiter.store.jdbc.StoreFeed;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A running Arbiter: database, engine loaded with the stored policies, HTTP servers on every core. */
public final class ArbiterServer implements AutoCloseable {

    /** How often the store is polled for its health, and for changes should a notification go missing. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final int CONDITION_CACHE_SIZE = 100_000;
    private static final Logger LOG = Logger.getLogger(ArbiterServer.class.getName());

    private final Database database;
    private final Audit audit;
    private final ServerMetrics metrics;
    private final Tracing tracing;
    private final Vertx vertx;
    private final ChangeFeed feed;
    private final HttpVerticle http;
    private final Readiness readiness;
    private final Duration drain;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ArbiterServer(Database database, Audit audit, ServerMetrics metrics, Tracing tracing, Vertx vertx,
            ChangeFeed feed, HttpVerticle http, Readiness readiness, Duration drain) {
        this.database = database;
        this.audit = audit;
        this.metrics = metrics;
        this.tracing = tracing;
        this.vertx = vertx;
        this.feed = feed;
        this.http = http;
        this.readiness = readiness;
        this.drain = drain;
        this.port = http.actualPort();
    }

    public static ArbiterServer start(ServerConfig config) throws IOException {
        Database database = Database.open(config);
        try {
            return start(config, database);
        } catch (RuntimeException | IOException e) {
            database.close();
            throw e;
        }
    }

    private static ArbiterServer start(ServerConfig config, Database database) throws IOException {
        PolicyRepository policyRepository = new PolicyRepository(database.dataSource());
        KeyRepository keyRepository = new KeyRepository(database.dataSource());
        PolicyCompiler compiler = new PolicyCompiler(new ConditionCompiler(CONDITION_CACHE_SIZE));
        DecisionEngine engine = new DecisionEngine();
        StoreSync sync = new StoreSync(new StoreFeed(database.dataSource()), compiler, engine);
        sync.loadAll();
        AdminBootstrap bootstrap = new AdminBootstrap(config, keyRepository);
        bootstrap.ensureConfiguredToken();
        KeyRegistry keys = new KeyRegistry();
        KeySync keySync = new KeySync(keyRepository, keys);
        keySync.reload();
        Readiness readiness = new Readiness();
        readiness.ready();
        Audit audit = Audit.start(config.audit(), database.dataSource(), config.dataDir());

        ServerMetrics metrics = new ServerMetrics();
        metrics.observe(engine, audit.log());
        Vertx vertx = metrics.vertx(HttpTransport.vertxOptions());
        Blocking blocking = new Blocking(vertx.createSharedWorkerExecutor("arbiter-db", Database.POOL_SIZE));
        ChangeFeed feed = new ChangeFeed(() -> database.openDedicatedConnection(ChangeFeed.APPLICATION_NAME), sync,
                keySync);
        Tracing tracing = Tracing.OFF;
        try {
            tracing = Tracing.start(config.tracing());
            HttpApi api = ServiceWiring.httpApi(vertx, blocking, new ServiceWiring.Parts(config, database,
                    policyRepository, keyRepository, new DirectoryRepository(database.dataSource()), compiler, engine,
                    sync, keys, readiness, audit, metrics, tracing));
            HttpVerticle http = deploy(vertx, api, config);
            // Only once the port is ours: a server that cannot start must not hand out a token.
            if (bootstrap.generateTokenIfNoKey()) {
                keySync.reload();
            }
            feed.start();
            watch(vertx, blocking, new StoreWatcher(sync, keySync, readiness));
            LOG.info("Arbiter " + BuildInfo.current().describe() + " serves " + (config.tls().isPresent() ? "https://" : "http://") + config.httpHost() + ":"
                    + http.actualPort() + " with " + engine.policies().size() + " policies at revision "
                    + engine.policies().revision() + ", " + database.description() + ", "
                    + HttpTransport.describe(vertx));
            return new ArbiterServer(database, audit, metrics, tracing, vertx, feed, http, readiness,
                    config.shutdownDrain());
        } catch (RuntimeException | IOException e) {
            feed.close();
            vertx.close().await();
            metrics.close();
            tracing.close();
            audit.close();
            throw e;
        }
    }

    /**
     * One HTTP verticle per core, sharing one listening port. A configured port 0 asks for a random
     * one; Vert.x shares a random port among instances only when it is asked for as -1. Answers
     * the first verticle, which knows the port bound.
     */
    private static HttpVerticle deploy(Vertx vertx, HttpApi api, ServerConfig config) throws IOException {
        int port = config.httpPort() == 0 ? -1 : config.httpPort();
        HttpVerticle first = new HttpVerticle(api, config.tls(), config.httpHost(), port);
        try {
            vertx.deployVerticle(first).await();
        } catch (Exception e) { // the native transport's bind failure arrives as an undeclared IOException
            throw PortInUse.explain(e, config);
        }
        int others = Runtime.getRuntime().availableProcessors() - 1;
        if (others > 0) {
            vertx.deployVerticle(() -> new HttpVerticle(api, config.tls(), config.httpHost(), port),
                    new DeploymentOptions().setInstances(others)).await();
        }
        return first;
    }

    /** Polls on a worker, skipping a tick while the previous poll still runs (a hung database). */
    private static void watch(Vertx vertx, Blocking blocking, StoreWatcher watcher) {
        AtomicBoolean polling = new AtomicBoolean();
        vertx.setPeriodic(POLL_INTERVAL.toMillis(), timer -> {
            if (polling.compareAndSet(false, true)) {
                blocking.run(() -> {
                    watcher.poll();
                    return null;
                }).onComplete(done -> polling.set(false));
            }
        });
    }

    /**
     * Load balancers follow readiness, not the process: for the drain period they see a replica
     * that is going away and stop sending, while what they still send is answered.
     */
    private void drain() {
        if (drain.isZero()) {
            return;
        }
        readiness.draining();
        LOG.info("Arbiter is draining for " + drain.toMillis() + " ms: readiness answers 503, requests are still"
                + " answered");
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    /** The routes of the HTTP API, in the order they are tried (the same on every event loop). */
    public List<Route> routes() {
        return http.routes();
    }

    /**
     * Drains (readiness fails while every request is still answered), then stops taking requests,
     * lets those in flight finish, flushes the decision log and stops the database. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        drain();
        LOG.info("Arbiter is shutting down");
        feed.close();
        try {
            vertx.close().await();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the HTTP servers did not stop cleanly", e);
        }
        metrics.close();
        tracing.close();
        audit.close();
        try {
            database.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the database did not close cleanly", e);
        }
        LOG.info("Arbiter stopped");
    }
}
