package dev.arbiter.server.cli.repo;

import dev.arbiter.store.model.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the paths of the bundle a file is read as ({@code policies[1].rules[0]}) to the
 * file: a bundle document keeps them; in a file of policy documents (one, or a YAML stream),
 * {@code policies[i]} is the i-th document and is left out of the path shown.
 */
public final class DocumentLocator {

    private static final Pattern POLICY = Pattern.compile("^policies\\[(\\d+)](?:\\.|$)");

    private final SourcePositions positions;
    private final boolean bundleDocument;

    public DocumentLocator(SourcePositions positions) {
        this.positions = positions;
        this.bundleDocument = positions.has(0, "policies");
    }

    /** A problem located in the bundle as a finding at its place in {@code file}. */
    public Finding finding(Finding.Severity severity, String file, String policy, Problem problem, String code) {
        Problem shown = new Problem(shownPath(problem.path()), problem.rule(), problem.message(), problem.line(),
                problem.column());
        return new Finding(severity, file, position(problem.path()), policy, shown, code);
    }

    /** Where the value at {@code bundlePath} starts in the file, or null. */
    private Position position(String bundlePath) {
        if (bundleDocument) {
            return positions.find(0, bundlePath);
        }
        Matcher policy = POLICY.matcher(bundlePath);
        return policy.find()
                ? positions.find(Integer.parseInt(policy.group(1)), bundlePath.substring(policy.end()))
                : positions.find(0, bundlePath);
    }

    /** The path as a person finds it in the file. */
    private String shownPath(String bundlePath) {
        if (bundleDocument) {
            return bundlePath;
        }
        Matcher policy = POLICY.matcher(bundlePath);
        return policy.find() ? bundlePath.substring(policy.end()) : bundlePath;
    }

    /** The index of the policy a bundle path lies in, or -1. */
    public static int policyIndex(String bundlePath) {
        Matcher policy = POLICY.matcher(bundlePath);
        return policy.find() ? Integer.parseInt(policy.group(1)) : -1;
    }
}
