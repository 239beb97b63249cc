package dev.recourse.bench.load;

import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.core.process.Settings;
import dev.recourse.server.cli.CpuTime;
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
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
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
 * [--warmup W] [--mix all|reads] [--target http://HOST:PORT --admin-key KEY] [--client socket|jdk]} (or
 * {@code bin/recourse bench load ...}): serves the API in-process on the embedded defaults in a new temporary directory
 * (or, with {@code --target}, drives a service already running, making its keys with the admin key), and sends it
 * {@code N} requests, {@code R} a second on a fixed schedule (open loop), at most {@code T} at a time, in the mix of
 * {@link Kind}: 40% reads, 35% notices, 20% decisions, 5% appeals. {@code W} more requests first warm the JVM up,
 * unmeasured; with {@code --mix reads} the measured part sends only reads, of the cases the warm-up made. Progress goes
 * to stderr; the last line on stdout is one JSON object with the requests a second, p50/p99/p999 per kind, and the CPU
 * per request: of this JVM, of the target's (from its metrics) when it runs apart, and of the whole machine.
 * Everything served in-process is deleted at the end.
 */
public final class LoadGenerator {
    private static final String ORIGIN = "bench.recourse.invalid/load";
    private static final int MODERATORS = 20;
    private static final String OPTIONS = "--requests N [--rate R] [--threads T] [--warmup W] [--mix all|reads]"
            + " [--target http://HOST:PORT --admin-key KEY [--database DIR]] [--client socket|jdk]";

    /**
     * What to run.
     *
     * @param readsOnly whether the measured part sends only reads (the warm-up keeps the mix, which makes the cases)
     * @param target the running service to drive; empty to serve one in this JVM
     * @param adminKey an admin API key of {@code target}, which makes the load's keys and reads its metrics; MUST be
     *     present exactly when {@code target} is
     * @param client how to talk HTTP
     * @param database the target's embedded PostgreSQL cluster directory ({@code DATA/postgres}), when it runs on this
     *     machine, to report the database's CPU too; served in-process, its own is read
     */
    record Plan(long requests, double rate, int threads, long warmup, boolean readsOnly, Optional<URI> target,
            Optional<String> adminKey, Client.Choice client, Optional<Path> database) {
        Plan {
            if (requests < 1 || !(rate > 0) || Double.isInfinite(rate) || threads < 1 || warmup < 0) {
                throw new IllegalArgumentException("requests and threads are at least 1, a rate above 0, a warm-up at least 0");
            }
            if (target.isPresent() != adminKey.isPresent()) {
                throw new IllegalArgumentException("--target URL and --admin-key KEY go together");
            }
            Objects.requireNonNull(client, "client");
            if (database.isPresent() && target.isEmpty()) {
                throw new IllegalArgumentException("--database DIR is the --target's; served in-process, its own is read");
            }
        }

        /** The whole mix, measured, served in this JVM, through the socket client. */
        Plan(long requests, double rate, int threads, long warmup) {
            this(requests, rate, threads, warmup, false, Optional.empty(), Optional.empty(), Client.Choice.SOCKET, Optional.empty());
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
        Optional<URI> target = Optional.empty();
        Optional<String> adminKey = Optional.empty();
        Client.Choice client = Client.Choice.SOCKET;
        Optional<Path> database = Optional.empty();
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
                    case "--target" -> target = Optional.of(target(value));
                    case "--admin-key" -> adminKey = Optional.of(value);
                    case "--client" -> client = switch (value) {
                        case "socket" -> Client.Choice.SOCKET;
                        case "jdk" -> Client.Choice.JDK;
                        default -> throw new IllegalArgumentException("--client is socket or jdk, not " + value);
                    };
                    case "--database" -> database = Optional.of(Path.of(value));
                    default -> throw new IllegalArgumentException("unknown option " + name + "; the options are " + OPTIONS);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " takes a number, not " + value);
            }
        }
        if (requests < 0) {
            throw new IllegalArgumentException("--requests N is required");
        }
        return new Plan(requests, rate, threads, warmup < 0 ? Math.min(requests, 20_000) : warmup, readsOnly, target,
                adminKey, client, database);
    }

    private static URI target(String value) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null || !(uri.getPath() == null || uri.getPath().isEmpty()
                    || uri.getPath().equals("/"))) {
                throw new IllegalArgumentException("--target is the service's http://HOST:PORT, not " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--target is the service's http://HOST:PORT, not " + value);
        }
    }

    /**
     * Runs {@code plan}: against its target, or against the API served in this JVM on the embedded defaults (then
     * stopped and deleted); returns the JSON line of results.
     */
    static String run(Plan plan, PrintStream err, LongSupplier nanoTime, SplittableRandom random) throws Exception {
        if (plan.target().isPresent()) {
            URI target = plan.target().get();
            String admin = plan.adminKey().orElseThrow();
            err.println("load: driving the service at " + target + " (" + Runtime.getRuntime().availableProcessors()
                    + " cores here, load average " + loadAverage() + ")");
            try (Client client = plan.client().open(target)) {
                String run = UUID.randomUUID().toString().substring(0, 8);
                String platform = newKey(client, admin, "load-platform-" + run, "platform");
                String[] moderators = new String[MODERATORS];
                for (int i = 0; i < MODERATORS; i++) {
                    moderators[i] = newKey(client, admin, "load-mod-" + run + "-" + i, "moderator");
                }
                return measure(plan, client, platform, moderators, () -> serverCpu(client, admin), plan.database(), err,
                        nanoTime, random);
            }
        }
        Path work = Files.createTempDirectory("recourse-load-");
        err.println("load: serving the API on the embedded defaults in " + work + " (" + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + loadAverage() + ")");
        try (InProcess served = InProcess.start(work);
             Client client = plan.client().open(served.service().url())) {
            ApiKeys keys = served.service().keys();
            String platform = keys.make(new Pseudonym("load-platform"), ApiRole.PLATFORM, Optional.empty()).key().reveal();
            String[] moderators = new String[MODERATORS];
            for (int i = 0; i < MODERATORS; i++) {
                moderators[i] = keys.make(new Pseudonym("load-mod-" + i), ApiRole.MODERATOR, Optional.empty()).key().reveal();
            }
            // The server shares this JVM with the generator: its CPU cannot be told apart (both run on the same
            // carrier threads), so only the whole JVM's is reported.
            return measure(plan, client, platform, moderators, Optional::empty, Optional.of(work.resolve("postgres")), err,
                    nanoTime, random);
        } finally {
            delete(work);
        }
    }

    /** The service served in this JVM on the embedded defaults, over a store in a directory of its own. */
    record InProcess(RecourseStore store, Service service) implements AutoCloseable {
        /** Serves the API over a new store in {@code work}, on a free loopback port, with no rate limit to speak of. */
        static InProcess start(Path work) throws IOException {
            InstantSource clock = InstantSource.system();
            SecureRandom secure = new SecureRandom();
            Settings process = Settings.defaults("Certified out-of-court dispute settlement bodies: https://example.eu/ods",
                    "The courts of the country where you live.");
            RecourseStore store = RecourseStore.open(StoreSettings.under(work, ORIGIN, process), clock, secure);
            try {
                // No webhook or e-mail is configured: actions and messages wait in their queues, as on a fresh `serve`.
                Service service = Service.start(new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_REQUEST_BYTES,
                        1_000_000_000, 1_000_000_000), DeliverySettings.none(),
                        PageLinks.load(work, URI.create("http://127.0.0.1"), secure), store, clock, secure, "load");
                return new InProcess(store, service);
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try (store) {
                service.close();
            }
        }
    }

    /** Warms up, then measures; the JSON line of results. */
    private static String measure(Plan plan, Client client, String platform, String[] moderators,
            Callable<Optional<Duration>> serverCpu, Optional<Path> database, PrintStream err, LongSupplier nanoTime,
            SplittableRandom random) throws Exception {
        Traffic traffic = new Traffic(client, platform, moderators,
                (int) Math.min(Integer.MAX_VALUE - 8, plan.warmup() + plan.requests()));
        if (plan.warmup() > 0) {
            drive(traffic, plan.warmup(), plan.rate(), plan.threads(), new Latencies(), "warm-up", false, err, nanoTime, random);
        }
        Latencies latencies = new Latencies();
        String loadBefore = loadAverage();
        Optional<Duration> serverBefore = serverCpu.call();
        Optional<CpuTime> databaseBefore = database.flatMap(CpuTime::now);
        long machineBefore = machineCpuTicks();
        Duration cpuBefore = processCpu();
        double seconds = drive(traffic, plan.requests(), plan.rate(), plan.threads(), latencies, "measured", plan.readsOnly(),
                err, nanoTime, random);
        double jvmMillis = perRequest(processCpu().minus(cpuBefore), plan);
        long machineTicks = machineCpuTicks() - machineBefore;
        Optional<Duration> serverAfter = serverCpu.call();
        String databaseMillis = databaseBefore.flatMap(before -> database.flatMap(CpuTime::now).map(after -> after.since(before)))
                .map(d -> String.format(Locale.ROOT, "%.4f", perRequest(d.database(), plan))).orElse("null");
        String loadAfter = loadAverage();
        boolean separate = plan.target().isPresent();
        String server = serverBefore.flatMap(before -> serverAfter.map(after -> after.minus(before)))
                .map(d -> String.format(Locale.ROOT, "%.4f", perRequest(d, plan))).orElse("null");
        return String.format(Locale.ROOT, "{\"requests\":%d,\"seconds\":%.3f,\"requestsPerSecond\":%.1f,\"targetRate\":%.1f,"
                        + "\"threads\":%d,\"warmup\":%d,\"mix\":\"%s\",\"jvmCpuMillisPerRequest\":%.4f,\"failed\":%d,"
                        + "\"target\":\"%s\",\"client\":\"%s\",\"serverCpuMillisPerRequest\":%s,"
                        + "\"generatorCpuMillisPerRequest\":%s,\"databaseCpuMillisPerRequest\":%s,"
                        + "\"machineCpuMillisPerRequest\":%s,\"loadAverage\":[%s,%s],%s}",
                plan.requests(), seconds, plan.requests() / seconds, plan.rate(), plan.threads(), plan.warmup(),
                plan.readsOnly() ? "reads" : "all", jvmMillis, latencies.failed(),
                separate ? plan.target().get() : "in-process", plan.client().label(), server,
                separate ? String.format(Locale.ROOT, "%.4f", jvmMillis) : "null", databaseMillis,
                machineTicks < 0 ? "null" : String.format(Locale.ROOT, "%.4f", machineTicks * 10.0 / plan.requests()),
                number(loadBefore), number(loadAfter), latencies.json());
    }

    private static double perRequest(Duration cpu, Plan plan) {
        return cpu.toNanos() / 1e6 / plan.requests();
    }

    /** Makes an API key in {@code role} on the target with its admin key; the key. */
    private static String newKey(Client client, String admin, String name, String role) throws Exception {
        Client.Reply made = client.post("/v1/api-keys", admin, UUID.randomUUID().toString(),
                CanonicalJson.write(Json.object().put("name", name).put("role", role).build()));
        if (made.status() != 201) {
            throw new IllegalStateException("the target did not make an API key with the admin key given: HTTP " + made.status()
                    + " " + new String(made.body(), StandardCharsets.UTF_8));
        }
        Json.Obj answer = (Json.Obj) Json.parseUtf8(made.body()).orElseThrow();
        return ((Json.Str) answer.get("key")).value();
    }

    /**
     * The CPU time the target's JVM has used, from its own {@code process_cpu_time} in {@code GET /metrics} (exact,
     * from the operating system, and wherever the target runs); empty if it does not report one.
     */
    static Optional<Duration> serverCpu(Client client, String admin) throws Exception {
        Client.Reply metrics = client.get("/metrics", admin);
        if (metrics.status() != 200) {
            throw new IllegalStateException("the target did not show its metrics to the admin key: HTTP " + metrics.status());
        }
        return serverCpu(new String(metrics.body(), StandardCharsets.UTF_8));
    }

    /** The {@code process_cpu_time} counter of a Prometheus text, in its unit (seconds or nanoseconds). */
    static Optional<Duration> serverCpu(String prometheus) {
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("process_cpu_time_")) {
                String name = line.substring(0, line.indexOf(' '));
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (name.equals("process_cpu_time_seconds_total")) {
                    return Optional.of(Duration.ofNanos((long) (value * 1e9)));
                }
                if (name.equals("process_cpu_time_ns_total")) {
                    return Optional.of(Duration.ofNanos((long) value));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The CPU time the whole machine has used (every process: the server, its database, this generator, and whatever
     * else runs), in Linux's clock ticks of 10 ms from {@code /proc/stat}; -1 where it cannot be read.
     */
    private static long machineCpuTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long ticks = 0;
            // user nice system idle iowait irq softirq steal: all but idle and iowait
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(cpu[i]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String number(String loadAverage) {
        return loadAverage.matches("[0-9.]+") ? loadAverage : "null";
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

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
