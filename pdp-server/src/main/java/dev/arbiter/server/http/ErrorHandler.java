package dev.arbiter.server.http;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.store.jdbc.PolicyNotFoundException;
import dev.arbiter.store.jdbc.PreconditionFailedException;
import dev.arbiter.store.jdbc.StoreUnavailableException;
import dev.arbiter.store.model.InvalidDocumentException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into the JSON error envelope with the right status. */
final class ErrorHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ErrorHandler.class.getName());

    private final Routes routes;

    ErrorHandler(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.failure() instanceof HttpClosedException) {
            return; // the client went away: nobody to answer
        }
        ApiException error;
        if (ctx.request().isEnded()) {
            error = translate(ctx.failure(), ctx.statusCode());
        } else {
            // The body broke off or its framing is wrong: where a next request would start is unknown.
            error = ctx.failure() instanceof RuntimeException && !(ctx.failure() instanceof ApiException)
                    && !(ctx.failure() instanceof HttpException)
                    ? InvalidRequestHandler.translate(ctx.failure())
                    : translate(ctx.failure(), ctx.statusCode());
            if (ctx.request().version() != HttpVersion.HTTP_2) {
                // HTTP/2 has no such header: ending the stream leaves the connection's other streams alone.
                ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (error.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        if (error.status() == 405) {
            ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", routes.allowed(ctx.normalizedPath())));
        }
        Responses.json(ctx, error.status(), Responses.error(error));
    }

    static ApiException translate(Throwable failure, int status) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof InvalidDocumentException invalid) {
            return new ApiException(switch (invalid.kind()) {
                case MALFORMED_JSON -> ErrorCode.MALFORMED_JSON;
                case MALFORMED_YAML -> ErrorCode.MALFORMED_YAML;
                case INVALID_SHAPE -> ErrorCode.INVALID_REQUEST;
            }, invalid.getMessage(), invalid.problems());
        }
        if (failure instanceof PreconditionFailedException precondition) {
            return new ApiException(ErrorCode.PRECONDITION_FAILED, precondition.getMessage());
        }
        if (failure instanceof PolicyNotFoundException notFound) {
            return ApiException.notFound(notFound.getMessage());
        }
        if (failure instanceof StoreUnavailableException unavailable) {
            LOG.log(Level.WARNING, "store unavailable", unavailable);
            return new ApiException(ErrorCode.STORE_UNAVAILABLE,
                    "the policy store is unavailable; nothing was changed, retry later");
        }
        if (failure instanceof HttpException http) {
            return byStatus(http.getStatusCode());
        }
        if (failure == null && status >= 400 && status < 500) {
            return byStatus(status);
        }
        LOG.log(Level.SEVERE, "unexpected failure", failure);
        return new ApiException(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred; it has been logged");
    }

    private static ApiException byStatus(int status) {
        return switch (status) {
            case 404 -> ApiException.notFound("no such endpoint");
            case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "this endpoint does not support that method");
            case 413 -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "the request body is larger than " + HttpApi.MAX_BODY_BYTES + " bytes");
            case 415 -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported content type");
            default -> ApiException.badRequest("the request is not valid");
        };
    }
}
