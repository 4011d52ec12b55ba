package dev.arbiter.server.cli;

import dev.arbiter.server.cli.remote.ApplyPlan;
import dev.arbiter.server.cli.remote.RemotePolicies;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diff <dir>}: what applying the repository would change in the server's store, policy by policy. */
@Command(name = "diff", sortOptions = false,
        description = {"Shows, policy by policy and rule by rule, what applying the repository under <dir> would"
                + " change on the server (through _apply?dryRun=true); writes nothing.",
            "Exit 0 (with --exit-code: 0 when nothing would change, 4 when something would), 1 on invalid"
                    + " policies, 2 on bad input, 3 when the server cannot be used."})
final class DiffCommand extends RemoteCommand {

    @Option(names = "--exit-code", description = "exit 4 when applying would change anything, as git diff --exit-code")
    private boolean exitCode;

    DiffCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int run(RemotePolicies policies, PrintWriter out) {
        ApplyPlan plan = Plans.show(policies, out);
        return exitCode && plan.changes() ? ExitCode.CHANGES : ExitCode.OK;
    }
}
