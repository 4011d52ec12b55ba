package dev.arbiter.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.testing.ApiClient;

/** The README's payments policy and the checks of its checkout service, for the console's tests. */
final class Payments {

    static final String CHECKOUT = "spiffe://acme.prod/ns/shop/sa/checkout";
    static final String SUPPORT = "spiffe://acme.dev/ns/shop/sa/support";
    static final String POLICY = """
            {"id": "payments-api", "service": "payments", "description": "Who may call the payments service",
             "rules": [
              {"name": "checkout-can-charge", "effect": "allow", "principals": ["%s"],
               "actions": ["charges:create", "charges:read"], "kinds": ["charge"],
               "condition": "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"},
              {"name": "no-cross-env-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:*"],
               "condition": "principal.attr.env != resource.attr.env"}]}""".formatted(CHECKOUT);

    private Payments() {}

    /** A charge of {@code amount} by {@code principal} in prod. */
    static String charge(String principal, int amount) {
        return """
                {"principal": {"id": "%s", "roles": ["service"], "attr": {"env": "prod"}},
                 "action": "charges:create",
                 "resource": {"service": "payments", "kind": "charge", "id": "ch_%d", "attr": {"amount": %d, "env": "prod"}}}
                """.formatted(principal, amount, amount);
    }

    /** Stores the policy and sends charges: those up to 10,000 by checkout are allowed, the others denied. */
    static void storeAndCharge(ApiClient admin, ApiClient service, int... amounts) {
        assertEquals(201, admin.put("/v1/policies/payments-api", POLICY).status());
        for (int amount : amounts) {
            assertEquals(200, service.post("/v1/check", charge(CHECKOUT, amount)).status());
        }
        assertEquals(200, service.post("/v1/check", charge(SUPPORT, 700)).status());
    }
}
