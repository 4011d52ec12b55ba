package dev.arbiter.server.cli.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.policy.PolicyDocuments;
import dev.arbiter.store.model.InvalidDocumentException;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.PolicyBundleJson;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The policies of one file, read and checked with the server's own code: a JSON file holds one
 * policy or a bundle; a YAML file one policy, a stream of them, or a bundle, exactly as
 * {@code _apply} reads a YAML body.
 *
 * @param services the services the file governs: those its bundle declares, and its policies'
 * @param errors every problem of the file; when there is one, {@code policies} may be incomplete
 */
public record PolicyFile(List<LocatedPolicy> policies, SortedSet<String> services, List<Finding> errors) {

    public static PolicyFile read(SourceFile file, PolicyCompiler compiler) {
        if (file.blank()) {
            return failed(Finding.error(file.name(), "the file is empty; it should hold a policy or a bundle"));
        }
        DocumentLocator locator = new DocumentLocator(SourcePositions.of(file));
        JsonNode node;
        PolicyBundle bundle;
        try {
            node = file.yaml() ? new PolicyDocuments(file.bytes(), true).bundle()
                    : asBundle(PolicyJson.parse(file.bytes()));
            bundle = PolicyBundleJson.read(node);
        } catch (InvalidDocumentException e) {
            if (e.problems().isEmpty()) {
                return failed(Finding.error(file.name(), e.getMessage()));
            }
            return new PolicyFile(List.of(), new TreeSet<>(), e.problems().stream()
                    .map(problem -> located(file, locator, problem, null))
                    .toList());
        }
        List<Finding> errors = compiler.check(bundle).stream()
                .map(problem -> located(file, locator, problem, bundle))
                .toList();
        List<LocatedPolicy> policies = new ArrayList<>();
        for (int i = 0; i < bundle.policies().size(); i++) {
            policies.add(new LocatedPolicy(bundle.policies().get(i), file.name(), i, locator));
        }
        return new PolicyFile(policies, bundle.services(), errors);
    }

    private static PolicyFile failed(Finding error) {
        return new PolicyFile(List.of(), new TreeSet<>(), List.of(error));
    }

    /** A JSON document of one policy is the bundle of that policy. */
    private static JsonNode asBundle(JsonNode document) {
        if (!document.isObject() || document.has("policies")) {
            return document;
        }
        ObjectNode bundle = PolicyJson.MAPPER.createObjectNode();
        bundle.putArray("policies").add(document);
        return bundle;
    }

    /** A problem located in the bundle (null when it could not be read) as a finding in the file. */
    private static Finding located(SourceFile file, DocumentLocator locator, Problem problem, PolicyBundle bundle) {
        int index = DocumentLocator.policyIndex(problem.path());
        String policy = bundle != null && index >= 0 && index < bundle.policies().size()
                ? bundle.policies().get(index).id()
                : null;
        return locator.finding(Finding.Severity.ERROR, file.name(), policy, problem, null);
    }
}
