package dev.arbiter.server.engine;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.List;

/** A compiled CEL condition, shared by every rule whose condition has the same source. */
public final class Condition {

    private final String source;
    private final CelRuntime.Program program;
    private final String compileError;
    private final List<AttributeRead> reads;

    private Condition(String source, CelRuntime.Program program, String compileError, List<AttributeRead> reads) {
        this.source = source;
        this.program = program;
        this.compileError = compileError;
        this.reads = reads;
    }

    static Condition compiled(String source, CelRuntime.Program program, List<AttributeRead> reads) {
        return new Condition(source, program, null, reads);
    }

    /** A condition that could not be compiled: every evaluation fails with {@code compileError}. */
    static Condition failing(String source, String compileError) {
        return new Condition(source, null, compileError, List.of());
    }

    public String source() {
        return source;
    }

    /** The request members the condition reads by name, in source order. */
    public List<AttributeRead> reads() {
        return reads;
    }

    /** Evaluates against one request; never throws: every failure is a {@link ConditionResult.Failed}. */
    ConditionResult evaluate(ConditionInput input) {
        if (program == null) {
            return new ConditionResult.Failed(compileError);
        }
        Object value;
        try {
            value = program.eval(input);
        } catch (CelEvaluationException e) {
            return new ConditionResult.Failed(CelMessages.evaluationError(e.getMessage(), source));
        } catch (RuntimeException e) {
            return new ConditionResult.Failed("evaluation failed: " + e);
        }
        if (value instanceof Boolean bool) {
            return ConditionResult.of(bool);
        }
        return new ConditionResult.Failed("the condition produced " + describe(value) + ", not a bool");
    }

    private static String describe(Object value) {
        return value == null ? "no value" : "a value of type " + value.getClass().getSimpleName();
    }
}
