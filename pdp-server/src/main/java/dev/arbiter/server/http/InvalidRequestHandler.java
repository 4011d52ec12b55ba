package dev.arbiter.server.http;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers requests that are not HTTP the server can parse (a request line or headers too long,
 * malformed header lines, framing that does not add up) with the JSON error envelope, like every
 * other error, and closes the connection: after such a request, where the next one starts is unknown.
 */
final class InvalidRequestHandler implements Handler<HttpServerRequest> {

    @Override
    public void handle(HttpServerRequest request) {
        ApiException error = translate(request.decoderResult().cause());
        request.response()
                .setStatusCode(error.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Responses.JSON)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .end(Responses.bytes(Responses.error(error)));
    }

    static ApiException translate(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return new ApiException(ErrorCode.URI_TOO_LONG, "the request line is longer than the server accepts");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new ApiException(ErrorCode.HEADERS_TOO_LARGE, "the request headers are larger than the server accepts");
        }
        return new ApiException(ErrorCode.MALFORMED_HTTP,
                "the request is not well-formed HTTP/1.1" + (cause == null ? "" : ": " + cause.getMessage()));
    }
}
