package dev.arbiter.server.metrics;

import dev.arbiter.server.audit.write.DecisionLog;
import dev.arbiter.server.build.BuildInfo;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.service.DecisionMeter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The meters of one server, in its own Prometheus registry (two servers in one JVM, as in tests,
 * do not mix): Arbiter's series, the JVM's and the process's, and Vert.x's HTTP server metrics.
 * Labels are bounded: HTTP series carry the route template, never the path, and the method only
 * when it is a standard one.
 */
public final class ServerMetrics implements AutoCloseable {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics() {
        registry.config()
                // Any token is a method to HTTP: an unknown one must not make a series of its own.
                .meterFilter(MeterFilter.replaceTagValues("method", m -> METHODS.contains(m) ? m : "other"))
                // Vert.x names the chain of routes a request passed ("/v1/*>…>/v1/check"): the last is the endpoint.
                .meterFilter(MeterFilter.replaceTagValues("route", r -> r.substring(r.lastIndexOf('>') + 1)))
                // Series promtool's lint refuses (a unit abbreviated, a gauge named _count); both have better kin.
                .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
                .meterFilter(MeterFilter.denyNameStartsWith("system.cpu.count"));
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        BuildInfo build = BuildInfo.current();
        Gauge.builder("arbiter.build.info", () -> 1).description("The version and commit this replica runs")
                .tag("version", build.version()).tag("commit", build.commit()).register(registry);
    }

    /** A Vert.x that reports its HTTP servers' requests here. */
    public Vertx vertx(VertxOptions options) {
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true)
                .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
                        Label.POOL_NAME))
                .setDisabledMetricsCategories(Set.of(MetricsDomain.EVENT_BUS.name(), MetricsDomain.HTTP_CLIENT.name(),
                        MetricsDomain.NET_CLIENT.name(), MetricsDomain.DATAGRAM_SOCKET.name()));
        return Vertx.builder().with(options.setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(registry)).build();
    }

    /** The meter every decision reports to. */
    public DecisionMeter decisions() {
        return new DecisionMeters(registry);
    }

    /** Exposes what the engine holds and how the decision log fares, read at scrape time. */
    public void observe(DecisionEngine engine, DecisionLog log) {
        StateGauges.register(registry, engine, log);
    }

    /** Every series now, in Prometheus's text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
