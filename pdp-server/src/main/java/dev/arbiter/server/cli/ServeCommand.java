package dev.arbiter.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code serve}: the server, configured by {@code ARBITER_*} environment variables. */
@Command(name = "serve",
        description = {"Starts the server (the default without a command), configured by ARBITER_* environment"
                + " variables; see the README. Stops gracefully on SIGTERM or Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    private final Runnable serve;

    ServeCommand(Runnable serve) {
        this.serve = serve;
    }

    @Override
    public Integer call() {
        serve.run();
        return ArbiterCli.SERVING;
    }
}
