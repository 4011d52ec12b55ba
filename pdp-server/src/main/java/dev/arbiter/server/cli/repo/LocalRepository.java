package dev.arbiter.server.cli.repo;

import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.DirectoryAttributes;
import dev.arbiter.server.engine.PolicyLinter;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A policy repository on disk, read and checked as one bundle: the policies of all its files,
 * governing the services its files name or declare. Policy ids are unique across the files.
 *
 * @param errors every error of every file; the repository can be used only when there is none
 */
public record LocalRepository(RepositoryFiles files, List<LocatedPolicy> policies, SortedSet<String> services,
        List<Finding> errors) {

    public LocalRepository {
        policies = List.copyOf(policies);
        errors = errors.stream().sorted(Finding.IN_FILE_ORDER).toList();
    }

    /** Reads every policy file under {@code root}; unreadable input is a {@code CommandFailure}. */
    public static LocalRepository load(Path root, PolicyCompiler compiler) {
        RepositoryFiles files = RepositoryFiles.scan(root);
        List<LocatedPolicy> policies = new ArrayList<>();
        SortedSet<String> services = new TreeSet<>();
        List<Finding> errors = new ArrayList<>();
        Map<String, LocatedPolicy> byId = new HashMap<>();
        for (Path path : files.policies()) {
            PolicyFile file = PolicyFile.read(SourceFile.read(root, path), compiler);
            errors.addAll(file.errors());
            services.addAll(file.services());
            for (LocatedPolicy policy : file.policies()) {
                LocatedPolicy first = byId.putIfAbsent(policy.policy().id(), policy);
                if (first != null) {
                    errors.add(policy.finding(Finding.Severity.ERROR, Problem.at("id", "duplicate id '"
                            + policy.policy().id() + "'; " + first.file() + " defines it too"), null));
                } else {
                    policies.add(policy);
                }
            }
        }
        return new LocalRepository(files, policies, services, errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The repository as the bundle {@code _apply} takes. */
    public PolicyBundle bundle() {
        return new PolicyBundle(services, policies.stream().map(LocatedPolicy::policy).toList());
    }

    /**
     * The server's warnings about each policy, judged against the rest of the repository as the
     * server judges a policy against the stored ones. Only for a valid repository. Offline there is
     * no server's directory, so an attribute name only the directory holds may be reported.
     */
    public List<Finding> warnings(PolicyLinter linter) {
        List<Policy> all = bundle().policies();
        List<Finding> warnings = new ArrayList<>();
        for (LocatedPolicy located : policies) {
            linter.warnings(located.policy(), all, DirectoryAttributes.NONE).forEach(warning ->
                    warnings.add(located.finding(Finding.Severity.WARNING, warning.problem(), warning.code())));
        }
        warnings.sort(Finding.IN_FILE_ORDER);
        return warnings;
    }
}
