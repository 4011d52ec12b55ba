package dev.arbiter.loadtests.engine;

import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.DecisionEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine alone, in-process: one {@link DecisionEngine#decide} per operation on one of the
 * {@link EngineScenarios}, cycling through the scenario's checks. Quote the p50 of the sample
 * distribution; {@code manyServices} at 100 and 10,000 services shows that the cost does not
 * depend on how many services the store governs; {@code directory1M} against {@code claimed} is
 * the cost of looking principal and resource up in a directory of a million entries, whose
 * entries are out of the CPU's caches; {@code directory1MHot} asks about 16 of them only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EngineBenchmark {

    @Param({"small", "smallDeny", "denyHeavy", "conditionHeavy", "services100", "services10000", "claimed",
        "directory1M", "directory1MHot"})
    public String scenario;

    private DecisionEngine engine;
    private CheckRequest[] checks;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        EngineScenarios.Workload workload = switch (scenario) {
            case "small" -> EngineScenarios.small();
            case "smallDeny" -> EngineScenarios.smallDeny();
            case "denyHeavy" -> EngineScenarios.denyHeavy();
            case "conditionHeavy" -> EngineScenarios.conditionHeavy();
            case "services100" -> EngineScenarios.manyServices(100);
            case "services10000" -> EngineScenarios.manyServices(10_000);
            case "claimed" -> EngineScenarios.directory(0, 500_000);
            case "directory1M" -> EngineScenarios.directory(1_000_000, 500_000);
            case "directory1MHot" -> EngineScenarios.directory(1_000_000, 16);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        engine = workload.engine();
        checks = workload.checks();
    }

    @Benchmark
    public Decision decide() {
        CheckRequest check = checks[next];
        next = next + 1 == checks.length ? 0 : next + 1;
        return engine.decide(check, Micros.now());
    }
}
