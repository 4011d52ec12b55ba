package dev.arbiter.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.check.CheckCodec;
import dev.arbiter.server.engine.ResourceKey;
import dev.arbiter.server.engine.ShardedMap;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.model.PolicyJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque {@code next_token} of a search: where the previous page stopped, and a digest of the
 * request it answered, since the specification asks every later page to repeat that request
 * exactly. A token that is not one, or that belongs to another request, is a 400.
 */
final class SearchTokens {

    /** Where a page stopped: a principal, a resource, or an index into the action names. */
    record Position(ShardedMap.Position<String> principal, ShardedMap.Position<ResourceKey> resource, int action) {}

    private SearchTokens() {}

    static String principal(SearchQuery query, ShardedMap.Position<String> at) {
        ObjectNode token = token(query);
        token.putArray("p").add(at.shard()).add(at.key());
        return encode(token);
    }

    static String resource(SearchQuery query, ShardedMap.Position<ResourceKey> at) {
        ObjectNode token = token(query);
        token.putArray("r").add(at.shard()).add(at.key().service()).add(at.key().kind()).add(at.key().id());
        return encode(token);
    }

    static String action(SearchQuery query, int index) {
        ObjectNode token = token(query);
        token.put("a", index);
        return encode(token);
    }

    /** Where the query's token says to go on, or null for the first page. */
    static Position read(SearchQuery query) {
        if (query.token() == null) {
            return null;
        }
        JsonNode token = decode(query.token());
        if (!digest(query).equals(token.path("q").asText())) {
            throw invalid("belongs to another request; a later page repeats the request of the first exactly");
        }
        JsonNode principal = token.path("p");
        JsonNode resource = token.path("r");
        if (principal.isArray() && principal.size() == 2) {
            return new Position(new ShardedMap.Position<>(principal.get(0).asInt(), principal.get(1).asText()), null, -1);
        }
        if (resource.isArray() && resource.size() == 4) {
            return new Position(null, new ShardedMap.Position<>(resource.get(0).asInt(), new ResourceKey(
                    resource.get(1).asText(), resource.get(2).asText(), resource.get(3).asText())), -1);
        }
        if (token.path("a").isInt()) {
            return new Position(null, null, token.get("a").asInt());
        }
        throw invalid("is not a token this search answered");
    }

    private static ObjectNode token(SearchQuery query) {
        return PolicyJson.MAPPER.createObjectNode().put("q", digest(query));
    }

    /** What identifies the request: what is searched, of which type, and the check every candidate fills in. */
    private static String digest(SearchQuery query) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((query.target() + "\n" + query.type() + "\n" + CheckCodec.write(query.template()))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String encode(ObjectNode token) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(PolicyJson.MAPPER.writeValueAsBytes(token));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a token always serializes", e);
        }
    }

    private static JsonNode decode(String token) {
        try {
            JsonNode decoded = PolicyJson.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
            if (decoded != null && decoded.isObject()) {
                return decoded;
            }
        } catch (IllegalArgumentException | IOException e) {
            // answered below
        }
        throw invalid("is not a token this search answered");
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("page.token", message);
    }
}
