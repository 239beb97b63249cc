package dev.recourse.bench;

import dev.recourse.core.process.Settings;
import dev.recourse.server.http.RateLimit;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one request's rate-limit check costs: the limit in this node's memory against the one shared through the
 * database ({@code http.rate-limit-store=database}: one upsert on the embedded PostgreSQL, over the store's pool).
 * Each thread is its own caller among {@value #CALLERS} (as the API's keys), with a limit high enough that nothing is
 * refused, so every call does the whole work. The score is the time of one check.
 *
 * <p>Run from the shaded jar: {@code java -jar recourse-bench/target/benchmarks.jar RateLimitBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RateLimitBenchmark {
    /** How many callers the checks are spread over. */
    static final int CALLERS = 64;

    /** The store (for the shared limit) and the limit under test. */
    @State(Scope.Benchmark)
    public static class Limit {
        @Param({"memory", "database"})
        public String store;

        Path work;
        Optional<RecourseStore> opened = Optional.empty();
        RateLimit limit;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            InstantSource clock = InstantSource.system();
            if (store.equals("memory")) {
                limit = RateLimit.inMemory(1e9, 1_000_000_000, clock);
                return;
            }
            work = Files.createTempDirectory("recourse-rate-bench-");
            RecourseStore opened = RecourseStore.open(StoreSettings.under(work, "bench.localhost/log", Settings.defaults(
                    "Certified out-of-court dispute settlement bodies: https://example.eu/ods", "The courts of the country where you live.")),
                    clock, new SecureRandom());
            this.opened = Optional.of(opened);
            limit = RateLimit.shared(opened.dataSource(), 1e9, 1_000_000_000, clock);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            if (opened.isPresent()) {
                opened.get().close();
                try (Stream<Path> files = Files.walk(work)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** The caller of one thread. */
    @State(Scope.Thread)
    public static class Caller {
        private static final AtomicInteger NEXT = new AtomicInteger();
        String name;

        @Setup(Level.Trial)
        public void setUp() {
            name = "key:" + NEXT.getAndIncrement() % CALLERS;
        }
    }

    @Benchmark
    public Optional<Duration> take(Limit limit, Caller caller) throws SQLException {
        return limit.limit.take(caller.name);
    }
}
