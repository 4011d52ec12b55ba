package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque cursors of directory listings: the last entry's key, base64url-encoded. */
final class EntityCursors {

    private EntityCursors() {}

    static String principal(String lastId) {
        return encode(lastId);
    }

    static String resource(ResourceRef last) {
        try {
            return encode(PolicyJson.MAPPER.writeValueAsString(List.of(last.service(), last.kind(), last.id())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("three strings always serialize", e);
        }
    }

    /** The id a principal cursor continues after; null when none was given. */
    static String principalAfter(String cursor) {
        return cursor == null ? null : decode(cursor);
    }

    static ResourceRef resourceAfter(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            JsonNode key = PolicyJson.MAPPER.readTree(decode(cursor));
            if (key.isArray() && key.size() == 3 && key.get(0).isTextual() && key.get(1).isTextual()
                    && key.get(2).isTextual()) {
                return new ResourceRef(key.get(0).asText(), key.get(1).asText(), key.get(2).asText());
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw badCursor();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    private static ApiException badCursor() {
        return ApiException.badRequest("cursor", "is not a cursor this listing answered");
    }
}
