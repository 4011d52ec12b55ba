package dev.arbiter.server.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.error.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping's small rules: hosts without ports, query parameters, what names no service. */
class ExtAuthzChecksTest {

    private static CheckRequest check(String method, String path, String host, Map<String, String> extensions) {
        return ExtAuthzChecks.check(new HttpCall(method, path, host, Map.of(), "", "", "", extensions, Map.of()));
    }

    @Test
    void theHostLosesItsPortAndItsCaseNeverAnIpv6AddressItsColons() {
        assertEquals("orders", ExtAuthzChecks.withoutPort("orders:8080"));
        assertEquals("orders.shop.svc", ExtAuthzChecks.withoutPort("Orders.Shop.SVC"));
        assertEquals("[::1]", ExtAuthzChecks.withoutPort("[::1]:8443"));
        assertEquals("[2001:db8::7]", ExtAuthzChecks.withoutPort("[2001:db8::7]"));
        assertEquals("2001:db8::7", ExtAuthzChecks.withoutPort("2001:db8::7"));
        assertEquals("10.0.0.1", ExtAuthzChecks.withoutPort("10.0.0.1:80"));
    }

    @Test
    void queryParametersAreDecodedAndTheFirstOfARepeatedOneCounts() {
        CheckRequest check = check("GET", "/search?q=red+shoes&q=boots&page=%32&flag&broken=%zz&=anonymous", "orders",
                Map.of());
        assertEquals(Map.of("q", "red shoes", "page", "2", "flag", "", "broken", "%zz", "", "anonymous"),
                Map.copyOf((Map<?, ?>) check.resource().attr().get("query")));
        assertEquals("GET /search", check.action());
        assertEquals("/search", check.resource().id());
    }

    @Test
    void aRequestNamingNoServiceOrNoMethodIsRefused() {
        assertThrows(ApiException.class, () -> check("GET", "/x", "", Map.of()));
        assertThrows(ApiException.class, () -> check("GET", "/x", ":8080", Map.of()));
        assertThrows(ApiException.class, () -> check("", "/x", "orders", Map.of()));
        assertEquals("named", check("GET", "/x", "", Map.of("service", "named")).resource().service());
        assertEquals("orders", check("GET", "/x", "orders", Map.of("service", "")).resource().service());
    }
}
