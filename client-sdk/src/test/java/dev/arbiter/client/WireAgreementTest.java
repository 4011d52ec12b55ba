package dev.arbiter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.check.CheckCodec;
import dev.cel.common.values.NullValue;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The client's encoder and the server's decoder are separate code on purpose; here they must agree
 * on every field of a check: what the client sends is the request the server decides.
 */
class WireAgreementTest {

    @Test
    void theServerReadsEveryFieldTheClientWrites() {
        CheckRequest sent = CheckRequest.of(
                        Principal.of("spiffe://acme.prod/ns/shop/sa/checkout").type("workload")
                                .roles("service", "payments")
                                .attr("env", "prod").attr("level", 3).attr("score", 0.75).attr("admin", false)
                                .attr("none", null).attr("tags", List.of("a", 1L, List.of(new BigDecimal("2.5"))))
                                .attr("nested", Map.of("deep", Map.of("x", "y"))),
                        "charges:create",
                        Resource.of("payments", "charge", "ch_1").attr("amount", 5000).attr("currency", "EUR"))
                .context("sourceIp", "10.1.2.3").context("headers", Map.of("x-request-id", "r1"))
                .actionAttr("method", "POST").actionAttr("soft", true)
                .minRevision(42);
        assertAgree(sent);
    }

    @Test
    void theServerReadsTheClientsDefaultsAsItsOwn() {
        assertAgree(CheckRequest.of(Principal.of("p"), "read", Resource.of("s")));
    }

    @Test
    void bothSidesHaveTheSameFields() {
        assertEquals(fields(dev.arbiter.server.engine.CheckRequest.class), fields(CheckRequest.class));
        assertEquals(fields(dev.arbiter.server.engine.Principal.class), fields(Principal.class));
        assertEquals(fields(dev.arbiter.server.engine.Resource.class), fields(Resource.class));
    }

    private static void assertAgree(CheckRequest sent) {
        dev.arbiter.server.engine.CheckRequest read = CheckCodec.read(dev.arbiter.client.CheckCodec.encode(sent));
        assertEquals(sent.principal().id(), read.principal().id());
        assertEquals(sent.principal().type(), read.principal().type());
        assertEquals(sent.principal().roles(), read.principal().roles());
        assertEquals(celForm(sent.principal().attr()), read.principal().attr());
        assertEquals(sent.action(), read.action());
        assertEquals(sent.resource().service(), read.resource().service());
        assertEquals(sent.resource().kind(), read.resource().kind());
        assertEquals(sent.resource().id(), read.resource().id());
        assertEquals(celForm(sent.resource().attr()), read.resource().attr());
        assertEquals(celForm(sent.context()), read.context());
        assertEquals(celForm(sent.actionAttr()), read.actionAttr());
        assertEquals(sent.minRevision(), read.minRevision());
    }

    private static Set<String> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    /** A client value in the form the server decides with: integers as Long, other numbers as Double, CEL null. */
    private static Object celForm(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, member) -> converted.put((String) key, celForm(member)));
            return converted;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>();
            list.forEach(element -> converted.add(celForm(element)));
            return converted;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value;
    }
}
