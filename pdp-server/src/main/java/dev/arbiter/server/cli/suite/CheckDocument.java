package dev.arbiter.server.cli.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.check.CheckCodec;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.store.model.PolicyJson;

/**
 * A test's check as the body of {@code POST /v1/check}, read by the server's own check codec:
 * the same defaults, limits and CEL values as a real request. A principal's {@code type} and the
 * {@code actionAttr} go in as given, so they count exactly when the server reads them.
 */
final class CheckDocument {

    private CheckDocument() {}

    /** The check; an {@code ApiException} says why the codec refuses it. */
    static CheckRequest request(ObjectNode principal, String action, ObjectNode resource, JsonNode context,
            JsonNode actionAttr) {
        ObjectNode check = PolicyJson.MAPPER.createObjectNode();
        check.set("principal", principal);
        check.put("action", action);
        check.set("resource", resource);
        if (context != null) {
            check.set("context", context);
        }
        if (actionAttr != null) {
            check.set("actionAttr", actionAttr);
        }
        try {
            return CheckCodec.read(PolicyJson.MAPPER.writeValueAsBytes(check));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
