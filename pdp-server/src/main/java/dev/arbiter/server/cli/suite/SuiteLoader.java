package dev.arbiter.server.cli.suite;

import dev.arbiter.server.cli.repo.Finding;
import dev.arbiter.server.cli.repo.LocalRepository;
import dev.arbiter.server.cli.repo.SourceFile;
import dev.arbiter.store.model.Problem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The test suites of a repository: every {@code *_test.yaml}, {@code *_test.yml} and
 * {@code *_test.json} file, each a suite whose name is unique in the repository.
 *
 * @param errors every error of every suite; the suites can be run only when there is none
 */
public record SuiteLoader(List<TestSuite> suites, List<Finding> errors) {

    /** @param defaultNow the {@code now} of suites that give none: the time the run started */
    public static SuiteLoader load(LocalRepository repository, Instant defaultNow) {
        Set<String> policyIds = repository.policies().stream()
                .map(located -> located.policy().id())
                .collect(Collectors.toSet());
        List<TestSuite> suites = new ArrayList<>();
        List<Finding> errors = new ArrayList<>();
        Map<String, String> fileByName = new HashMap<>();
        Path root = repository.files().root();
        for (Path path : repository.files().suites()) {
            SuiteReader.Read read = SuiteReader.read(SourceFile.read(root, path), policyIds,
                    SuiteTime.micros(defaultNow));
            errors.addAll(read.errors());
            if (read.suite() == null) {
                continue;
            }
            String first = fileByName.putIfAbsent(read.suite().name(), read.suite().file());
            if (first != null) {
                errors.add(new Finding(Finding.Severity.ERROR, read.suite().file(), null, null, Problem.at("suite",
                        "a second suite named '" + read.suite().name() + "'; " + first + " has that name"), null));
            } else {
                suites.add(read.suite());
            }
        }
        errors.sort(Finding.IN_FILE_ORDER);
        return new SuiteLoader(suites, errors);
    }
}
