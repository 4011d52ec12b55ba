package dev.arbiter.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.check.CheckCodec;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.store.model.PolicyJson;
import dev.cel.common.values.NullValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The logged input: the request as decided, through the check codec, with the configured attribute paths masked. */
class MaskedInputTest {

    static final CheckRequest REQUEST = new CheckRequest(
            new Principal("svc", List.of("service"), Map.of("env", "prod", "token", "t0p-secret")),
            "charges:create",
            new Resource("payments", "charge", "ch_1", Map.of(
                    "card_number", "4111111111111111",
                    "amount", 5000L,
                    "cards", List.of(Map.of("number", "4000", "brand", "visa"), Map.of("number", "5000")),
                    "owner", Map.of("name", "Ada", "ssn", "123"))),
            Map.of("headers", Map.of("Authorization", "Bearer abc", "x-request-id", "r1"),
                    "sourceIp", "10.1.2.3", "score", 0.5, "flag", true, "none", NullValue.NULL_VALUE),
            0);

    static JsonNode logged(String... paths) throws Exception {
        return PolicyJson.MAPPER.readTree(CheckCodec.write(REQUEST, AuditMask.of(List.of(paths)), LogText::clean));
    }

    static void assertMasked(JsonNode input, String... pointers) {
        for (String pointer : pointers) {
            assertEquals("***", input.at(pointer).asText(), pointer);
        }
    }

    @Test
    void withoutMaskTheInputIsTheWholeRequest() throws Exception {
        JsonNode input = logged();
        assertEquals("svc", input.at("/principal/id").asText());
        assertEquals("[\"service\"]", input.at("/principal/roles").toString());
        assertEquals("t0p-secret", input.at("/principal/attr/token").asText());
        assertEquals(5000, input.at("/resource/attr/amount").asLong());
        assertEquals("Bearer abc", input.at("/context/headers/Authorization").asText());
        assertEquals(0.5, input.at("/context/score").asDouble());
        assertTrue(input.at("/context/flag").asBoolean());
        assertTrue(input.at("/context/none").isNull());
        assertTrue(input.get("minRevision") == null, "absent when the request did not ask for one");
    }

    @Test
    void maskedPathsAreStoredAsStarsWhateverTheirValue() throws Exception {
        JsonNode input = logged("resource.attr.card_number", "context.headers.authorization", "resource.attr.owner",
                "principal.attr.token");
        // Keys match regardless of case; an object is masked whole.
        assertMasked(input, "/resource/attr/card_number", "/context/headers/Authorization", "/resource/attr/owner",
                "/principal/attr/token");
        assertEquals("r1", input.at("/context/headers/x-request-id").asText());
        assertEquals(5000, input.at("/resource/attr/amount").asLong());
        assertEquals("prod", input.at("/principal/attr/env").asText());
    }

    @Test
    void listsAreTransparentAndStarMatchesAnyKey() throws Exception {
        JsonNode input = logged("resource.attr.cards.number", "resource.attr.*.ssn");
        assertMasked(input, "/resource/attr/cards/0/number", "/resource/attr/cards/1/number", "/resource/attr/owner/ssn");
        assertEquals("visa", input.at("/resource/attr/cards/0/brand").asText());
        assertEquals("Ada", input.at("/resource/attr/owner/name").asText());
    }

    @Test
    void aWildcardAndAKeyAtTheSameLevelBothApply() throws Exception {
        JsonNode input = logged("context.*.authorization", "context.headers.x-request-id");
        assertMasked(input, "/context/headers/Authorization", "/context/headers/x-request-id");
    }

    @Test
    void aWholeAttributeMapOrTheContextCanBeMasked() throws Exception {
        JsonNode input = logged("context", "principal.attr");
        assertMasked(input, "/context", "/principal/attr");
        assertEquals("svc", input.at("/principal/id").asText());
    }

    @Test
    void onlyAttributePathsCanBeMasked() {
        for (String path : new String[] {"principal.id", "resource.id", "action", "principal", "resource.kind",
            "Resource.attr.x", "context..x", "context.", ""}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> AuditMask.of(List.of(path)), path);
            assertTrue(refused.getMessage().startsWith("ARBITER_AUDIT_MASK"), refused.getMessage());
        }
    }
}
