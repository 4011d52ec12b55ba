package dev.arbiter.server.http;

import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.PolicyBundleJson;
import dev.arbiter.store.model.Problem;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bundle of policies from a request body (JSON or YAML) and checks every policy in it as a
 * write would: 400 for a body of the wrong shape, 422 for any policy that does not validate or
 * compile. Blocking (compilation): call on a worker.
 */
final class ValidBundles {

    private static final Pattern POLICY_PATH = Pattern.compile("^policies\\[(\\d+)]");

    private ValidBundles() {}

    static PolicyBundle read(PolicyDocuments documents, PolicyCompiler compiler) {
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
        return new ApiException(422, "invalid_policy", "the bundle is not valid: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + where + "; nothing was changed", problems);
    }
}
