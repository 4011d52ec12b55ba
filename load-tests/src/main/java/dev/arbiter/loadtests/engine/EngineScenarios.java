package dev.arbiter.loadtests.engine;

import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.CompiledPolicy;
import dev.arbiter.server.engine.ConditionCompiler;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.Directory;
import dev.arbiter.server.engine.DirectoryPrincipal;
import dev.arbiter.server.engine.DirectoryResource;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicySet;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.RequestMap;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.store.model.Effect;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyMode;
import dev.arbiter.store.model.Problem;
import dev.arbiter.store.model.Rule;
import dev.arbiter.store.model.StoredPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policy sets and checks the engine is measured on. Every workload knows the answer each of
 * its checks must get, so a benchmark never times a check that went wrong (say, a condition
 * failing on a missing attribute, which is cheap and would flatter the numbers).
 */
public final class EngineScenarios {

    static final String CHECKOUT = "spiffe://acme.prod/ns/shop/sa/checkout";
    private static final int RULES_PER_SERVICE = 10;
    private static final int GUARDRAILS = 20;
    private static final int POOL = 1024;
    private static final List<String> REGIONS = List.of("eu", "us", "apac");

    private EngineScenarios() {}

    /** An engine loaded with a policy set, and checks to ask it with the answer each must get. */
    public record Workload(DecisionEngine engine, CheckRequest[] checks, boolean[] allows) {

        /** Decides every check once; throws when one gets a different answer than it should. */
        public Workload verified() {
            for (int i = 0; i < checks.length; i++) {
                var decision = engine.decide(checks[i], Micros.now());
                if (decision.allow() != allows[i]) {
                    throw new IllegalStateException("check " + i + " should be " + (allows[i] ? "allowed" : "denied")
                            + " but was answered: " + decision.reason());
                }
            }
            return this;
        }
    }

    /** DESIGN.md's example policy; the checkout service charging 5000 (allowed after its condition). */
    public static Workload small() {
        return workload(List.of(designExample()), List.of(charge(5000)), List.of(true));
    }

    /** DESIGN.md's example, and a cross-environment refund its deny rule refuses. */
    public static Workload smallDeny() {
        CheckRequest refund = new CheckRequest(new Principal("spiffe://acme.dev/ns/shop/sa/support", List.of(),
                attributes("env", "dev")), "refunds:create", new Resource("payments", "refund", "rf_1",
                attributes("env", "prod")), attributes(), 0);
        return workload(List.of(designExample()), List.of(refund), List.of(false));
    }

    /**
     * DESIGN.md's example behind an organisation-wide policy of {@value #GUARDRAILS} deny rules
     * that apply to every principal and action: each of their conditions is evaluated (and holds
     * false) before the allow rule decides.
     */
    public static Workload denyHeavy() {
        List<Rule> denies = new ArrayList<>();
        for (int i = 0; i < GUARDRAILS; i++) {
            denies.add(new Rule("guardrail-" + i, Effect.DENY, List.of(), List.of("*"), List.of("*"), List.of(),
                    i % 2 == 0
                            ? "context.sourceIp == \"192.0.2." + i + "\" || principal.attr.env == \"quarantine-" + i + "\""
                            : "resource.attr.amount > " + (1_000_000 + i) + " && resource.attr.env != principal.attr.env"));
        }
        Policy guardrails = new Policy("aaa-guardrails", Policy.EVERY_SERVICE, "", PolicyMode.ENFORCE, denies);
        return workload(List.of(guardrails, designExample()), List.of(charge(5000)), List.of(true));
    }

    /**
     * One allow rule whose condition walks lists (a membership test across two lists of eight, an
     * {@code all} over labels), builds and compares strings and compares numbers.
     */
    public static Workload conditionHeavy() {
        Rule rule = new Rule("ledger-readers", Effect.ALLOW, List.of("spiffe://acme.prod/ns/*/sa/*"), List.of(),
                List.of("ledgers:read"), List.of("ledger"),
                "principal.attr.groups.exists(g, g in resource.attr.owners)"
                        + " && resource.attr.path.startsWith(\"/ledgers/\" + principal.attr.tenant + \"/\")"
                        + " && resource.attr.labels.all(l, l.size() <= 32)"
                        + " && principal.attr.clearance >= resource.attr.level"
                        + " && context.sourceIp.startsWith(\"10.\")");
        Policy policy = new Policy("ledger-access", "ledgers", "", PolicyMode.ENFORCE, List.of(rule));
        List<String> groups = List.of("g1", "g2", "g3", "g4", "g5", "g6", "g7", "finance");
        List<String> owners = List.of("o1", "o2", "o3", "o4", "o5", "o6", "o7", "finance");
        List<String> labels = List.of("pci", "eu", "tier-1", "audited", "gl", "q4", "closed", "primary");
        CheckRequest check = new CheckRequest(
                new Principal(CHECKOUT, List.of(), attributes("groups", groups, "tenant", "acme", "clearance", 3L)),
                "ledgers:read",
                new Resource("ledgers", "ledger", "l_1", attributes("owners", owners, "path", "/ledgers/acme/2026/11",
                        "labels", labels, "level", 2L)),
                attributes("sourceIp", "10.1.2.3"), 0);
        return workload(List.of(policy), List.of(check), List.of(true));
    }

    /**
     * {@code services} policies of {@value #RULES_PER_SERVICE} rules each (one deny for every
     * principal, nine allows each for its own team), and checks spread over all services: each
     * evaluates the deny's condition and its team's allow condition. Conditions repeat across
     * services (ten sources in all), as policies written from templates do.
     */
    public static Workload manyServices(int services) {
        List<Policy> policies = new ArrayList<>(services);
        for (int s = 0; s < services; s++) {
            policies.add(servicePolicy(s));
        }
        List<CheckRequest> checks = new ArrayList<>(POOL);
        List<Boolean> allows = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            int service = (int) ((i * 2_654_435_761L) % services);
            int team = 1 + i % (RULES_PER_SERVICE - 1);
            long amount = i % 4 == 0 ? 1000L * team + 1 : 1000L * team - 1;
            checks.add(new CheckRequest(
                    new Principal("spiffe://acme.prod/ns/team" + team + "/sa/app-" + i, List.of("service"),
                            attributes("env", "prod")),
                    i % 2 == 0 ? "orders:read" : "orders:write",
                    new Resource("service-" + service, "order", "o_" + i, attributes("amount", amount, "env", "prod")),
                    attributes(), 0));
            allows.add(i % 4 != 0);
        }
        return workload(policies, checks, allows);
    }

    /**
     * Staff reading documents of their region, at a minimum level: with {@code entries} directory
     * entries (half principals, half resources, four attributes each) and checks that send only
     * ids, or ({@code entries} = 0) with the same facts sent by the caller and no directory. The
     * difference between the two is the cost of the directory's lookups and merge. The checks name
     * {@code spread} different principals and resources: spread over a large directory, its
     * entries are not in the CPU's caches; a few, and they are.
     */
    public static Workload directory(int entries, int spread) {
        Policy policy = new Policy("documents", "docs", "", PolicyMode.ENFORCE, List.of(new Rule(
                "staff-read-their-region", Effect.ALLOW, List.of(), List.of("staff"), List.of("docs:read"),
                List.of("document"), "principal.attr.region == resource.attr.region && principal.attr.level >= 2")));
        List<DirectoryPrincipal> principals = new ArrayList<>(entries / 2);
        List<DirectoryResource> resources = new ArrayList<>(entries / 2);
        for (int i = 0; i < entries / 2; i++) {
            principals.add(new DirectoryPrincipal(userId(i), "user", List.of("staff", "team-" + i % 100),
                    userAttributes(i)));
            resources.add(new DirectoryResource("docs", "document", documentId(i), documentAttributes(i)));
        }
        List<CheckRequest> checks = new ArrayList<>(POOL);
        List<Boolean> allows = new ArrayList<>(POOL);
        for (int n = 0; n < POOL; n++) {
            int i = (int) ((n * 2_654_435_761L) % spread);
            Principal principal = entries == 0
                    ? new Principal(userId(i), "user", List.of("staff", "team-" + i % 100), userAttributes(i))
                    : new Principal(userId(i), List.of(), attributes());
            Resource resource = new Resource("docs", "document", documentId(i),
                    entries == 0 ? documentAttributes(i) : attributes());
            checks.add(new CheckRequest(principal, "docs:read", resource, attributes(), 0));
            allows.add(i % 4 != 0);
        }
        Directory directory = Directory.EMPTY.with(principals, List.of(), resources, List.of());
        return workload(List.of(policy), directory, checks, allows);
    }

    private static String userId(int i) {
        return String.format("user-%07d", i);
    }

    private static String documentId(int i) {
        return String.format("doc-%07d", i);
    }

    private static Map<String, Object> userAttributes(int i) {
        return attributes("department", "dept-" + i % 40, "level", i % 4 == 0 ? 1L : 3L, "active", i % 10 != 0,
                "region", REGIONS.get(i % 3));
    }

    private static Map<String, Object> documentAttributes(int i) {
        return attributes("owner", userId(i), "classification", "c-" + i % 3, "size", i * 17L,
                "region", REGIONS.get(i % 3));
    }

    private static Policy servicePolicy(int s) {
        List<Rule> rules = new ArrayList<>(RULES_PER_SERVICE);
        rules.add(new Rule("no-cross-env", Effect.DENY, List.of(), List.of("*"), List.of("orders:*"), List.of(),
                "principal.attr.env != resource.attr.env"));
        for (int team = 1; team < RULES_PER_SERVICE; team++) {
            rules.add(new Rule("team-" + team, Effect.ALLOW, List.of("spiffe://acme.prod/ns/team" + team + "/sa/*"),
                    List.of(), List.of("orders:read", "orders:write"), List.of("order"),
                    "resource.attr.amount <= " + 1000L * team + " && principal.attr.env == resource.attr.env"));
        }
        return new Policy("policy-" + s, "service-" + s, "", PolicyMode.ENFORCE, rules);
    }

    static Policy designExample() {
        return new Policy("payments-api", "payments", "Who may call the payments service", PolicyMode.ENFORCE, List.of(
                new Rule("checkout-can-charge", Effect.ALLOW, List.of(CHECKOUT), List.of(),
                        List.of("charges:create", "charges:read"), List.of("charge"),
                        "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"),
                new Rule("no-cross-env-refunds", Effect.DENY, List.of(), List.of("*"), List.of("refunds:*"), List.of(),
                        "principal.attr.env != resource.attr.env")));
    }

    /** DESIGN.md's example check: the checkout service creating a charge of {@code amount}. */
    static CheckRequest charge(long amount) {
        return new CheckRequest(new Principal(CHECKOUT, List.of("service"), attributes("env", "prod")), "charges:create",
                new Resource("payments", "charge", "ch_1", attributes("amount", amount, "env", "prod")),
                attributes("sourceIp", "10.1.2.3"), 0);
    }

    /** Attributes (or context) as the server reads them off the wire. */
    private static Map<String, Object> attributes(Object... keysAndValues) {
        RequestMap.Builder<Object> members = new RequestMap.Builder<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            members.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return members.build();
    }

    private static Workload workload(List<Policy> policies, List<CheckRequest> checks, List<Boolean> allows) {
        return workload(policies, Directory.EMPTY, checks, allows);
    }

    private static Workload workload(List<Policy> policies, Directory directory, List<CheckRequest> checks,
            List<Boolean> allows) {
        PolicyCompiler compiler = new PolicyCompiler(new ConditionCompiler(100_000));
        List<CompiledPolicy> compiled = new ArrayList<>(policies.size());
        for (Policy policy : policies) {
            List<Problem> problems = compiler.check(policy);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("benchmark policy " + policy.id() + " is invalid: " + problems);
            }
            compiled.add(compiler.compile(new StoredPolicy(policy, 1, 1, Instant.EPOCH, "benchmark")));
        }
        DecisionEngine engine = new DecisionEngine();
        engine.install(PolicySet.of(1, compiled).with(1, directory));
        boolean[] expected = new boolean[allows.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = allows.get(i);
        }
        return new Workload(engine, checks.toArray(CheckRequest[]::new), expected).verified();
    }
}
