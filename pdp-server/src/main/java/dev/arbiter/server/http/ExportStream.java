package dev.arbiter.server.http;

import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.service.DecisionLogService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Carries an export from the worker that reads the database to the HTTP response. Rows are
 * formatted into chunks on the worker; each chunk is written on the response's event loop, and
 * when the client reads slower than the database delivers the worker waits for the response to
 * drain, so memory holds at most a chunk and the response's write queue.
 */
final class ExportStream implements DecisionLogService.Export {

    private static final int CHUNK_BYTES = 64 * 1024;
    /** A client that reads nothing for this long is given up on. */
    private static final Duration STALLED = Duration.ofSeconds(60);

    private final RoutingContext ctx;
    private final Context context;
    private final HttpServerResponse response;
    private final ExportFormat format;
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 4_096);
    private volatile CompletableFuture<Void> writable = CompletableFuture.completedFuture(null);
    private volatile boolean started;

    /** Call on the request's event loop. */
    ExportStream(RoutingContext ctx, ExportFormat format) {
        this.ctx = ctx;
        this.context = Vertx.currentContext();
        this.response = ctx.response();
        this.format = format;
        response.closeHandler(closed -> writable.completeExceptionally(new IOException("the client went away")));
    }

    @Override
    public void start() throws IOException {
        started = true;
        context.runOnContext(ignored -> response.setStatusCode(200).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, format.contentType()));
        format.start(chunk);
    }

    @Override
    public void accept(LoggedDecision record) throws IOException {
        format.write(record, chunk);
        if (chunk.size() >= CHUNK_BYTES) {
            flush();
        }
    }

    /** Writes what is left and ends the response. */
    @Override
    public void finish() throws IOException {
        flush();
        context.runOnContext(ignored -> response.end());
    }

    /**
     * Before the first byte, the failure becomes the usual JSON error; after it, the connection is
     * reset so the client cannot take a cut-off export for a whole one.
     */
    @Override
    public void fail(Throwable failure) {
        context.runOnContext(ignored -> {
            if (!started) {
                ctx.fail(failure);
            } else if (!response.closed()) {
                response.reset();
            }
        });
    }

    private void flush() throws IOException {
        if (chunk.size() == 0) {
            return;
        }
        Buffer buffer = Buffer.buffer(chunk.toByteArray());
        chunk.reset();
        CompletableFuture<Void> next = new CompletableFuture<>();
        writable = next;
        context.runOnContext(ignored -> {
            if (response.closed()) {
                next.completeExceptionally(new IOException("the client went away"));
                return;
            }
            response.write(buffer);
            if (response.writeQueueFull()) {
                response.drainHandler(drained -> next.complete(null));
            } else {
                next.complete(null);
            }
        });
        try {
            next.get(STALLED.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the client read nothing for " + STALLED.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the export was interrupted", e);
        }
    }
}
