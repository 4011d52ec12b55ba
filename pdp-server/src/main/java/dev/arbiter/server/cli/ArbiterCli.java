package dev.arbiter.server.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands of the jar: {@code serve} (the default, as without a command), and the policy
 * tool for CI: {@code validate}, {@code test}, {@code diff}, {@code apply}, {@code impact}.
 * Failures print one line and exit with a code of {@link ExitCode}, never with a stack trace.
 */
public final class ArbiterCli {

    /** What {@link #run} answers when the server was started: the JVM lives on in its threads. */
    public static final int SERVING = -1;

    private ArbiterCli() {}

    /** Runs the command {@code args} name, on the process's streams and environment. */
    public static int run(String[] args, Runnable serve) {
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                serve);
    }

    /** Runs the command {@code args} name; answers its exit code, or {@link #SERVING}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
            Runnable serve) {
        ServeCommand serveCommand = new ServeCommand(serve);
        CommandLine cli = new CommandLine(new Root(serveCommand))
                .addSubcommand(serveCommand)
                .addSubcommand(new ValidateCommand())
                .addSubcommand(new TestCommand())
                .addSubcommand(new DiffCommand(env))
                .addSubcommand(new ApplyCommand(env))
                .addSubcommand(new ImpactCommand(env))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(ArbiterCli::failed);
        int exit = cli.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    /** A failure while a command ran: its message on one line, and its exit code. */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof CommandFailure failure) {
            err.println("arbiter " + command.getCommandName() + ": " + failure.getMessage());
            return failure.exitCode();
        }
        // A fault of this tool, not of the input: said in one line all the same.
        err.println("arbiter " + command.getCommandName() + ": unexpected error: " + e);
        return ExitCode.BAD_INPUT;
    }

    @Command(name = "java -jar pdp-server.jar", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
            scope = CommandLine.ScopeType.INHERIT, synopsisSubcommandLabel = "[COMMAND]",
            description = {"Arbiter, the authorization decision service. Without a command it serves (see serve).",
                "Exit codes: 0 ok; 1 invalid policies, failing tests or a bundle the server refuses;"
                        + " 2 usage or unreadable input; 3 the server could not be used;"
                        + " 4 differences found (diff --exit-code, impact --fail-on)."})
    private static final class Root implements Callable<Integer> {
        private final ServeCommand serve;

        Root(ServeCommand serve) {
            this.serve = serve;
        }

        @Override
        public Integer call() {
            return serve.call();
        }
    }
}
