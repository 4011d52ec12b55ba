package dev.arbiter.server.authzen;

import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.service.DecisionCall;
import dev.arbiter.server.service.DecisionOutcome;
import dev.arbiter.server.service.DecisionService;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of an evaluations request, each with the request's defaults for the members it
 * leaves out (whole objects, never merged), decided by the decision service. {@code execute_all}
 * decides every valid item at once; the short-circuit semantics decide in order and stop at the
 * first deny (an item that cannot be evaluated counts as one) or the first permit. Either way
 * the request is one call, reported as one span however many items it decides.
 */
public final class Evaluations {

    private final DecisionService decisions;

    public Evaluations(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Future<List<Evaluated>> run(DecisionCall call, String service, AuthzenRequest request) {
        List<Object> items = new ArrayList<>(request.evaluations().size());
        for (AuthzenRequest.Item item : request.evaluations()) {
            try {
                items.add(AuthzenChecks.evaluation(service, item.over(request.defaults())));
            } catch (ApiException invalid) {
                items.add(new Evaluated.Refused(invalid.getMessage()));
            }
        }
        AuthzenRequest.Semantic semantic = request.semantic();
        Future<List<Evaluated>> answers = semantic == null || semantic == AuthzenRequest.Semantic.EXECUTE_ALL
                ? all(call, items) : inOrder(call, items, semantic, 0, new ArrayList<>(items.size()));
        decisions.answered(call, items.size(), answers, Evaluations::outcomes);
        return answers;
    }

    private static List<DecisionOutcome> outcomes(List<Evaluated> answers) {
        List<DecisionOutcome> outcomes = new ArrayList<>(answers.size());
        for (Evaluated answer : answers) {
            if (answer instanceof Evaluated.Decided decided) {
                outcomes.add(decided.outcome());
            }
        }
        return outcomes;
    }

    private Future<List<Evaluated>> all(DecisionCall call, List<Object> items) {
        List<CheckRequest> checks = new ArrayList<>(items.size());
        items.stream().filter(CheckRequest.class::isInstance).forEach(item -> checks.add((CheckRequest) item));
        return decisions.decideEach(call, checks).map(outcomes -> {
            List<Evaluated> answers = new ArrayList<>(items.size());
            int next = 0;
            for (Object item : items) {
                answers.add(item instanceof CheckRequest ? new Evaluated.Decided(outcomes.get(next++))
                        : (Evaluated) item);
            }
            return answers;
        });
    }

    private Future<List<Evaluated>> inOrder(DecisionCall call, List<Object> items, AuthzenRequest.Semantic semantic,
            int index, List<Evaluated> answers) {
        if (index == items.size()) {
            return Future.succeededFuture(answers);
        }
        Future<Evaluated> next = items.get(index) instanceof CheckRequest check
                ? decisions.decideEach(call, List.of(check))
                        .map(outcomes -> (Evaluated) new Evaluated.Decided(outcomes.get(0)))
                : Future.succeededFuture((Evaluated) items.get(index));
        return next.compose(answer -> {
            answers.add(answer);
            return semantic.stopsAfter(answer.allow()) ? Future.succeededFuture(answers)
                    : inOrder(call, items, semantic, index + 1, answers);
        });
    }
}
