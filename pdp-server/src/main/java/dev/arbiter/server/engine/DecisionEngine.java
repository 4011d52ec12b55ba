package dev.arbiter.server.engine;

import dev.arbiter.store.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides checks against the current {@link PolicySet}, which is swapped atomically on change.
 * Plain Java, thread-safe, never blocks.
 *
 * <p>Semantics: a rule of a policy for the resource's service or for "*" is a candidate when its
 * action, principal and kind match. Any candidate deny rule whose condition is true or fails
 * denies; otherwise any candidate allow rule whose condition is true allows; otherwise the
 * default is deny. The rule reported is the first deciding one in (policy id, position) order.
 * Rules of dry-run policies never change the decision; when enforcing them too would decide
 * {@code allow} otherwise, the decision carries that as its {@link Shadow}.
 */
public final class DecisionEngine {

    private volatile PolicySet policies = PolicySet.empty();
    /** Conditions that failed to evaluate; touched only when one fails, never on a healthy decision. */
    private final LongAdder conditionErrors = new LongAdder();

    public PolicySet policies() {
        return policies;
    }

    /** How many condition evaluations failed since this engine was made (a policy error, or a missing attribute). */
    public long conditionErrors() {
        return conditionErrors.sum();
    }

    /** Makes {@code next} the set every later decision sees. */
    public void install(PolicySet next) {
        policies = next;
    }

    /**
     * Decides {@code request}, with what the directory knows merged in, as at {@code nowMicros}
     * (microseconds since the epoch), the conditions' {@code now}.
     */
    public Decision decide(CheckRequest asked, long nowMicros) {
        PolicySet current = policies;
        CheckRequest request = current.directory().merge(asked);
        ServicePolicies everyService = current.policiesOf(Policy.EVERY_SERVICE);
        ServicePolicies own = ownPolicies(current, request);
        String action = request.action();
        Verdict real = new Verdict();
        if (!own.hasDryRun() && !everyService.hasDryRun()) {
            walk(request, nowMicros, own.enforced().candidatesFor(action),
                    everyService.enforced().candidatesFor(action), real, null);
            return real.decision(request, current.revision());
        }
        Verdict shadow = new Verdict();
        walk(request, nowMicros, own.all().candidatesFor(action), everyService.all().candidatesFor(action), real,
                shadow);
        return conclude(request, current.revision(), real, shadow);
    }

    /**
     * Decides as {@link #decide} does, but looks at every rule of the applying policies and
     * evaluates the condition of every candidate, to show how each one fared. For people
     * debugging policies, not for the hot path.
     */
    public Explanation explain(CheckRequest asked, long nowMicros) {
        PolicySet current = policies;
        CheckRequest request = current.directory().merge(asked);
        SortedMap<String, CompiledPolicy> applying = new TreeMap<>(current.policiesOf(Policy.EVERY_SERVICE).policies());
        applying.putAll(ownPolicies(current, request).policies());
        ConditionInput input = new ConditionInput(request, nowMicros);
        Verdict real = new Verdict();
        Verdict shadow = new Verdict();
        List<RuleExplanation> rules = new ArrayList<>();
        for (CompiledPolicy policy : applying.values()) {
            for (CompiledRule rule : policy.rules()) {
                boolean principalMatched = rule.matchesPrincipal(request.principal());
                boolean actionMatched = rule.matchesAction(request.action());
                boolean kindMatched = rule.matchesKind(request.resource().kind());
                ConditionResult result = null;
                if (principalMatched && actionMatched && kindMatched) {
                    result = evaluate(rule, input);
                    if (!rule.isDryRun()) {
                        real.add(rule, result);
                    }
                    shadow.add(rule, result);
                }
                rules.add(new RuleExplanation(rule.policyId(), rule.name(), rule.effect(), rule.isDryRun(),
                        principalMatched, actionMatched, kindMatched, result));
            }
        }
        return new Explanation(conclude(request, current.revision(), real, shadow), rules,
                current.directory().use(asked));
    }

    /**
     * Evaluates the candidates among {@code own} and {@code everyService} (each in decision order)
     * merged by (policy id, position), until neither verdict can change any more. Enforced rules
     * count for both verdicts, dry-run rules only for the shadow one; {@code shadow} is null when
     * no dry-run policy applies.
     */
    private void walk(CheckRequest request, long nowMicros, CompiledRule[] own, CompiledRule[] everyService,
            Verdict real, Verdict shadow) {
        ConditionInput input = null;
        int i = 0;
        int j = 0;
        while (i < own.length || j < everyService.length) {
            CompiledRule rule = j >= everyService.length || (i < own.length && own[i].precedes(everyService[j]))
                    ? own[i++]
                    : everyService[j++];
            boolean forReal = !rule.isDryRun() && real.needs(rule);
            boolean forShadow = shadow != null && shadow.needs(rule);
            if (!(forReal || forShadow) || !rule.isCandidate(request)) {
                continue;
            }
            if (input == null) {
                input = new ConditionInput(request, nowMicros);
            }
            ConditionResult result = evaluate(rule, input);
            if (forReal) {
                real.add(rule, result);
            }
            if (forShadow) {
                shadow.add(rule, result);
            }
            if (real.isFinal() && (shadow == null || shadow.isFinal())) {
                return;
            }
        }
    }

    private ConditionResult evaluate(CompiledRule rule, ConditionInput input) {
        ConditionResult result = rule.evaluate(input);
        if (result.isError()) {
            conditionErrors.increment();
        }
        return result;
    }

    /**
     * The policies of the request's own service; none for a request naming service "*", whose
     * policies are already those of every service and must not be walked twice.
     */
    private static ServicePolicies ownPolicies(PolicySet current, CheckRequest request) {
        String service = request.resource().service();
        return Policy.EVERY_SERVICE.equals(service) ? ServicePolicies.NONE : current.policiesOf(service);
    }

    private static Decision conclude(CheckRequest request, long revision, Verdict real, Verdict shadow) {
        return real.decision(request, revision).shadowedBy(shadow.decision(request, revision));
    }
}
