package dev.arbiter.server.tracing;

/** An {@code OTEL_*} value found wrong as span export starts: a configuration error, like a bad {@code ARBITER_*} one. */
public final class InvalidTracingConfig extends IllegalArgumentException {

    InvalidTracingConfig(String message, Throwable cause) {
        super(message, cause);
    }
}
