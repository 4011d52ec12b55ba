package dev.arbiter.server.cli.repo;

import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.Problem;

/**
 * A policy of the repository and where it was read from.
 *
 * @param index its position in the bundle its file is read as
 */
public record LocatedPolicy(Policy policy, String file, int index, DocumentLocator locator) {

    /** A problem of this policy (located inside it) as a finding at its place in the file. */
    public Finding finding(Finding.Severity severity, Problem problem, String code) {
        return locator.finding(severity, file, policy.id(), problem.under("policies[" + index + "]"), code);
    }
}
