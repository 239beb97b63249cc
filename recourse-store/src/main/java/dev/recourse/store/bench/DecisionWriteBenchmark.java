package dev.recourse.store.bench;

import dev.recourse.store.database.Database;
import dev.recourse.store.database.DatabaseSettings;
import dev.recourse.store.ledger.LedgerIntegrator;
import dev.recourse.store.ledger.LedgerProgress;
import dev.recourse.store.ledger.LedgerSettings;
import dev.recourse.store.sequencer.ExpectedVersion;
import dev.recourse.store.sequencer.NewEvent;
import dev.recourse.store.sequencer.PrivateRecord;
import dev.recourse.store.sequencer.Sequencer;
import dev.recourse.store.sequencer.SequencerSettings;
import dev.recourse.store.sequencer.Write;
import dev.recourse.store.sequencer.WriteResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The write path under load, end to end: a fresh embedded database and log in a temporary
 * directory, {@code threads} writers each submitting decisions (a write of a few events of
 * realistic size to a case stream) and waiting for each acknowledgement, then the wait until a
 * signed checkpoint covers the last one. Not a test: it measures, and the caller reports.
 *
 * <p>The decisions are built before the clock starts, {@value #DISTINCT_DECISIONS} distinct ones
 * used round-robin, so the figures are the store's and not the harness's.
 */
public final class DecisionWriteBenchmark {
    private static final int DISTINCT_DECISIONS = 4_096;

    private DecisionWriteBenchmark() {}

    /**
     * What to run.
     *
     * @param decisions how many decisions to write, at least 1
     * @param threads how many writers (virtual threads), each waiting for its write's acknowledgement
     * @param eventsPerDecision events per decision, 1 to 100
     * @param cases how many case streams the decisions spread over
     */
    public record Parameters(int decisions, int threads, int eventsPerDecision, int cases) {
        /** Three events per decision over 10,000 cases. */
        public static Parameters of(int decisions, int threads) {
            return new Parameters(decisions, threads, 3, 10_000);
        }

        public Parameters {
            if (decisions < 1 || threads < 1 || cases < 1) {
                throw new IllegalArgumentException("decisions, threads and cases are at least 1");
            }
            if (eventsPerDecision < 1 || eventsPerDecision > 100) {
                throw new IllegalArgumentException("a decision has 1 to 100 events, not " + eventsPerDecision);
            }
        }
    }

    /**
     * What was measured.
     *
     * @param decisions decisions acknowledged
     * @param events events committed
     * @param writeSeconds from the first submission to the last acknowledgement
     * @param coveredSeconds from the first submission until a checkpoint covered every event
     * @param p50 median acknowledgement latency
     * @param p99 99th percentile acknowledgement latency
     * @param max slowest acknowledgement
     * @param transactions sequencer transactions
     * @param checkpoints checkpoints signed
     */
    public record Result(long decisions, long events, double writeSeconds, double coveredSeconds, Duration p50,
                         Duration p99, Duration max, long transactions, long checkpoints) {
        /** Acknowledged decisions per second. */
        public double decisionsPerSecond() {
            return decisions / writeSeconds;
        }

        /** Committed events per second. */
        public double eventsPerSecond() {
            return events / writeSeconds;
        }
    }

    /**
     * Runs the benchmark in a new directory under {@code workRoot}, deleted afterwards, reporting
     * decisions done so far to {@code progress} now and then.
     *
     * @param clock stamps the events' occurrence times
     */
    public static Result run(Parameters parameters, Path workRoot, InstantSource clock, LongConsumer progress)
            throws Exception {
        Path work = Files.createTempDirectory(workRoot, "recourse-bench-");
        try {
            return run(parameters, work, clock, progress, new SecureRandom());
        } finally {
            delete(work);
        }
    }

    private static Result run(Parameters parameters, Path work, InstantSource clock, LongConsumer progress,
                              SecureRandom random) throws Exception {
        try (Database database = Database.start(DatabaseSettings.embedded(work), random)) {
            LedgerIntegrator integrator = LedgerIntegrator.start(database.dataSource(),
                    LedgerSettings.under(work, "bench.recourse.dev/log"), clock, random);
            Sequencer sequencer = Sequencer.start(database.dataSource(), SequencerSettings.DEFAULT, List.of(),
                    integrator::committed);
            try {
                return measure(parameters, sequencer, integrator, clock, progress);
            } finally {
                sequencer.close();
                integrator.close();
            }
        }
    }

    private static Result measure(Parameters parameters, Sequencer sequencer, LedgerIntegrator integrator,
                                  InstantSource clock, LongConsumer progress) throws Exception {
        List<Write> decisions = new ArrayList<>(DISTINCT_DECISIONS);
        for (int d = 0; d < Math.min(DISTINCT_DECISIONS, parameters.decisions()); d++) {
            decisions.add(decision(parameters, d, clock));
        }
        long start = System.nanoTime();
        List<Future<long[]>> writers = new ArrayList<>(parameters.threads());
        long lastPosition;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < parameters.threads(); t++) {
                int writer = t;
                writers.add(executor.submit(() -> write(parameters, writer, decisions, sequencer, progress)));
            }
            lastPosition = -1;
            for (Future<long[]> w : writers) {
                lastPosition = Math.max(lastPosition, w.get()[0]);
            }
        }
        long written = System.nanoTime();
        if (lastPosition >= 0) {
            integrator.awaitCovered(lastPosition).get(10, TimeUnit.MINUTES);
        }
        long covered = System.nanoTime();
        long[] latencies = writers.stream().map(DecisionWriteBenchmark::join)
                .flatMapToLong(l -> Arrays.stream(l, 1, l.length)).toArray();
        Arrays.sort(latencies);
        LedgerProgress ledger = integrator.progress();
        return new Result(latencies.length, sequencer.committedEvents(), (written - start) / 1e9,
                (covered - start) / 1e9, percentile(latencies, 0.50), percentile(latencies, 0.99),
                percentile(latencies, 1.0), sequencer.transactions(), ledger.checkpointsPublished());
    }

    /** One writer's share; returns its last position, then its latencies in nanoseconds. */
    private static long[] write(Parameters parameters, int writer, List<Write> decisions, Sequencer sequencer,
                                LongConsumer progress) throws InterruptedException {
        int share = parameters.decisions() / parameters.threads()
                + (writer < parameters.decisions() % parameters.threads() ? 1 : 0);
        long[] results = new long[share + 1];
        results[0] = -1;
        for (int i = 0; i < share; i++) {
            long decision = (long) i * parameters.threads() + writer;
            Write write = decisions.get((int) (decision % decisions.size()));
            long before = System.nanoTime();
            WriteResult result = sequencer.submit(write).join();
            results[i + 1] = System.nanoTime() - before;
            switch (result) {
                case WriteResult.Committed committed -> results[0] = Math.max(results[0], committed.positions().last());
                case WriteResult.Conflict conflict -> throw new IllegalStateException("unexpected conflict " + conflict);
            }
            if (decision % 10_000 == 0) {
                progress.accept(decision);
            }
        }
        return results;
    }

    /** A decision's events, shaped and sized like the domain's: a few hundred bytes of JSON each. */
    private static Write decision(Parameters parameters, long decision, InstantSource clock) {
        String caseId = "case-" + decision % parameters.cases();
        List<NewEvent> events = new ArrayList<>(parameters.eventsPerDecision());
        for (int e = 0; e < parameters.eventsPerDecision(); e++) {
            String id = decision + "-" + e;
            byte[] salt = new byte[32];
            salt[0] = (byte) decision;
            salt[1] = (byte) e;
            events.add(new NewEvent("decision.recorded", clock.instant(),
                    ("{\"case\":\"" + caseId + "\",\"decision\":\"" + id + "\",\"restriction\":{\"kind\":\"visibility\","
                            + "\"action\":\"remove\",\"territory\":[\"EU\"],\"until\":null},\"ground\":\"terms\","
                            + "\"category\":\"STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE\",\"deciders\":[{\"rule\":"
                            + "\"spam-links@7\"}],\"automated\":\"AUTOMATED_DECISION_FULLY\",\"source\":\"SOURCE_VOLUNTARY\"}")
                            .getBytes(StandardCharsets.UTF_8),
                    ("{\"case\":\"p-" + caseId + "\",\"category\":\"STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE\","
                            + "\"commit\":\"" + id + "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"deciders\":[{\"rule\":"
                            + "\"spam-links@7\"}],\"ground\":\"terms\",\"restriction\":\"remove\",\"territory\":[\"EU\"],"
                            + "\"time\":\"2026-01-15T10:00:00Z\",\"type\":\"decision.recorded\"}")
                            .getBytes(StandardCharsets.UTF_8),
                    Optional.of(new PrivateRecord(salt, ("{\"account\":\"acct-" + decision + "\",\"content\":\"post-" + id
                            + "\",\"notifier\":\"user-" + (decision * 7919 % 100_000) + "\"}").getBytes(StandardCharsets.UTF_8)))));
        }
        return new Write(caseId, ExpectedVersion.ANY, events);
    }

    private static Duration percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return Duration.ofNanos(sorted[Math.max(0, index)]);
    }

    private static long[] join(Future<long[]> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException("a writer failed", e);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
