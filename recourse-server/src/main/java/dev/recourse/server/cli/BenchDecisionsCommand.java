package dev.recourse.server.cli;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Result;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.WriteStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recourse bench decisions}: the write path of the whole service, measured. It starts the real store (an
 * embedded PostgreSQL, the sequencer, the read model and the log's integrator) in a new directory and has
 * {@code --threads} submitters take {@code --count} decisions through the core, each a notice (which opens a case)
 * and a moderator's decision with a complete statement of reasons ({@link DecisionLoad}), every command waiting for
 * its durable acknowledgement. Then it waits until a signed checkpoint covers every event, stops the store, and
 * leaves the log for {@code recourse verify}.
 *
 * <p>Latencies are per command: from handing it to the core until the core answers, its events committed. With
 * {@code --rate}, decisions start on a fixed schedule instead of as fast as the submitters go, and a notice's latency
 * counts from its scheduled start, so that falling behind shows.
 *
 * <p>The last line on stdout is the result as one JSON object.
 */
@Command(name = "decisions", description = {
    "Take N decisions (a notice, a case, a decision with a complete statement of reasons) through the real core,"
            + " store and log on an embedded database in a new directory, from T concurrent submitters; wait until a"
            + " signed checkpoint covers them; report decisions/s and command latencies.",
    "The last line is the result as JSON; the log stays in logDir for 'recourse verify --log DIR --key KEY'."
})
final class BenchDecisionsCommand implements java.util.concurrent.Callable<Integer> {
    /** The benchmark log's origin, which names its key. */
    static final String ORIGIN = "bench.recourse.invalid/decisions";

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many decisions.")
    long count;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "64",
            description = "How many submitters work at once (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rate", paramLabel = "R",
            description = "Start R decisions a second on a fixed schedule, to measure latency at that load (default: as fast as possible).")
    Double rate;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "0",
            description = "First take W decisions as fast as possible, unmeasured, so that the JVM has compiled the hot"
                    + " code before the N measured ones (default ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Run in DIR, which must not exist yet, and keep the database there too (default: a new temporary"
                    + " directory of which only the log is kept).")
    Path dir;

    @Spec
    CommandSpec spec;

    private final InstantSource clock;

    BenchDecisionsCommand() {
        // The command line is the edge of the program: the one place the system clock is read.
        this.clock = InstantSource.system();
    }

    /** What the submitters measured. */
    private record Measured(long decisions, long lastPosition, long[] latencies) {}

    @Override
    public Integer call() throws Exception {
        check();
        boolean keepDatabase = dir != null;
        Path work = keepDatabase ? Files.createDirectories(dir) : Files.createTempDirectory("recourse-bench-");
        PrintWriter err = spec.commandLine().getErr();
        err.println("recourse: benchmark in " + work + " (load average " + loadAverage() + ")");
        err.flush();
        StoreSettings settings = StoreSettings.under(work, ORIGIN, DecisionLoad.SETTINGS);
        settings = settings.withDatabase(settings.database().withPoolSize(Math.min(threads, 40) + 4));
        String verifierKey;
        Measured measured;
        double seconds;
        double coveredSeconds;
        Optional<CpuTime> cpu;
        WriteStats writes;
        try (RecourseStore store = RecourseStore.open(settings, clock, new SecureRandom())) {
            verifierKey = store.log().verifierKey();
            Path cluster = work.resolve("postgres");
            if (warmup > 0) {
                try (Progress progress = Progress.of("warmed up with", warmup, err, Progress.Style.forStderr(), clock)) {
                    submit(store.dueProcess(), progress, count, warmup, Optional.empty(), System.nanoTime());
                }
            }
            Optional<CpuTime> before = CpuTime.now(cluster);
            WriteStats writesBefore = store.writeStats();
            long start = System.nanoTime();
            try (Progress progress = Progress.of("decided", count, err, Progress.Style.forStderr(), clock)) {
                measured = submit(store.dueProcess(), progress, 0, count, Optional.ofNullable(rate), start);
            }
            seconds = (System.nanoTime() - start) / 1e9;
            cpu = before.flatMap(b -> CpuTime.now(cluster).map(after -> after.since(b)));
            WriteStats writesAfter = store.writeStats();
            writes = new WriteStats(0, writesAfter.transactions() - writesBefore.transactions(), 0,
                    writesAfter.committedEvents() - writesBefore.committedEvents(), 0);
            store.log().awaitCovered(measured.lastPosition()).get(10, TimeUnit.MINUTES);
            coveredSeconds = (System.nanoTime() - start) / 1e9;
        }
        Path logDir = settings.ledger().logDirectory().toAbsolutePath();
        if (!keepDatabase) {
            deleteAllBut(work, logDir);
        }
        long[] latencies = measured.latencies();
        Arrays.sort(latencies);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d decisions (%d commands) in %.3f s, covered by a signed checkpoint after %.3f s; load average %s%n",
                measured.decisions(), latencies.length, seconds, coveredSeconds, loadAverage());
        // How well the sequencer groups: the fewer transactions for the events, the less each event costs the database.
        out.printf(Locale.ROOT, "%d events in %d transactions (%.1f events per transaction)%n", writes.committedEvents(),
                writes.transactions(), writes.committedEvents() / (double) Math.max(1, writes.transactions()));
        cpu.ifPresent(c -> out.printf(Locale.ROOT, "CPU per decision: %.3f ms in the JVM, %.3f ms in PostgreSQL%n",
                c.jvm().toNanos() / 1e6 / measured.decisions(), c.database().toNanos() / 1e6 / measured.decisions()));
        // The JIT compiler's share of the JVM's CPU: large while the JVM still compiles the hot code (see --warmup).
        cpu.ifPresent(c -> out.printf(Locale.ROOT, "of the JVM's CPU per decision, at least %.3f ms in the JIT compiler%n",
                c.compiler().toNanos() / 1e6 / measured.decisions()));
        out.printf(Locale.ROOT, "{\"decisions\":%d,\"seconds\":%.3f,\"decisionsPerSecond\":%.0f,\"p50Millis\":%.2f,\"p99Millis\":%.2f,"
                        + "\"coveredSeconds\":%.3f,\"threads\":%d,\"logDir\":%s,\"verifierKey\":%s}%n",
                measured.decisions(), seconds, measured.decisions() / seconds, millis(latencies, 0.50), millis(latencies, 0.99),
                coveredSeconds, threads, CanonicalJson.write(new Json.Str(logDir.toString())),
                CanonicalJson.write(new Json.Str(verifierKey)));
        out.flush();
        return 0;
    }

    private void check() {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, not " + count);
        }
        if (count > Integer.MAX_VALUE / 2) {
            throw new ParameterException(spec.commandLine(), "--count must be at most " + Integer.MAX_VALUE / 2 + ", not " + count);
        }
        if (threads < 1 || threads > 10_000) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 to 10000, not " + threads);
        }
        if (rate != null && !(rate > 0 && rate <= 1e7)) {
            throw new ParameterException(spec.commandLine(), "--rate must be more than 0 and at most 10000000, not " + rate);
        }
        if (warmup < 0 || count + warmup > Integer.MAX_VALUE / 2) {
            throw new ParameterException(spec.commandLine(), "--warmup must be 0 to " + (Integer.MAX_VALUE / 2 - count) + ", not " + warmup);
        }
        if (dir != null && Files.exists(dir)) {
            throw new ParameterException(spec.commandLine(), dir + " already exists; give a new directory");
        }
    }

    /**
     * Runs the submitters until decisions {@code first} to {@code first + n - 1} are taken, at {@code rate} a second
     * from {@code start} if given; fails if the core refused one.
     */
    private Measured submit(DueProcess core, Progress progress, long first, long n, Optional<Double> rate, long start)
            throws Exception {
        AtomicLong next = new AtomicLong();
        long[] latencies = new long[(int) (2 * n)];
        List<Future<Long>> submitters = new ArrayList<>(threads);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                submitters.add(executor.submit(() -> {
                    long last = -1;
                    for (long i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        if (rate.isPresent()) {
                            long scheduled = start + (long) (i * 1e9 / rate.get());
                            for (long wait = scheduled - begin; wait > 0; wait = scheduled - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            begin = scheduled;
                        }
                        last = Math.max(last, decide(core, first + i, begin, latencies, (int) (2 * i)));
                        progress.advance(1);
                    }
                    return last;
                }));
            }
            long lastPosition = -1;
            for (Future<Long> submitter : submitters) {
                lastPosition = Math.max(lastPosition, submitter.get());
            }
            return new Measured(n, lastPosition, latencies);
        }
    }

    /**
     * Takes decision {@code n}, begun at {@code begin}: its notice, then its decision. Writes the latencies of the
     * two commands to {@code latencies} at {@code at} and the next; returns the last position it stored.
     */
    private static long decide(DueProcess core, long n, long begin, long[] latencies, int at) {
        List<RecordedEvent> notice = accepted(core.handle(DecisionLoad.notice(n)), n);
        long noticed = System.nanoTime();
        latencies[at] = noticed - begin;
        NoticeId id = notice.stream().map(RecordedEvent::event).filter(CaseEvent.NoticeReceived.class::isInstance)
                .map(e -> ((CaseEvent.NoticeReceived) e).notice().id()).findFirst().orElseThrow();
        List<RecordedEvent> decision = accepted(core.handle(DecisionLoad.decision(n, id)), n);
        latencies[at + 1] = System.nanoTime() - noticed;
        return decision.getLast().position();
    }

    private static List<RecordedEvent> accepted(Result result, long n) {
        return switch (result) {
            case Result.Accepted accepted -> accepted.events();
            case Result.Rejected rejected -> throw new IllegalStateException("the core refused decision " + n + ": " + rejected.errors());
            case Result.Contended contended -> throw new IllegalStateException("decision " + n + " met contention on "
                    + contended.stream() + ", which the benchmark's separate streams never should");
        };
    }

    private static double millis(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[index] / 1e6;
    }

    /** The one-minute load average, as the kernel reports it, or "unknown". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Deletes everything under {@code root} except {@code keep} and what is in it. */
    private static void deleteAllBut(Path root, Path keep) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Path absolute = path.toAbsolutePath();
                if (!absolute.startsWith(keep) && !keep.startsWith(absolute)) {
                    Files.delete(path);
                }
            }
        }
    }
}
