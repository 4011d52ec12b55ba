package dev.arbiter.server.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import dev.arbiter.server.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gRPC wire protocol for one unary call over HTTP/2 (grpc/doc/PROTOCOL-HTTP2.md): the request
 * body is one length-prefixed message, the answer one such message followed by trailers carrying
 * {@code grpc-status}; an error is a "trailers-only" answer, the status in the headers. Vert.x's
 * HTTP/2 server does the framing below; this adds the few bytes and headers gRPC puts on top.
 */
final class GrpcUnary {

    static final String CONTENT_TYPE = "application/grpc";
    private static final CharSequence GRPC = HttpHeaders.createOptimized(CONTENT_TYPE);
    private static final String STATUS = "grpc-status";
    private static final String MESSAGE = "grpc-message";
    private static final int PREFIX = 5;
    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,8})([HMSmun])");

    private GrpcUnary() {}

    /** Whether {@code request} is a gRPC call: HTTP/2 with a gRPC content type. */
    static boolean isGrpc(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return request.version() == HttpVersion.HTTP_2 && type != null
                && type.regionMatches(true, 0, CONTENT_TYPE, 0, CONTENT_TYPE.length())
                && (type.length() == CONTENT_TYPE.length() || type.charAt(CONTENT_TYPE.length()) == '+'
                        || type.charAt(CONTENT_TYPE.length()) == ';');
    }

    /** The one message of a unary call's body; anything else is refused (400, INVALID_ARGUMENT). */
    static <M extends MessageLite> M message(Buffer body, Parser<M> parser) {
        if (body == null || body.length() < PREFIX) {
            throw ApiException.badRequest("the body is not a gRPC message: fewer than " + PREFIX + " bytes");
        }
        if (body.getByte(0) != 0) {
            throw ApiException.badRequest("compressed gRPC messages are not accepted");
        }
        long length = body.getUnsignedInt(1);
        if (length != body.length() - PREFIX) {
            throw ApiException.badRequest("the body is not one gRPC message: its prefix announces " + length
                    + " bytes, " + (body.length() - PREFIX) + " follow");
        }
        try {
            return parser.parseFrom(body.getBytes(PREFIX, body.length()));
        } catch (InvalidProtocolBufferException e) {
            throw ApiException.badRequest("the gRPC message cannot be read: " + e.getMessage());
        }
    }

    /** Answers with {@code message} and status OK. */
    static void reply(HttpServerResponse response, MessageLite message) {
        byte[] bytes = message.toByteArray();
        Buffer frame = Buffer.buffer(PREFIX + bytes.length).appendByte((byte) 0).appendInt(bytes.length)
                .appendBytes(bytes);
        response.putHeader(HttpHeaders.CONTENT_TYPE, GRPC);
        response.putTrailer(STATUS, "0");
        response.end(frame);
    }

    /** Answers with an error status and no message ("trailers-only"). */
    static void fail(HttpServerResponse response, GrpcStatus status, String message) {
        response.putHeader(HttpHeaders.CONTENT_TYPE, GRPC);
        response.putHeader(STATUS, Integer.toString(status.code()));
        response.putHeader(MESSAGE, percentEncoded(message));
        response.end();
    }

    /** The caller gave up waiting: its {@code grpc-timeout} passed before the answer was ready. */
    static final class DeadlineExceeded extends RuntimeException {
        DeadlineExceeded() {
            super("no answer within the grpc-timeout", null, false, false);
        }
    }

    /**
     * A {@code grpc-timeout} header's value in milliseconds (at least 1), or -1 for none; a value
     * that is not a gRPC timeout is refused.
     */
    static long timeoutMillis(String timeout) {
        if (timeout == null) {
            return -1;
        }
        Matcher matcher = TIMEOUT.matcher(timeout);
        if (!matcher.matches()) {
            throw ApiException.badRequest("grpc-timeout must be up to 8 digits and a unit (H, M, S, m, u, n)");
        }
        long amount = Long.parseLong(matcher.group(1));
        long millis = switch (matcher.group(2)) {
            case "H" -> amount * 3_600_000;
            case "M" -> amount * 60_000;
            case "S" -> amount * 1_000;
            case "m" -> amount;
            case "u" -> amount / 1_000;
            default -> amount / 1_000_000;
        };
        return Math.max(1, millis);
    }

    /**
     * {@code answer}, or a {@link DeadlineExceeded} failure once {@code timeoutMillis} have passed
     * without it (-1: no deadline). An answer already there costs no timer.
     */
    static <T> Future<T> within(Vertx vertx, long timeoutMillis, Future<T> answer) {
        if (timeoutMillis < 0 || answer.isComplete()) {
            return answer;
        }
        Promise<T> bounded = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, expired -> bounded.tryFail(new DeadlineExceeded()));
        answer.onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                bounded.tryComplete(result.result());
            } else {
                bounded.tryFail(result.cause());
            }
        });
        return bounded.future();
    }

    /** gRPC's encoding of {@code grpc-message}: printable ASCII as is, every other byte as %XX. */
    private static String percentEncoded(String message) {
        StringBuilder encoded = new StringBuilder(message.length());
        for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0x20 && b <= 0x7e && b != '%') {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
