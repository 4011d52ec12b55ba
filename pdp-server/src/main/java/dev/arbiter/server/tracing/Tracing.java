package dev.arbiter.server.tracing;

import dev.arbiter.server.service.DecisionSpans;

/**
 * Span export for the server's lifetime. {@link #OFF} unless configured: then no OpenTelemetry
 * class is even loaded, let alone an exporter thread started.
 */
public interface Tracing extends AutoCloseable {

    Tracing OFF = new Tracing() {
        @Override
        public DecisionSpans spans() {
            return DecisionSpans.OFF;
        }

        @Override
        public void close() {}
    };

    /**
     * Export as {@code config} says.
     *
     * @throws InvalidTracingConfig when an {@code OTEL_*} value the SDK reads is not valid
     */
    static Tracing start(TracingConfig config) {
        return config.exports() ? OtlpTracing.start(config) : OFF;
    }

    /** What the decision service reports its calls to. */
    DecisionSpans spans();

    /** Exports the spans still buffered, then stops the exporter. */
    @Override
    void close();
}
