package dev.arbiter.client.testing;

import dev.arbiter.client.CheckRequest;
import dev.arbiter.client.Policy;
import dev.arbiter.client.Principal;
import dev.arbiter.client.Resource;
import dev.arbiter.client.Rule;

/** DESIGN.md's example, in the client's model: the policy and the checkout service's charge checks. */
public final class DesignExample {

    public static final Principal CHECKOUT = Principal.of("spiffe://acme.prod/ns/shop/sa/checkout")
            .roles("service").attr("env", "prod");

    private DesignExample() {}

    /** The payments-api policy: checkout may charge up to 10000 in its own environment; no cross-env refunds. */
    public static Policy policy() {
        return Policy.of("payments-api", "payments")
                .description("Who may call the payments service")
                .rules(Rule.allow("checkout-can-charge")
                                .principals("spiffe://acme.prod/ns/shop/sa/checkout")
                                .actions("charges:create", "charges:read")
                                .kinds("charge")
                                .condition("resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"),
                        Rule.deny("no-cross-env-refunds")
                                .roles("*")
                                .actions("refunds:*")
                                .condition("principal.attr.env != resource.attr.env"));
    }

    public static Resource charge(long amount) {
        return Resource.of("payments", "charge", "ch_1").attr("amount", amount).attr("env", "prod");
    }

    /** The checkout service creating a charge of {@code amount}: allowed up to 10000. */
    public static CheckRequest chargeCheck(long amount) {
        return CheckRequest.of(CHECKOUT, "charges:create", charge(amount));
    }
}
