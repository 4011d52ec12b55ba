package dev.arbiter.client;

/** The requests of DESIGN.md's example, shared by the tests. */
final class Requests {

    static final Principal CHECKOUT = Principal.of("spiffe://acme.prod/ns/shop/sa/checkout")
            .roles("service").attr("env", "prod");

    private Requests() {}

    static Resource charge(long amount) {
        return Resource.of("payments", "charge", "ch_1").attr("amount", amount).attr("env", "prod");
    }

    static CheckRequest chargeCheck(long amount) {
        return CheckRequest.of(CHECKOUT, "charges:create", charge(amount));
    }

    /** The example policy of DESIGN.md, built with the admin client's model. */
    static Policy paymentsApi() {
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
}
