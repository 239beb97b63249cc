package dev.recourse.bench;

import dev.recourse.bench.load.Traffic;
import dev.recourse.core.Validation;
import dev.recourse.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What reading a request's body costs ({@link Json#parseUtf8}: UTF-8 and the strict JSON reader), for the three
 * bodies of {@code bench load}'s mix as its load generator sends them. The decision's statement of reasons holds a
 * {@code §}, so it is not all ASCII.
 *
 * <p>Run from the shaded jar: {@code java -jar recourse-bench/target/benchmarks.jar JsonParseBenchmark -prof
 * dev.recourse.bench.CpuPerOperation}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class JsonParseBenchmark {
    private final byte[] notice = utf8(Traffic.noticeBody(4_711));
    private final byte[] decision = utf8(Traffic.decisionBody(4_711, "0191c5a8-7b3d-7e21-9f00-0a1b2c3d4e5f"));
    private final byte[] appeal = utf8(Traffic.appealBody(4_711, "0191c5a8-7b3d-7e21-9f00-0a1b2c3d4e60"));

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Validation<Json> notice() {
        return Json.parseUtf8(notice);
    }

    @Benchmark
    public Validation<Json> decision() {
        return Json.parseUtf8(decision);
    }

    @Benchmark
    public Validation<Json> appeal() {
        return Json.parseUtf8(appeal);
    }
}
