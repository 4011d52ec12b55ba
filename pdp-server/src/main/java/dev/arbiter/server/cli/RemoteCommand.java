package dev.arbiter.server.cli;

import dev.arbiter.server.cli.remote.RemotePolicies;
import dev.arbiter.server.cli.remote.ServerOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the commands that take a repository to a server share: the repository, validated
 * offline first (so an invalid one never reaches the server), and the connection.
 */
abstract class RemoteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<dir>", description = "the policy repository")
    private Path dir;

    @Mixin
    private ServerOptions server;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> env;

    RemoteCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RemotePolicies policies = new RemotePolicies(server.connect(env),
                Repositories.valid(dir, Repositories.compiler(), out));
        return run(policies, out);
    }

    /** The command's work, with the repository's bundle ready for the server. */
    abstract int run(RemotePolicies policies, PrintWriter out);
}
