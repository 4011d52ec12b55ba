package dev.arbiter.server;

import java.io.IOException;
import java.net.BindException;

/** Says plainly that the HTTP port is taken, and how to choose another. */
final class PortInUse {

    private PortInUse() {}

    /**
     * {@code failure} of binding the HTTP port as an IOException: naming the port and the variable
     * to change when the port is taken; a runtime failure of another kind is thrown as it is.
     */
    static IOException explain(Exception failure, ServerConfig config) {
        if (!isBindFailure(failure)) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            return new IOException("the HTTP server could not start: " + failure.getMessage(), failure);
        }
        return new IOException("port " + config.httpPort() + " on " + config.httpHost()
                + " is already in use (another Arbiter, or another program); stop it, or set ARBITER_HTTP_PORT"
                + " to a free port (0 picks one)", failure);
    }

    private static boolean isBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || (cause.getMessage() != null && cause.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
