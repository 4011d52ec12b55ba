package dev.arbiter.server.cli.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.cli.repo.LocalRepository;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.PolicyJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository's bundle against a server's store, through {@code _apply} and {@code _impact}: the
 * bundle governs the services its files name or declare, exactly as it would if posted by hand.
 */
public final class RemotePolicies {

    private final ServerConnection server;
    private final Map<String, Policy> local = new HashMap<>();
    private final byte[] body;

    public RemotePolicies(ServerConnection server, LocalRepository repository) {
        this.server = server;
        PolicyBundle bundle = repository.bundle();
        bundle.policies().forEach(policy -> local.put(policy.id(), policy));
        ObjectNode json = PolicyJson.MAPPER.createObjectNode();
        ArrayNode services = json.putArray("services");
        bundle.services().forEach(services::add);
        ArrayNode policies = json.putArray("policies");
        bundle.policies().forEach(policy -> policies.add(PolicyJson.toJson(policy)));
        try {
            this.body = PolicyJson.MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    public ServerConnection server() {
        return server;
    }

    /** What applying would write ({@code _apply?dryRun=true}); nothing is written. */
    public ApplyPlan plan() {
        return ApplyPlan.of(server.post("/v1/policies/_apply?dryRun=true", body));
    }

    /** The plan policy by policy, reading the stored version of every policy it replaces or deletes. */
    public List<String> diff(ApplyPlan plan) {
        List<String> lines = new ArrayList<>();
        plan.created().forEach(id -> lines.addAll(PolicyDiff.created(local.get(id))));
        plan.updated().forEach(id -> lines.addAll(PolicyDiff.updated(stored(id), local.get(id))));
        plan.deleted().forEach(id -> lines.addAll(PolicyDiff.deleted(stored(id))));
        if (!plan.unchanged().isEmpty()) {
            lines.add("= unchanged: " + String.join(", ", plan.unchanged()));
        }
        return lines;
    }

    /** Applies the bundle, unless a policy in its scope changed after {@code plannedAt} (then a 412). */
    public ApplyPlan apply(long plannedAt) {
        return ApplyPlan.of(server.post("/v1/policies/_apply?ifUnchangedSince=" + plannedAt, body));
    }

    /** The logged decisions that applying would flip ({@code _impact}); nothing is written. */
    public JsonNode impact(int limit, int maxFlips) {
        return server.post("/v1/policies/_impact?limit=" + limit + "&maxFlips=" + maxFlips, body);
    }

    private Policy stored(String id) {
        return PolicyJson.read(server.get("/v1/policies/" + id), "");
    }
}
