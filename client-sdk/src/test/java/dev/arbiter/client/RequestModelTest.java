package dev.arbiter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request builders: immutable, JSON-only values, caller bugs refused before anything is sent. */
class RequestModelTest {

    @Test
    void buildersAnswerNewValuesAndLeaveTheOldOnesAlone() {
        Principal base = Principal.of("alice");
        Principal withRole = base.roles("ops").attr("env", "prod");
        assertEquals(List.of(), base.roles());
        assertEquals(Map.of(), base.attr());
        assertEquals(List.of("ops"), withRole.roles());
        assertEquals(Map.of("env", "prod"), withRole.attr());

        Resource resource = Resource.of("payments");
        assertEquals("", resource.kind());
        assertEquals("ch_1", resource.kind("charge").id("ch_1").id());
        assertEquals("", resource.id());
    }

    @Test
    void attributesAreCopiedAndImmutable() {
        List<Object> tags = new ArrayList<>(List.of("a"));
        Principal principal = Principal.of("alice").attr("tags", tags);
        tags.add("b");
        assertEquals(List.of("a"), principal.attr().get("tags"));
        assertThrows(UnsupportedOperationException.class, () -> principal.attr().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> principal.roles().add("x"));
    }

    @Test
    void numbersAreNormalizedSoEqualRequestsAreEqual() {
        assertEquals(Principal.of("a").attr("n", 5), Principal.of("a").attr("n", 5L));
        assertEquals(Principal.of("a").attr("n", (short) 5), Principal.of("a").attr("n", BigInteger.valueOf(5)));
        assertEquals(Resource.of("s").attr("x", 0.5f), Resource.of("s").attr("x", 0.5));
        assertEquals(Resource.of("s").attr("x", new BigDecimal("0.25")), Resource.of("s").attr("x", 0.25));
        assertEquals(CheckRequest.of(Principal.of("a"), "read", Resource.of("s")).context("n", 1),
                CheckRequest.of(Principal.of("a"), "read", Resource.of("s")).context(Map.of("n", 1L)));
        assertNotEquals(Principal.of("a").attr("n", 5), Principal.of("a").attr("n", 5.0));
    }

    @Test
    void valuesThatAreNotJsonAreRefused() {
        Principal principal = Principal.of("alice");
        IllegalArgumentException object = assertThrows(IllegalArgumentException.class,
                () -> principal.attr("when", Duration.ZERO));
        assertTrue(object.getMessage().startsWith("principal.attr.when: a java.time.Duration is not a JSON value"),
                object.getMessage());
        assertThrows(IllegalArgumentException.class, () -> principal.attr("x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> principal.attr("x", Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> principal.attr("x", BigInteger.TWO.pow(64)));
        assertThrows(IllegalArgumentException.class, () -> principal.attr("x", Map.of(1, "one")));
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> Resource.of("s").attr("list", List.of(1, List.of(new Object()))));
        assertTrue(nested.getMessage().startsWith("resource.attr.list[1][0]:"), nested.getMessage());
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThrows(IllegalArgumentException.class, () -> principal.attrs(nullKey));
        assertThrows(IllegalArgumentException.class, () -> principal.attr(null, 1));
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> Principal.of(""));
        assertThrows(IllegalArgumentException.class, () -> Principal.of(null));
        assertThrows(IllegalArgumentException.class, () -> Resource.of(""));
        assertThrows(IllegalArgumentException.class, () -> CheckRequest.of(Principal.of("a"), "", Resource.of("s")));
        assertThrows(NullPointerException.class, () -> CheckRequest.of(null, "read", Resource.of("s")));
        assertThrows(IllegalArgumentException.class,
                () -> CheckRequest.of(Principal.of("a"), "read", Resource.of("s")).minRevision(-1));
        assertThrows(NullPointerException.class, () -> Principal.of("a").roles("ok", null));
    }

    @Test
    void requestsAreEncodedAsTheContractSays() {
        CheckRequest request = CheckRequest.of(Principal.of("alice").roles("ops").attr("n", null),
                "reports:read", Resource.of("reports", "report", "q3").attr("tags", Arrays.asList("a", null)))
                .context("ip", "10.0.0.1").minRevision(42);
        assertEquals("{\"principal\":{\"id\":\"alice\",\"roles\":[\"ops\"],\"attr\":{\"n\":null}},"
                + "\"action\":\"reports:read\",\"resource\":{\"service\":\"reports\",\"kind\":\"report\",\"id\":\"q3\","
                + "\"attr\":{\"tags\":[\"a\",null]}},\"context\":{\"ip\":\"10.0.0.1\"},\"minRevision\":42}",
                new String(CheckCodec.encode(request), StandardCharsets.UTF_8));
        assertEquals("{\"principal\":{\"id\":\"a\"},\"action\":\"x\",\"resource\":{\"service\":\"s\",\"kind\":\"\","
                + "\"id\":\"\"}}", new String(CheckCodec.encode(CheckRequest.of(Principal.of("a"), "x",
                Resource.of("s"))), StandardCharsets.UTF_8));
    }

    @Test
    void clientBuildersRefuseIncompleteSettings() {
        assertThrows(IllegalStateException.class, () -> ArbiterClient.builder().token("t").build());
        assertThrows(IllegalStateException.class, () -> ArbiterClient.builder().endpoints("http://a:1").build());
        assertThrows(IllegalArgumentException.class, () -> ArbiterClient.builder().endpoints("ftp://a"));
        assertThrows(IllegalArgumentException.class, () -> ArbiterClient.builder().endpoints("not a url"));
        assertThrows(IllegalArgumentException.class, () -> ArbiterClient.builder().token(""));
        assertThrows(IllegalArgumentException.class, () -> ArbiterClient.builder().token("arb_x\n"));
        assertThrows(IllegalArgumentException.class, () -> ArbiterAdmin.builder().token("two words"));
        assertThrows(IllegalArgumentException.class, () -> ArbiterClient.builder().timeout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> ArbiterClient.builder().maxRetries(-1));
        assertThrows(IllegalArgumentException.class,
                () -> ArbiterClient.builder().circuitBreaker(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Decision(true, null, null, "x", null, -1, false,
                Decision.Failure.TIMEOUT, null, List.of()));
    }
}
