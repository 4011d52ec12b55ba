package dev.arbiter.server.cli;

import dev.arbiter.server.cli.repo.Counts;
import dev.arbiter.server.cli.repo.Finding;
import dev.arbiter.server.cli.repo.LocalRepository;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicyLinter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate <dir>}: every policy file parsed, compiled and linted as the server would. */
@Command(name = "validate", sortOptions = false,
        description = {"Parses, compiles and lints every policy file under <dir> exactly as the server would,"
                + " without a server. Prints every error and warning with its file, line and column.",
            "Exit 0 when there is no error (warnings allowed), 1 on any error."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<dir>", description = "the policy repository")
    private Path dir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicyCompiler compiler = Repositories.compiler();
        LocalRepository repository = LocalRepository.load(dir, compiler);
        List<Finding> warnings = repository.valid() ? repository.warnings(new PolicyLinter(compiler)) : List.of();
        repository.errors().forEach(error -> out.println(error.format()));
        warnings.forEach(warning -> out.println(warning.format()));
        out.println(Counts.of(repository.policies().size(), "policy", "policies")
                + " in " + Counts.of(repository.files().policies().size(), "file") + ": "
                + Counts.of(repository.errors().size(), "error") + ", "
                + (repository.valid() ? Counts.of(warnings.size(), "warning") : "warnings not checked"));
        return repository.valid() ? ExitCode.OK : ExitCode.FAILED;
    }
}
