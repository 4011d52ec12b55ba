package dev.arbiter.server.cli;

import dev.arbiter.server.cli.repo.Counts;
import dev.arbiter.server.cli.repo.LocalRepository;
import dev.arbiter.server.engine.ConditionCompiler;
import dev.arbiter.server.engine.PolicyCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reading the repository a command works on, with the compiler the server uses. */
final class Repositories {

    private static final long CONDITION_CACHE_SIZE = 10_000;

    private Repositories() {}

    static PolicyCompiler compiler() {
        return new PolicyCompiler(new ConditionCompiler(CONDITION_CACHE_SIZE));
    }

    /** The repository, which must be valid: otherwise its errors are printed and the command fails. */
    static LocalRepository valid(Path dir, PolicyCompiler compiler, PrintWriter out) {
        LocalRepository repository = LocalRepository.load(dir, compiler);
        if (!repository.valid()) {
            repository.errors().forEach(error -> out.println(error.format()));
            throw CommandFailure.failed(Counts.of(repository.errors().size(), "error") + " in the policies of " + dir
                    + "; nothing else was done");
        }
        return repository;
    }
}
