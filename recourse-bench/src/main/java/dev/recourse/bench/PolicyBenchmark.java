package dev.recourse.bench;

import dev.recourse.core.policy.CompiledPolicy;
import dev.recourse.core.policy.ContentEvent;
import dev.recourse.core.policy.Evaluation;
import dev.recourse.core.policy.PolicyCompiler;
import dev.recourse.core.policy.RuleLoad;
import dev.recourse.core.policy.Scorer;
import dev.recourse.core.policy.TextFolding;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policy engine: one event judged by a policy of {@code rules} rules ({@link RuleLoad}, the workload of
 * {@code recourse bench rules}), and the folding of one event's text that keyword and pattern matching start with.
 * Events cycle through a pool of 65,536 drawn from a fixed seed.
 *
 * <p>Run from the shaded jar: {@code java -jar recourse-bench/target/benchmarks.jar PolicyBenchmark}; with
 * {@code -t 2} for two threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
public class PolicyBenchmark {
    private static final int POOL = 1 << 16;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** The compiled policy and the events, shared by the threads: a compiled policy is immutable. */
    @State(Scope.Benchmark)
    public static class Workload {
        @Param({"50"})
        int rules;

        CompiledPolicy policy;
        List<ContentEvent> events;

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(0x5eed);
            RuleLoad load = RuleLoad.of(rules, random);
            policy = PolicyCompiler.compile(load.policy()).orElseThrow();
            events = load.events(POOL, random);
        }
    }

    /** Where each thread is in the pool. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        ContentEvent next(Workload w) {
            next = (next + 1) & (POOL - 1);
            return w.events.get(next);
        }
    }

    /** One event judged by every rule of the policy. */
    @Benchmark
    public Evaluation evaluate(Workload w, Cursor c) {
        return w.policy.evaluate(c.next(w), NOW, Scorer.NONE);
    }

    /** One event's texts folded for matching. */
    @Benchmark
    public int fold(Workload w, Cursor c) {
        int length = 0;
        for (String text : c.next(w).texts().values()) {
            length += TextFolding.fold(text).length();
        }
        return length;
    }
}
