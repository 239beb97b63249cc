package dev.recourse.bench.load;

import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.process.Settings;
import dev.recourse.server.delivery.DeliverySettings;
import dev.recourse.server.http.HttpSettings;
import dev.recourse.server.http.Service;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.server.page.PageLinks;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * {@code java -cp benchmarks.jar dev.recourse.bench.load.LoadGenerator --requests N [--rate R] [--threads T]
 * [--warmup W]} (or {@code bin/recourse bench load ...}): serves the API in-process on the embedded defaults in a new
 * temporary directory, and sends it {@code N} requests over loopback, {@code R} a second on a fixed schedule (open
 * loop), at most {@code T} at a time, in the mix of {@link Kind}: 40% reads, 35% notices, 20% decisions, 5% appeals.
 * {@code W} more requests first warm the JVM up, unmeasured; with {@code --mix reads} the measured part sends only
 * reads, of the cases the warm-up made. Progress goes to stderr; the last line on stdout is one
 * JSON object with the requests a second and p50/p99/p999 per kind. Everything is deleted at the end.
 */
public final class LoadGenerator {
    private static final String ORIGIN = "bench.recourse.invalid/load";
    private static final int MODERATORS = 20;

    /**
     * What to run.
     *
     * @param readsOnly whether the measured part sends only reads (the warm-up keeps the mix, which makes the cases)
     */
    record Plan(long requests, double rate, int threads, long warmup, boolean readsOnly) {
        Plan {
            if (requests < 1 || !(rate > 0) || Double.isInfinite(rate) || threads < 1 || warmup < 0) {
                throw new IllegalArgumentException("requests and threads are at least 1, a rate above 0, a warm-up at least 0");
            }
        }

        /** The whole mix, measured. */
        Plan(long requests, double rate, int threads, long warmup) {
            this(requests, rate, threads, warmup, false);
        }
    }

    private LoadGenerator() {}

    /** Runs the load; a wrong argument is one line on stderr and exit status 2. */
    public static void main(String[] args) throws Exception {
        Plan plan;
        try {
            plan = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("recourse bench load: " + e.getMessage());
            System.exit(2);
            return;
        }
        String result = run(plan, System.err, System::nanoTime, new SplittableRandom(20_261_202L));
        System.out.println(result);
    }

    static Plan parse(String[] args) {
        long requests = -1;
        double rate = 10_000;
        int threads = 512;
        long warmup = -1;
        boolean readsOnly = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--requests" -> requests = Long.parseLong(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--warmup" -> warmup = Long.parseLong(value);
                    case "--mix" -> readsOnly = switch (value) {
                        case "all" -> false;
                        case "reads" -> true;
                        default -> throw new IllegalArgumentException("--mix is all or reads, not " + value);
                    };
                    default -> throw new IllegalArgumentException("unknown option " + name
                            + "; the options are --requests N [--rate R] [--threads T] [--warmup W] [--mix all|reads]");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " takes a number, not " + value);
            }
        }
        if (requests < 0) {
            throw new IllegalArgumentException("--requests N is required");
        }
        return new Plan(requests, rate, threads, warmup < 0 ? Math.min(requests, 20_000) : warmup, readsOnly);
    }

    /** Serves the API, runs {@code plan} against it, stops and deletes everything; returns the JSON line of results. */
    static String run(Plan plan, PrintStream err, LongSupplier nanoTime, SplittableRandom random) throws Exception {
        Path work = Files.createTempDirectory("recourse-load-");
        err.println("load: serving the API on the embedded defaults in " + work + " (" + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + loadAverage() + ")");
        InstantSource clock = InstantSource.system();
        SecureRandom secure = new SecureRandom();
        Settings process = Settings.defaults("Certified out-of-court dispute settlement bodies: https://example.eu/ods",
                "The courts of the country where you live.");
        try (RecourseStore store = RecourseStore.open(StoreSettings.under(work, ORIGIN, process), clock, secure);
             // No webhook or e-mail is configured: actions and messages wait in their queues, as on a fresh `serve`.
             Service service = Service.start(new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_REQUEST_BYTES,
                     1_000_000_000, 1_000_000_000), DeliverySettings.none(),
                     PageLinks.load(work, URI.create("http://127.0.0.1"), secure), store, clock, secure, "load");
             ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                     .connectTimeout(Duration.ofSeconds(10)).build()) {
            ApiKeys keys = service.keys();
            String platform = keys.make(new Pseudonym("load-platform"), ApiRole.PLATFORM, Optional.empty()).key().reveal();
            String[] moderators = new String[MODERATORS];
            for (int i = 0; i < MODERATORS; i++) {
                moderators[i] = keys.make(new Pseudonym("load-mod-" + i), ApiRole.MODERATOR, Optional.empty()).key().reveal();
            }
            Traffic traffic = new Traffic(client, service.url(), platform, moderators,
                    (int) Math.min(Integer.MAX_VALUE - 8, plan.warmup() + plan.requests()));
            if (plan.warmup() > 0) {
                drive(traffic, plan.warmup(), plan.rate(), plan.threads(), new Latencies(), "warm-up", false, err, nanoTime, random);
            }
            Latencies latencies = new Latencies();
            Duration cpuBefore = processCpu();
            double seconds = drive(traffic, plan.requests(), plan.rate(), plan.threads(), latencies, "measured", plan.readsOnly(),
                    err, nanoTime, random);
            double cpuMillis = processCpu().minus(cpuBefore).toNanos() / 1e6 / plan.requests();
            return String.format(Locale.ROOT, "{\"requests\":%d,\"seconds\":%.3f,\"requestsPerSecond\":%.1f,\"targetRate\":%.1f,"
                            + "\"threads\":%d,\"warmup\":%d,\"mix\":\"%s\",\"jvmCpuMillisPerRequest\":%.4f,\"failed\":%d,%s}",
                    plan.requests(), seconds, plan.requests() / seconds, plan.rate(), plan.threads(), plan.warmup(),
                    plan.readsOnly() ? "reads" : "all", cpuMillis, latencies.failed(), latencies.json());
        } finally {
            delete(work);
        }
    }

    /**
     * Sends {@code count} requests, the i-th at {@code start + i / rate}, at most {@code threads} in flight; returns
     * the seconds from the first scheduled start to the last answer.
     */
    private static double drive(Traffic traffic, long count, double rate, int threads, Latencies latencies, String phase,
            boolean readsOnly, PrintStream err, LongSupplier nanoTime, SplittableRandom random) throws InterruptedException {
        Semaphore inFlight = new Semaphore(threads);
        AtomicLong sent = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        long start = nanoTime.getAsLong();
        Thread progress = Thread.ofPlatform().daemon().name("load-progress").start(() -> report(phase, count, sent, latencies,
                start, err, nanoTime));
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long scheduled = start + (long) (i * 1e9 / rate);
                for (long now = nanoTime.getAsLong(); now < scheduled; now = nanoTime.getAsLong()) {
                    LockSupport.parkNanos(scheduled - now);
                }
                inFlight.acquire();
                Kind kind = readsOnly ? Kind.READ : Kind.of(random.nextInt(100));
                long draw = random.nextLong();
                requests.submit(() -> {
                    try {
                        Traffic.Sent s = traffic.send(kind, draw);
                        long end = nanoTime.getAsLong();
                        latencies.record(s.kind(), end - scheduled, s.ok());
                        lastAnswer.accumulateAndGet(end, Math::max);
                    } catch (Exception e) {
                        long end = nanoTime.getAsLong();
                        latencies.lost(kind, end - scheduled);
                        lastAnswer.accumulateAndGet(end, Math::max);
                        err.println("load: a " + kind.label() + " request failed: " + e);
                    } finally {
                        inFlight.release();
                    }
                });
                sent.incrementAndGet();
            }
        } finally {
            progress.interrupt();
        }
        double seconds = (lastAnswer.get() - start) / 1e9;
        err.printf(Locale.ROOT, "load: %s: %,d requests in %.1f s: %,.0f/s, p99 %.1f ms, %d failed%n", phase, count, seconds,
                count / seconds, latencies.p99Millis(), latencies.failed());
        return seconds;
    }

    /**
     * The CPU time this JVM has used, server and load generator together: on a shared machine a steadier figure of
     * what a request costs than the rate.
     */
    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this platform does not tell a process's CPU time"));
    }

    private static void report(String phase, long count, AtomicLong sent, Latencies latencies, long start, PrintStream err,
            LongSupplier nanoTime) {
        try {
            while (true) {
                TimeUnit.SECONDS.sleep(1);
                double seconds = (nanoTime.getAsLong() - start) / 1e9;
                err.printf(Locale.ROOT, "load: %s: %,d/%,d sent, %,d answered (%,.0f/s), p99 so far %.1f ms, %d failed, load average %s%n",
                        phase, sent.get(), count, latencies.answered(), latencies.answered() / seconds, latencies.p99Millis(),
                        latencies.failed(), loadAverage());
            }
        } catch (InterruptedException e) {
            // The phase ended: no more reports.
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
