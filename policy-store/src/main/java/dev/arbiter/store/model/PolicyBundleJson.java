package dev.arbiter.store.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a bundle: {@code {"policies": [...], "services": [...]}}. Without {@code services} the
 * bundle governs the services its policies name; with it, exactly those (an empty list of
 * policies then removes every policy of those services).
 */
public final class PolicyBundleJson {

    private static final Set<String> FIELDS = Set.of("policies", "services");

    private PolicyBundleJson() {}

    /** Reads the bundle, reporting every shape problem at once as an {@link InvalidDocumentException}. */
    public static PolicyBundle read(JsonNode node) {
        List<Problem> problems = new ArrayList<>();
        JsonFields fields = JsonFields.of(node, "", FIELDS, problems);
        if (fields == null) {
            throw InvalidDocumentException.invalidShape(problems);
        }
        List<Policy> policies = new ArrayList<>();
        for (JsonFields.Element element : fields.array("policies", true)) {
            Policy policy = PolicyJson.read(element.value(), element.path(), problems);
            if (policy != null) {
                policies.add(policy);
            }
        }
        boolean servicesGiven = node.has("services");
        List<String> services = fields.stringList("services", false);
        if (!problems.isEmpty()) {
            throw InvalidDocumentException.invalidShape(problems);
        }
        return servicesGiven ? new PolicyBundle(new TreeSet<>(services), policies) : PolicyBundle.ofPolicies(policies);
    }
}
