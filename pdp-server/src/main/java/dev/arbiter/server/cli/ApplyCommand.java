package dev.arbiter.server.cli;

import dev.arbiter.server.cli.remote.ApplyPlan;
import dev.arbiter.server.cli.remote.RemotePolicies;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code apply <dir>}: the diff, then the write of exactly that diff. */
@Command(name = "apply", sortOptions = false,
        description = {"Makes the server's store equal to the repository under <dir> for the services it names, in"
                + " one revision, all or nothing: shows the diff first, then applies exactly that (refused if a"
                + " policy in its scope changed in between).",
            "Exit 0 when applied (or nothing to apply), 1 on invalid policies, 2 on bad input, 3 when the server"
                    + " cannot be used or the store changed since the diff."})
final class ApplyCommand extends RemoteCommand {

    @Option(names = "--dry-run", description = "show the diff and write nothing")
    private boolean dryRun;

    ApplyCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int run(RemotePolicies policies, PrintWriter out) {
        ApplyPlan plan = Plans.show(policies, out);
        if (dryRun) {
            out.println("dry run: nothing was written");
        } else if (!plan.changes()) {
            out.println("nothing to apply: the store already holds these policies");
        } else {
            ApplyPlan applied = policies.apply(plan.revision());
            out.println("applied at store revision " + applied.revision() + ": "
                    + applied.counts("created", "updated", "deleted"));
        }
        return ExitCode.OK;
    }
}
