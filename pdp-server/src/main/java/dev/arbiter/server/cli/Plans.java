package dev.arbiter.server.cli;

import dev.arbiter.server.cli.remote.ApplyPlan;
import dev.arbiter.server.cli.remote.RemotePolicies;
import java.io.PrintWriter;

/** The plan of an apply as diff and apply show it. */
final class Plans {

    private Plans() {}

    /** Asks the server for the plan and prints it policy by policy. */
    static ApplyPlan show(RemotePolicies policies, PrintWriter out) {
        ApplyPlan plan = policies.plan();
        out.println("plan for " + policies.server().server() + " at store revision " + plan.revision() + ", services "
                + String.join(", ", plan.services()) + ":");
        policies.diff(plan).forEach(out::println);
        out.println(plan.counts("to create", "to update", "to delete"));
        return plan;
    }
}
