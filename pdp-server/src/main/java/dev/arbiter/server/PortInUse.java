package dev.arbiter.server;

import java.io.IOException;
import java.net.BindException;

/** Says plainly that the HTTP port is taken, and how to choose another. */
final class PortInUse {

    private PortInUse() {}

    /** {@code failure} as an IOException naming the port and the variable to change when it is a taken port, else itself. */
    static IOException explain(RuntimeException failure, ServerConfig config) {
        if (!isBindFailure(failure)) {
            throw failure;
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
