package dev.arbiter.server.policy;

import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.PolicyBundleJson;
import dev.arbiter.store.model.Problem;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check every policy passes before it is stored, previewed or replayed: validation and
 * compilation, with every problem answered at once as a 422 (and 400 for a body of the wrong
 * shape). Blocking (compilation): call on a worker.
 */
public final class ValidPolicies {

    private static final Pattern POLICY_PATH = Pattern.compile("^policies\\[(\\d+)]");

    private ValidPolicies() {}

    /** Throws the 422 listing every problem unless {@code policy} validates and compiles. */
    public static void require(PolicyCompiler compiler, Policy policy) {
        List<Problem> problems = compiler.check(policy);
        if (!problems.isEmpty()) {
            String message = problems.size() == 1
                    ? "the policy is not valid: " + describe(problems.get(0))
                    : "the policy is not valid: " + problems.size() + " problems";
            throw new ApiException(ErrorCode.INVALID_POLICY, message, problems);
        }
    }

    /** The bundle the documents hold, every policy in it checked as a write would check it. */
    public static PolicyBundle bundle(PolicyDocuments documents, PolicyCompiler compiler) {
        PolicyBundle bundle = PolicyBundleJson.read(documents.bundle());
        List<Problem> problems = compiler.check(bundle);
        if (!problems.isEmpty()) {
            throw invalid(bundle, problems);
        }
        return bundle;
    }

    /** 422 naming the invalid policies by index and id; details locate each problem under {@code policies[i]}. */
    private static ApiException invalid(PolicyBundle bundle, List<Problem> problems) {
        SortedSet<Integer> invalid = new TreeSet<>();
        for (Problem problem : problems) {
            Matcher index = POLICY_PATH.matcher(problem.path());
            if (index.find()) {
                invalid.add(Integer.parseInt(index.group(1)));
            }
        }
        List<String> named = invalid.stream()
                .map(i -> "policies[" + i + "] (" + bundle.policies().get(i).id() + ")")
                .toList();
        String where = named.isEmpty() ? "" : " in " + String.join(", ", named);
        return new ApiException(ErrorCode.INVALID_POLICY, "the bundle is not valid: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + where + "; nothing was changed", problems);
    }

    private static String describe(Problem problem) {
        return problem.path().isEmpty() ? problem.message() : problem.path() + ": " + problem.message();
    }
}
