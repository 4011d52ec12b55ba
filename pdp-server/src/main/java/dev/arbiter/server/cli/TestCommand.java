package dev.arbiter.server.cli;

import dev.arbiter.server.cli.repo.Counts;
import dev.arbiter.server.cli.repo.LocalRepository;
import dev.arbiter.server.cli.suite.ConsoleReport;
import dev.arbiter.server.cli.suite.JUnitReport;
import dev.arbiter.server.cli.suite.RuleCoverage;
import dev.arbiter.server.cli.suite.SuiteLoader;
import dev.arbiter.server.cli.suite.SuiteResult;
import dev.arbiter.server.cli.suite.SuiteRunner;
import dev.arbiter.server.cli.suite.TestSuite;
import dev.arbiter.server.engine.PolicyCompiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code test <dir>}: the repository's test suites, run offline on the server's decision engine. */
@Command(name = "test", sortOptions = false,
        description = {"Runs the test suites under <dir> (files named *_test.yaml, *_test.yml or *_test.json)"
                + " on the server's decision engine, without a server, after validating the policies."
                + " Prints every test, the failed checks, and which rules no check was decided by.",
            "Exit 0 when every test passes, 1 on a failed test or invalid policies, 2 on a malformed suite."})
final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<dir>", description = "the policy repository")
    private Path dir;

    @Option(names = "--run", paramLabel = "REGEX",
            description = "only the tests whose <suite>/<test name> contains a match of REGEX")
    private String run;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the results as JUnit XML to FILE")
    private Path junit;

    @Option(names = {"-v", "--verbose"}, description = "show how every rule fared in each failed check")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Predicate<String> selected = selection();
        Instant started = Instant.now();
        PolicyCompiler compiler = Repositories.compiler();
        LocalRepository repository = Repositories.valid(dir, compiler, out);
        if (repository.files().suites().isEmpty()) {
            throw CommandFailure.badInput(dir
                    + ": no test suite; suites are files named *_test.yaml, *_test.yml or *_test.json");
        }
        SuiteLoader loaded = SuiteLoader.load(repository, started);
        if (!loaded.errors().isEmpty()) {
            loaded.errors().forEach(error -> out.println(error.format()));
            throw CommandFailure.badInput(Counts.of(loaded.errors().size(), "error")
                    + " in the test suites; no test was run");
        }
        SuiteRunner runner = new SuiteRunner(repository.bundle().policies(), compiler);
        List<SuiteResult> results = loaded.suites().stream().map(suite -> runner.run(suite, selected)).toList();
        if (results.stream().allMatch(result -> result.tests().isEmpty())) {
            throw CommandFailure.badInput("no test matches --run '" + run + "'; the suites are "
                    + String.join(", ", loaded.suites().stream().map(TestSuite::name).toList()));
        }
        ConsoleReport.print(results, RuleCoverage.of(repository.bundle().policies(), results), verbose, out);
        if (junit != null) {
            try {
                JUnitReport.write(results, started, junit);
            } catch (IOException e) {
                throw CommandFailure.badInput(junit + ": cannot write the JUnit report: " + e.getMessage());
            }
        }
        return results.stream().allMatch(result -> result.failed() == 0) ? ExitCode.OK : ExitCode.FAILED;
    }

    private Predicate<String> selection() {
        if (run == null) {
            return name -> true;
        }
        try {
            return Pattern.compile(run).asPredicate();
        } catch (PatternSyntaxException e) {
            throw CommandFailure.badInput("--run: not a regular expression: " + e.getDescription()
                    + " in '" + run + "'");
        }
    }
}
