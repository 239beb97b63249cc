package dev.recourse.server.cli;

import dev.recourse.core.policy.CompiledPolicy;
import dev.recourse.core.policy.ContentEvent;
import dev.recourse.core.policy.Evaluation;
import dev.recourse.core.policy.PolicyCompiler;
import dev.recourse.core.policy.Scorer;
import dev.recourse.core.policy.RuleLoad;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recourse bench rules}: the policy engine, measured. It compiles a realistic policy of {@code --rules} rules
 * ({@link RuleLoad}: CEL conditions, a 10,000-term keyword list in Latin, Persian and Arabic, regular expressions,
 * hash lists) and evaluates {@code --events} synthetic events with it on {@code --threads} threads (one per core by
 * default), after an unmeasured warm-up. Events are drawn once into a pool of at most {@link #POOL} and evaluated in
 * turn, so that drawing them is not measured.
 *
 * <p>The last line on stdout is the result as one JSON object; {@code ruleEvaluationsPerSecond} counts each event
 * against every rule of the policy, as the evaluator judges it by all of them (most are ruled out by event type or
 * lists before their condition runs).
 */
@Command(name = "rules", description = {
    "Evaluate N synthetic content events with a realistic policy of R rules (CEL conditions, a 10,000-term keyword"
            + " list, regular expressions, hash lists) on every core; report events/s and rule evaluations/s.",
    "The last line is the result as JSON."
})
final class BenchRulesCommand implements java.util.concurrent.Callable<Integer> {
    /** The most distinct events drawn; longer runs evaluate them again in turn. */
    static final int POOL = 200_000;
    private static final int BATCH = 2_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Option(names = "--events", paramLabel = "N", required = true, description = "How many events.")
    long events;

    @Option(names = "--rules", paramLabel = "R", defaultValue = "50", description = "How many rules (default ${DEFAULT-VALUE}).")
    int rules;

    @Option(names = "--threads", paramLabel = "T", description = "How many threads evaluate (default: one per core).")
    Integer threads;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "300000",
            description = "First evaluate W events, unmeasured, so that the JVM has compiled the hot code (default ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed of the workload (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    private final InstantSource clock;

    BenchRulesCommand() {
        // The command line is the edge of the program: the one place the system clock is read.
        this.clock = InstantSource.system();
    }

    /** What the evaluators counted, and the CPU time their threads took. */
    private record Counted(long outcomes, long conditions, long cpuNanos) {}

    @Override
    public Integer call() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        check(t);
        PrintWriter err = spec.commandLine().getErr();
        SplittableRandom random = new SplittableRandom(seed);
        RuleLoad load = RuleLoad.of(rules, random);
        CompiledPolicy policy = PolicyCompiler.compile(load.policy()).orElseThrow();
        List<ContentEvent> pool = load.events((int) Math.min(POOL, Math.max(events, 1)), random);
        err.println("recourse: " + rules + " rules, " + RuleLoad.TERMS + " keyword terms, " + pool.size() + " distinct events, "
                + t + " threads (load average " + BenchDecisionsCommand.loadAverage() + ")");
        err.flush();
        Instant now = clock.instant();
        if (warmup > 0) {
            try (Progress progress = Progress.of("warmed up with", warmup, err, Progress.Style.forStderr(), clock)) {
                evaluate(policy, pool, warmup, t, now, progress);
            }
        }
        long start = System.nanoTime();
        Counted counted;
        try (Progress progress = Progress.of("evaluated", events, err, Progress.Style.forStderr(), clock)) {
            counted = evaluate(policy, pool, events, t, now, progress);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d events, %d rules, %d threads: %d outcomes, %d conditions evaluated (%.2f per event); load average %s%n",
                events, rules, t, counted.outcomes(), counted.conditions(), (double) counted.conditions() / events,
                BenchDecisionsCommand.loadAverage());
        double cpuMicros = counted.cpuNanos() / 1e3 / events;
        out.printf(Locale.ROOT, "CPU per event: %.2f us on the evaluating threads, that is %.0f events/s per core the"
                + " machine gives them in full%n", cpuMicros, 1e6 / cpuMicros);
        out.printf(Locale.ROOT, "{\"events\":%d,\"rules\":%d,\"seconds\":%.3f,\"eventsPerSecond\":%.0f,\"ruleEvaluationsPerSecond\":%.0f}%n",
                events, rules, seconds, events / seconds, events * (double) rules / seconds);
        out.flush();
        return 0;
    }

    private void check(int t) {
        if (events < 1) {
            throw new ParameterException(spec.commandLine(), "--events must be at least 1, not " + events);
        }
        if (rules < 1 || rules > 10_000) {
            throw new ParameterException(spec.commandLine(), "--rules must be 1 to 10000, not " + rules);
        }
        if (t < 1 || t > 1024) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 to 1024, not " + t);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be at least 0, not " + warmup);
        }
    }

    /** Evaluates {@code n} events of {@code pool} in turn on {@code t} platform threads, in batches. */
    private static Counted evaluate(CompiledPolicy policy, List<ContentEvent> pool, long n, int t, Instant now, Progress progress)
            throws Exception {
        AtomicLong next = new AtomicLong();
        List<Future<Counted>> workers = new ArrayList<>(t);
        try (ExecutorService executor = Executors.newFixedThreadPool(t)) {
            for (int w = 0; w < t; w++) {
                workers.add(executor.submit(() -> {
                    long cpuBefore = THREADS.getCurrentThreadCpuTime();
                    long outcomes = 0;
                    long conditions = 0;
                    for (long from = next.getAndAdd(BATCH); from < n; from = next.getAndAdd(BATCH)) {
                        long to = Math.min(n, from + BATCH);
                        for (long i = from; i < to; i++) {
                            Evaluation e = policy.evaluate(pool.get((int) (i % pool.size())), now, Scorer.NONE);
                            outcomes += e.outcomes().size();
                            conditions += e.conditionsEvaluated();
                        }
                        progress.advance(to - from);
                    }
                    return new Counted(outcomes, conditions, THREADS.getCurrentThreadCpuTime() - cpuBefore);
                }));
            }
            long outcomes = 0;
            long conditions = 0;
            long cpu = 0;
            for (Future<Counted> worker : workers) {
                outcomes += worker.get().outcomes();
                conditions += worker.get().conditions();
                cpu += worker.get().cpuNanos();
            }
            return new Counted(outcomes, conditions, cpu);
        }
    }
}
