package dev.arbiter.loadtests.sdk;

import dev.arbiter.client.Decision;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Check round trips on loopback (see {@link CheckFixture}): {@code sdkCheck} against
 * {@code bareHttpClient}, and {@code sdkCachedCheck}, a check the client's cache answers.
 * JMH runs the benchmarks one after the other; on a shared machine prefer the interleaved
 * {@link ClientOverheadComparison} for the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class ClientOverheadBenchmark {

    private CheckFixture fixture;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new CheckFixture();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public Decision sdkCheck() {
        return fixture.sdkCheck();
    }

    @Benchmark
    public Decision sdkCachedCheck() {
        return fixture.cachedCheck();
    }

    @Benchmark
    public byte[] bareHttpClient() {
        return fixture.bareCheck();
    }
}
