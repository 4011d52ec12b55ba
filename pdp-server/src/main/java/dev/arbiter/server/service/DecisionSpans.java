package dev.arbiter.server.service;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * Told of every front-door call as it is made, on the event loop, to report it as a trace span
 * once answered. {@link #OFF} is what runs unless span export is configured: it does nothing and
 * allocates nothing.
 */
public interface DecisionSpans {

    DecisionSpans OFF = new DecisionSpans() {
        @Override
        public void single(DecisionCall call, Future<DecisionOutcome> answered) {}

        @Override
        public <T> void batch(DecisionCall call, int items, Future<T> answered,
                Function<T, List<DecisionOutcome>> outcomes) {}
    };

    /** A call asking for one decision. */
    void single(DecisionCall call, Future<DecisionOutcome> answered);

    /**
     * A call asking for several decisions in one (a batch, AuthZEN evaluations).
     *
     * @param items how many the call asked for
     * @param answered the call's answer
     * @param outcomes the decisions in the answer, fewer than {@code items} when some were refused or
     *     never reached
     */
    <T> void batch(DecisionCall call, int items, Future<T> answered, Function<T, List<DecisionOutcome>> outcomes);
}
