package dev.recourse.bench;

import dev.recourse.server.http.shape.Format;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What checking that an id in a request is a UUID in lower-case hex costs: {@link Format#isUuid}, checked by hand,
 * against the regular expression the API used until 2026-12-02 (for every id in a path, such as {@code GET
 * /v1/cases/{id}}, and every UUID field of a body). The ids are valid, as nearly all are: the whole text is read.
 *
 * <p>Run from the shaded jar: {@code java -jar recourse-bench/target/benchmarks.jar UuidFormBenchmark -prof
 * dev.recourse.bench.CpuPerOperation}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class UuidFormBenchmark {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int IDS = 1024;

    private final String[] ids = new String[IDS];
    private int next;

    @Setup
    public void setUp() {
        for (int i = 0; i < IDS; i++) {
            ids[i] = new UUID(0x0191c5a87b3d7e21L + 31L * i, 0x9f000a1b2c3d4e5fL ^ (long) i * 0x9E3779B97F4A7C15L).toString();
        }
    }

    private String nextId() {
        next = (next + 1) & (IDS - 1);
        return ids[next];
    }

    @Benchmark
    public boolean byHand() {
        return Format.isUuid(nextId());
    }

    @Benchmark
    public boolean byRegularExpression() {
        return FORM.matcher(nextId()).matches();
    }
}
