package dev.arbiter.server.cli.suite;

import dev.arbiter.server.engine.CompiledPolicy;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicySet;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.StoredPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs suites on the server's decision engine, offline: the repository's policies compiled as
 * the server compiles stored ones, each suite deciding on all of them or on those it names.
 */
public final class SuiteRunner {

    private final Map<String, CompiledPolicy> compiled = new HashMap<>();
    private final Map<Set<String>, PolicySet> policySets = new HashMap<>();

    /** @param policies valid policies, as a validated repository holds them */
    public SuiteRunner(List<Policy> policies, PolicyCompiler compiler) {
        for (Policy policy : policies) {
            compiled.put(policy.id(), compiler.compile(new StoredPolicy(policy, 0, 0, Instant.EPOCH, "")));
        }
    }

    /** The tests of {@code suite} whose {@code <suite>/<test>} name {@code selected} accepts. */
    public SuiteResult run(TestSuite suite, Predicate<String> selected) {
        DecisionEngine engine = new DecisionEngine();
        engine.install(policySets.computeIfAbsent(suite.policies(), this::policySet).with(0, suite.directory()));
        List<TestResult> results = new ArrayList<>();
        for (SuiteTest test : suite.tests()) {
            if (!selected.test(suite.name() + "/" + test.name())) {
                continue;
            }
            long start = System.nanoTime();
            List<CheckResult> checks = new ArrayList<>(test.checks().size());
            for (CheckCase check : test.checks()) {
                checks.add(new CheckResult(check, engine.decide(check.request(), check.nowMicros()),
                        engine.explain(check.request(), check.nowMicros())));
            }
            results.add(new TestResult(test, checks, System.nanoTime() - start));
        }
        return new SuiteResult(suite, results);
    }

    /** The named policies; every policy for an empty set. */
    private PolicySet policySet(Set<String> ids) {
        List<CompiledPolicy> policies = ids.isEmpty()
                ? List.copyOf(compiled.values())
                : ids.stream().map(compiled::get).toList();
        return PolicySet.of(0, policies);
    }
}
