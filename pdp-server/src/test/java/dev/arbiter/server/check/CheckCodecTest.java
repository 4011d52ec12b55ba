package dev.arbiter.server.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.audit.AuditMask;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.RequestMap;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.store.model.PolicyJson;
import dev.cel.common.values.NullValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON form of a check request: what is written reads back as the same request. */
class CheckCodecTest {

    private static final CheckRequest EVERY_FIELD = new CheckRequest(
            new Principal("spiffe://acme.prod/ns/shop/sa/checkout", "workload", List.of("service", "payments"),
                    map("env", "prod", "level", 3L, "score", 0.75, "admin", Boolean.FALSE, "none", NullValue.NULL_VALUE,
                            "tags", List.of("a", 1L, List.of(2.5)), "nested", map("deep", map("x", "y")))),
            "charges:create",
            new Resource("payments", "charge", "ch_1", map("amount", 5000L, "currency", "EUR")),
            map("sourceIp", "10.1.2.3", "headers", map("x-request-id", "r1")),
            map("soft", Boolean.TRUE),
            42);

    private static final CheckRequest DEFAULTS = new CheckRequest(
            new Principal("p", List.of(), RequestMap.empty()), "read",
            new Resource("s", "", "", RequestMap.empty()), RequestMap.empty(), 0);

    @Test
    void whatIsWrittenReadsBackAsTheSameRequest() {
        for (CheckRequest request : List.of(EVERY_FIELD, DEFAULTS)) {
            assertEquals(request, read(CheckCodec.write(request)));
        }
    }

    @Test
    void readingFillsInEveryDefaultAndWritingSpellsThemOut() {
        CheckRequest sparse = read("""
                {"principal": {"id": "p", "roles": null}, "action": "read", "resource": {"service": "s", "kind": null}}""");
        assertEquals(DEFAULTS, sparse);
        assertEquals("""
                {"principal":{"id":"p","type":"","roles":[],"attr":{}},"action":"read",\
                "resource":{"service":"s","kind":"","id":"","attr":{}},"context":{},"actionAttr":{}}""",
                CheckCodec.write(sparse));
    }

    @Test
    void writingMasksAndCleansWithoutTouchingTheRequest() throws Exception {
        CheckMask contextOnly = AuditMask.of(List.of("context"));
        JsonNode written = PolicyJson.MAPPER.readTree(CheckCodec.write(EVERY_FIELD, contextOnly, String::toUpperCase));
        assertEquals(CheckMask.MASKED, written.get("context").asText());
        assertEquals("SPIFFE://ACME.PROD/NS/SHOP/SA/CHECKOUT", written.at("/principal/id").asText());
        assertEquals(5000, written.at("/resource/attr/AMOUNT").asLong());
        assertEquals("spiffe://acme.prod/ns/shop/sa/checkout", EVERY_FIELD.principal().id());
    }

    @Test
    void theStrictShapeIsEnforcedWithAPath() {
        ApiException unknown = assertThrows(ApiException.class, () -> read("""
                {"principal": {"id": "p", "role": ["x"]}, "action": "a", "resource": {"service": "s"}}"""));
        assertEquals(ErrorCode.INVALID_REQUEST, unknown.code());
        assertEquals("principal.role", unknown.details().get(0).path());
        ApiException duplicate = assertThrows(ApiException.class, () -> read("""
                {"action": "a", "action": "b", "principal": {"id": "p"}, "resource": {"service": "s"}}"""));
        assertEquals(ErrorCode.MALFORMED_JSON, duplicate.code());
    }

    private static CheckRequest read(String json) {
        return CheckCodec.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        RequestMap.Builder<Object> map = new RequestMap.Builder<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map.build();
    }
}
