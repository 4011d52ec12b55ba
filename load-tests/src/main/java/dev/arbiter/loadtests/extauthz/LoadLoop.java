package dev.arbiter.loadtests.extauthz;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed loop of requests: a fixed number in flight, each answered one followed at once by the
 * next, for a given time; latencies kept for percentiles. An answer that is not a success
 * (HTTP 200 and, for gRPC, grpc-status 0) is counted as failed and stops the run.
 */
final class LoadLoop {

    /** Throughput and latencies of one run. */
    record Result(long answered, long nanos, long[] sortedLatencies) {

        double perSecond() {
            return answered * 1e9 / nanos;
        }

        double micros(double percentile) {
            int index = (int) Math.min(sortedLatencies.length - 1, Math.floor(percentile / 100 * sortedLatencies.length));
            return sortedLatencies.length == 0 ? 0 : sortedLatencies[index] / 1_000.0;
        }
    }

    private final HttpClient client;
    private final RequestOptions target;
    private final Buffer body;
    private final List<String> headers;
    private final int inFlight;
    private final boolean grpc;

    private LoadLoop(HttpClient client, RequestOptions target, Buffer body, List<String> headers, int inFlight,
            boolean grpc) {
        this.client = client;
        this.target = target;
        this.body = body;
        this.headers = headers;
        this.inFlight = inFlight;
        this.grpc = grpc;
    }

    /** HTTP/1.1, one request in flight per connection. */
    static LoadLoop http1(Vertx vertx, URI base, int inFlight, String path, Buffer body, List<String> headers) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(inFlight));
        return new LoadLoop(client, options(base, path), body, headers, inFlight, false);
    }

    /** Envoy's gRPC client: HTTP/2 with prior knowledge, {@code connections} connections sharing the streams. */
    static LoadLoop grpc(Vertx vertx, URI base, int connections, int inFlight, Buffer frame, List<String> headers) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false).setHttp2MultiplexingLimit((inFlight + connections - 1) / connections),
                new PoolOptions().setHttp2MaxSize(connections));
        return new LoadLoop(client, options(base, "/envoy.service.auth.v3.Authorization/Check"), frame, headers,
                inFlight, true);
    }

    private static RequestOptions options(URI base, String path) {
        return new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost()).setPort(base.getPort())
                .setURI(path);
    }

    Result run(long millis) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MILLISECONDS.toNanos(millis);
        long[][] latencies = new long[inFlight][];
        int[] counts = new int[inFlight];
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(inFlight);
        for (int worker = 0; worker < inFlight; worker++) {
            latencies[worker] = new long[1 << 16];
            next(worker, deadline, latencies, counts, failures, done);
        }
        done.await();
        long elapsed = System.nanoTime() - started;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int worker = 0; worker < inFlight; worker++) {
            System.arraycopy(latencies[worker], 0, all, at, counts[worker]);
            at += counts[worker];
        }
        Arrays.sort(all);
        return new Result(total, elapsed, all);
    }

    private void next(int worker, long deadline, long[][] latencies, int[] counts, AtomicInteger failures,
            CountDownLatch done) {
        long sent = System.nanoTime();
        if (sent >= deadline || failures.get() > 0) {
            done.countDown();
            return;
        }
        client.request(target).compose(request -> {
            for (int i = 0; i < headers.size(); i += 2) {
                request.putHeader(headers.get(i), headers.get(i + 1));
            }
            return request.send(body).compose(response -> response.body().map(answer -> response.statusCode() == 200
                    && (!grpc || "0".equals(response.getTrailer("grpc-status")))));
        }).onComplete(result -> {
            if (result.succeeded() && result.result()) {
                if (counts[worker] == latencies[worker].length) {
                    latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                }
                latencies[worker][counts[worker]++] = System.nanoTime() - sent;
            } else {
                failures.incrementAndGet();
            }
            next(worker, deadline, latencies, counts, failures, done);
        });
    }
}
