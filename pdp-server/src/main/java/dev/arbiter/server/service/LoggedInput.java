package dev.arbiter.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.check.CheckCodec;
import dev.arbiter.server.check.CheckMask;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.model.PolicyJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The request a logged decision was made on, read back from its {@code input} to be decided
 * again. Masked values were stored as {@value CheckMask#MASKED}: such a request is read with the
 * stars in place of the real values (a masked {@code attr} or {@code context} as a whole reads
 * as empty) and flagged, since conditions reading those values now see something else.
 *
 * @param masked whether the input holds a masked value (any value that is exactly "***")
 */
record LoggedInput(CheckRequest request, boolean masked) {

    private static final String MASKED_TEXT = "\"" + CheckMask.MASKED + "\"";

    /** The logged request, or empty when the input is not a check request this server can read. */
    static Optional<LoggedInput> read(String input) {
        try {
            if (!input.contains(MASKED_TEXT)) {
                return Optional.of(new LoggedInput(CheckCodec.read(input.getBytes(StandardCharsets.UTF_8)), false));
            }
            JsonNode tree = PolicyJson.MAPPER.readTree(input);
            boolean masked = unmask(tree.path("principal"), "attr") | unmask(tree.path("resource"), "attr")
                    | unmask(tree, "context") | unmask(tree, "actionAttr");
            byte[] unmasked = PolicyJson.MAPPER.writeValueAsBytes(tree);
            return Optional.of(new LoggedInput(CheckCodec.read(unmasked), masked));
        } catch (ApiException | JsonProcessingException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code parent.field} holds a masked value; a member masked as a whole is replaced by
     * an empty object, the shape a check request needs there.
     */
    private static boolean unmask(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (isMasked(value) && parent instanceof ObjectNode object) {
            object.putObject(field);
            return true;
        }
        return value != null && holdsMasked(value);
    }

    private static boolean holdsMasked(JsonNode node) {
        if (isMasked(node)) {
            return true;
        }
        for (JsonNode child : node) {
            if (holdsMasked(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMasked(JsonNode node) {
        return node != null && node.isTextual() && CheckMask.MASKED.equals(node.textValue());
    }
}
