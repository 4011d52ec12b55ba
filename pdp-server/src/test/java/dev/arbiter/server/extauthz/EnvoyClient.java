package dev.arbiter.server.extauthz;

import dev.arbiter.envoy.service.auth.v3.CheckRequest;
import dev.arbiter.envoy.service.auth.v3.CheckResponse;
import dev.arbiter.server.testing.TestCertificates;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speaks to Arbiter as Envoy does: gRPC over HTTP/2 without TLS on one pooled connection
 * (prior knowledge, as Envoy's clusters with http2_protocol_options), and the HTTP mode's plain
 * requests. Every answer is read whole, trailers included.
 */
final class EnvoyClient implements AutoCloseable {

    static final String CHECK_PATH = "/envoy.service.auth.v3.Authorization/Check";

    /** An answer as the transport delivered it. */
    record Answer(int httpStatus, MultiMap headers, Buffer body, MultiMap trailers) {

        /** The gRPC status: from the trailers, or from the headers of a trailers-only answer; null when absent. */
        String grpcStatus() {
            String status = trailers.get("grpc-status");
            return status != null ? status : headers.get("grpc-status");
        }

        /** The one message of a gRPC answer, read as Envoy reads it. */
        CheckResponse checkResponse() throws Exception {
            if (body.length() < 5 || body.getByte(0) != 0 || body.getInt(1) != body.length() - 5) {
                throw new AssertionError("not one gRPC message: " + body.length() + " bytes");
            }
            return CheckResponse.parseFrom(body.getBytes(5, body.length()));
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient h2;
    private final HttpClient h1;
    private final int port;

    EnvoyClient(int port) {
        this(port, new HttpClientOptions());
    }

    /** Over TLS with the workload certificate in {@code files}, HTTP/2 negotiated by ALPN as Envoy does. */
    EnvoyClient(int port, TestCertificates.ServerFiles files) {
        this(port, new HttpClientOptions().setSsl(true).setUseAlpn(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(files.ca().toString()))
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(files.certificate().toString())
                        .setKeyPath(files.key().toString())));
    }

    private EnvoyClient(int port, HttpClientOptions options) {
        this.port = port;
        this.h2 = vertx.createHttpClient(new HttpClientOptions(options).setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false), new PoolOptions().setHttp2MaxSize(1));
        this.h1 = vertx.createHttpClient(options, new PoolOptions());
    }

    /** Envoy's Check call with the key in the initial metadata, as grpc_service.initial_metadata sends it. */
    Answer check(CheckRequest request, String key) {
        return grpc(frame(request.toByteArray()), key, "application/grpc");
    }

    /** A gRPC call with any body and content type; {@code key} null sends no authorization. */
    Answer grpc(Buffer body, String key, String contentType) {
        return send(h2, HttpMethod.POST, CHECK_PATH, null, body,
                key == null ? List.of("content-type", contentType, "te", "trailers", "grpc-timeout", "200m")
                        : List.of("content-type", contentType, "te", "trailers", "grpc-timeout", "200m",
                                "authorization", "Bearer " + key));
    }

    /** Starts a Check call and answers once it is answered; for many calls in flight on one connection. */
    Future<Answer> checkAsync(CheckRequest request, String key) {
        return sendAsync(h2, HttpMethod.POST, CHECK_PATH, null, frame(request.toByteArray()),
                List.of("content-type", "application/grpc", "te", "trailers", "authorization", "Bearer " + key));
    }

    /** An HTTP/2 request of any kind, e.g. a gRPC call with headers of the test's choosing. */
    Answer http2(String path, Buffer body, List<String> headers) {
        return send(h2, HttpMethod.POST, path, null, body, headers);
    }

    /** The same, for requests the server may refuse by resetting the stream rather than answering. */
    Future<Answer> http2Async(String path, Buffer body, List<String> headers) {
        return sendAsync(h2, HttpMethod.POST, path, null, body, headers);
    }

    /** An HTTP/1.1 request, e.g. the HTTP mode's; {@code authority} null for Arbiter's own. */
    Answer http1(HttpMethod method, String path, String authority, Buffer body, List<String> headers) {
        return send(h1, method, path, authority, body, headers);
    }

    static Buffer frame(byte[] message) {
        return Buffer.buffer().appendByte((byte) 0).appendInt(message.length).appendBytes(message);
    }

    private Answer send(HttpClient client, HttpMethod method, String path, String authority, Buffer body,
            List<String> headers) {
        try {
            return sendAsync(client, method, path, authority, body, headers).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    private Future<Answer> sendAsync(HttpClient client, HttpMethod method, String path, String authority,
            Buffer body, List<String> headers) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(path);
        return client.request(options).compose(request -> {
            if (authority != null) {
                request.authority(HostAndPort.parseAuthority(authority, -1));
            }
            for (int i = 0; i < headers.size(); i += 2) {
                request.headers().add(headers.get(i), headers.get(i + 1));
            }
            return (body == null ? request.send() : request.send(body)).compose(response -> response.body()
                    .map(answered -> new Answer(response.statusCode(), response.headers(), answered,
                            response.trailers())));
        });
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
