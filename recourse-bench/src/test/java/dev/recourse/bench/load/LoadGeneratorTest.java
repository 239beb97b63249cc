package dev.recourse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The load generator against the real API, served in-process: a small load, every request answered. */
class LoadGeneratorTest {
    private static long count(Json.Obj result, String kind) {
        return (long) ((Json.Num) ((Json.Obj) result.get(kind)).get("count")).value();
    }

    @Test
    void aSmallLoadIsAnsweredWholeAndReportedPerKind() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        String line = LoadGenerator.run(new LoadGenerator.Plan(400, 400, 32, 100),
                new PrintStream(progress, true, StandardCharsets.UTF_8), System::nanoTime, new SplittableRandom(1));

        Json.Obj result = (Json.Obj) Json.parse(line).orElseThrow();
        assertThat(result.get("failed")).as(progress.toString(StandardCharsets.UTF_8)).isEqualTo(Json.of(0));
        assertThat(count(result, "all")).isEqualTo(400);
        assertThat(count(result, "read") + count(result, "notice") + count(result, "decision") + count(result, "appeal"))
                .isEqualTo(400);
        assertThat(count(result, "decision")).isPositive();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("load: measured: 400 requests");
    }

    @Test
    void theMixHasItsShares() {
        int[] counts = new int[Kind.values().length];
        for (int p = 0; p < 100; p++) {
            counts[Kind.of(p).ordinal()]++;
        }
        assertThat(counts).containsExactly(40, 35, 20, 5);
    }

    @Test
    void aMissingRequestCountIsRefused() {
        assertThatThrownBy(() -> LoadGenerator.parse(new String[] {"--rate", "10"}))
                .hasMessage("--requests N is required");
    }

    @Test
    void aRateThatIsNotANumberIsRefusedNamingIt() {
        assertThatThrownBy(() -> LoadGenerator.parse(new String[] {"--requests", "10", "--rate", "fast"}))
                .hasMessage("--rate takes a number, not fast");
    }
}
