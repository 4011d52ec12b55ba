package dev.arbiter.server.tracing;

import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.service.DecisionCall;
import dev.arbiter.server.service.DecisionOutcome;
import dev.arbiter.server.service.DecisionSpans;
import dev.arbiter.server.service.FrontDoor;
import dev.arbiter.server.service.TraceContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.Clock;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One SERVER span per front-door call, {@code arbiter <api>}, a child of the call's traceparent
 * (else a root), from the moment the request was read to its answer. Its attributes say what was
 * decided and never on what: principals, resources and attributes stay in the decision log.
 */
final class DecisionSpanExport implements DecisionSpans {

    static final AttributeKey<String> API = AttributeKey.stringKey("arbiter.api");
    static final AttributeKey<Boolean> ALLOW = AttributeKey.booleanKey("arbiter.decision.allow");
    static final AttributeKey<String> DECISION_ID = AttributeKey.stringKey("arbiter.decision_id");
    static final AttributeKey<Long> REVISION = AttributeKey.longKey("arbiter.policy.revision");
    static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("arbiter.batch.size");
    /** OpenTelemetry's semantic convention for a failed operation: the exception's class, never its message. */
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Tracer tracer;
    private final Clock clock;
    private final String[] names;

    DecisionSpanExport(Tracer tracer, Clock clock) {
        this.tracer = tracer;
        this.clock = clock;
        FrontDoor[] doors = FrontDoor.values();
        this.names = new String[doors.length];
        for (FrontDoor door : doors) {
            names[door.ordinal()] = "arbiter " + door.api();
        }
    }

    @Override
    public void single(DecisionCall call, Future<DecisionOutcome> answered) {
        answered.onComplete(done -> {
            SpanBuilder span = span(call);
            if (done.succeeded()) {
                Decision decision = done.result().decision();
                span.setAttribute(ALLOW, decision.allow())
                        .setAttribute(DECISION_ID, done.result().decisionId().toString())
                        .setAttribute(REVISION, decision.revision());
            }
            end(span, call, done);
        });
    }

    @Override
    public <T> void batch(DecisionCall call, int items, Future<T> answered,
            Function<T, List<DecisionOutcome>> outcomes) {
        answered.onComplete(done -> {
            SpanBuilder span = span(call).setAttribute(BATCH_SIZE, items);
            if (done.succeeded()) {
                long revision = -1;
                for (DecisionOutcome outcome : outcomes.apply(done.result())) {
                    revision = Math.max(revision, outcome.decision().revision());
                }
                if (revision >= 0) {
                    span.setAttribute(REVISION, revision);
                }
            }
            end(span, call, done);
        });
    }

    private SpanBuilder span(DecisionCall call) {
        SpanBuilder span = tracer.spanBuilder(names[call.door().ordinal()]).setSpanKind(SpanKind.SERVER)
                .setAttribute(API, call.door().api());
        TraceContext trace = call.trace();
        if (trace == null) {
            return span.setNoParent();
        }
        SpanContext parent = SpanContext.createFromRemoteParent(trace.traceId(), trace.parentSpanId(),
                TraceFlags.fromByte(trace.flags()), TraceState.getDefault());
        return span.setParent(Context.root().with(Span.wrap(parent)));
    }

    /** Started and ended at once: the call began when its request was read, on the monotonic clock. */
    private void end(SpanBuilder builder, DecisionCall call, AsyncResult<?> done) {
        long endEpochNanos = clock.now();
        long startEpochNanos = endEpochNanos - (clock.nanoTime() - call.receivedNanos());
        Span span = builder.setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS).startSpan();
        if (done.failed()) {
            span.setStatus(StatusCode.ERROR).setAttribute(ERROR_TYPE, done.cause().getClass().getName());
        }
        span.end(endEpochNanos, TimeUnit.NANOSECONDS);
    }
}
