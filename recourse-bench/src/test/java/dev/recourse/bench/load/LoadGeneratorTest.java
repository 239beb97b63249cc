package dev.recourse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.auth.ApiRole;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
    void aServiceRunningApartIsDrivenThroughItsUrlAndItsOwnCpuIsReported() throws Exception {
        Path work = Files.createTempDirectory("load-target-");
        try (LoadGenerator.InProcess served = LoadGenerator.InProcess.start(work)) {
            String admin = served.service().keys().make(new Pseudonym("load-admin"), ApiRole.ADMIN, Optional.empty()).key().reveal();
            ByteArrayOutputStream progress = new ByteArrayOutputStream();

            String line = LoadGenerator.run(LoadGenerator.parse(new String[] {"--requests", "200", "--rate", "400", "--warmup", "50",
                    "--target", served.service().url().toString(), "--admin-key", admin,
                    "--database", work.resolve("postgres").toString()}),
                    new PrintStream(progress, true, StandardCharsets.UTF_8), System::nanoTime, new SplittableRandom(2));

            Json.Obj result = (Json.Obj) Json.parse(line).orElseThrow();
            assertThat(result.get("failed")).as(progress.toString(StandardCharsets.UTF_8)).isEqualTo(Json.of(0));
            assertThat(count(result, "all")).isEqualTo(200);
            assertThat(result.get("target")).isEqualTo(Json.of(served.service().url().toString()));
            assertThat(result.get("serverCpuMillisPerRequest")).isInstanceOf(Json.Num.class);
            assertThat(result.get("generatorCpuMillisPerRequest")).isInstanceOf(Json.Num.class);
            assertThat(result.get("databaseCpuMillisPerRequest")).isInstanceOf(Json.Num.class);
        } finally {
            LoadGenerator.delete(work);
        }
    }

    @Test
    void theJdkClientStillDrivesTheLoad() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        String line = LoadGenerator.run(LoadGenerator.parse(new String[] {"--requests", "100", "--rate", "400", "--warmup", "20",
                "--client", "jdk"}), new PrintStream(progress, true, StandardCharsets.UTF_8), System::nanoTime, new SplittableRandom(3));

        Json.Obj result = (Json.Obj) Json.parse(line).orElseThrow();
        assertThat(result.get("failed")).as(progress.toString(StandardCharsets.UTF_8)).isEqualTo(Json.of(0));
        assertThat(result.get("client")).isEqualTo(Json.of("jdk"));
        assertThat(result.get("serverCpuMillisPerRequest")).as("in one JVM the server's share is not told apart")
                .isEqualTo(Json.NULL);
    }

    @Test
    void theServersCpuIsReadFromItsPrometheusCounter() {
        assertThat(LoadGenerator.serverCpu("""
                # TYPE process_cpu_time_ns_total counter
                process_cpu_time_ns_total 3.28E9
                process_cpu_usage 0.35
                """)).contains(Duration.ofMillis(3_280));
        assertThat(LoadGenerator.serverCpu("process_cpu_usage 0.35\n")).isEmpty();
    }

    @Test
    void aTargetWithoutAnAdminKeyIsRefused() {
        assertThatThrownBy(() -> LoadGenerator.parse(new String[] {"--requests", "10", "--target", "http://127.0.0.1:8080"}))
                .hasMessage("--target URL and --admin-key KEY go together");
    }

    @Test
    void aDatabaseWithoutATargetIsRefused() {
        assertThatThrownBy(() -> LoadGenerator.parse(new String[] {"--requests", "10", "--database", "/tmp/x/postgres"}))
                .hasMessage("--database DIR is the --target's; served in-process, its own is read");
    }

    @Test
    void aTargetThatIsNotPlainHttpIsRefusedNamingIt() {
        assertThatThrownBy(() -> LoadGenerator.parse(new String[] {"--requests", "10", "--target", "https://example.org",
                "--admin-key", "k"})).hasMessage("--target is the service's http://HOST:PORT, not https://example.org");
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
