package dev.recourse.tlog.append;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.audit.LogAuditor;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import dev.recourse.tlog.tile.DirectoryTiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real appender process at many random points, in the middle of writing tiles,
 * flushing or publishing, then checks that nothing acknowledged was lost, that the log opens
 * and audits clean, that every checkpoint is consistent with the one before, and goes on
 * appending to the same log.
 */
class CrashRecoveryTest {
    private static final int ROUNDS = 24;

    @TempDir
    Path dir;

    @Test
    void aLogKilledAtRandomPointsLosesNothingAcknowledgedAndAuditsClean() throws Exception {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSeed("crash.example/log", seed);
        Random random = new Random(20261129);
        Checkpoint previous;
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            previous = Appender.open(storage, signer).append(CrashingAppender.randomEntries(random, 10));
        }
        List<String> story = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Half the rounds halt at a chosen storage operation, half are killed from outside.
            long haltAt = round % 2 == 0 ? random.nextLong(1, 300) : 0;
            int killAfter = random.nextInt(1, 15);
            long acknowledged = runUntilCrash(signer, seed, random.nextLong(), haltAt, killAfter);
            story.add("round " + round + ": haltAt=" + haltAt + " acknowledged=" + acknowledged);

            LogAuditor auditor = new LogAuditor(new DirectoryTiles(dir), signer.verifier(), Optional.empty());
            LogAuditor.AuditReport report = auditor.audit(n -> { });
            assertThat(report.verdict()).as(String.join("\n", story)).isEqualTo(Verdict.HOLDS);
            Checkpoint current = report.checkpoint().orElseThrow();
            assertThat(current.size().value()).as("acknowledged entries survive: " + story).isGreaterThanOrEqualTo(acknowledged);
            assertThat(auditor.consistency(previous, current)).as(story.toString()).isEqualTo(Verdict.HOLDS);
            try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
                Appender appender = Appender.open(storage, signer);
                assertThat(appender.size()).isEqualTo(current.size());
                previous = appender.append(CrashingAppender.randomEntries(random, random.nextInt(1, 300)));
            }
        }
        CheckpointResult last = new LogAuditor(new DirectoryTiles(dir), signer.verifier(), Optional.empty()).checkpoint();
        assertThat(last).isInstanceOf(CheckpointResult.Valid.class);
        assertThat(((CheckpointResult.Valid) last).checkpoint().size()).isGreaterThan(TreeSize.ZERO);
    }

    /** Runs the child until it halts or, after {@code killAfter} checkpoints, is killed; returns the last size it acknowledged. */
    private long runUntilCrash(Ed25519NoteSigner signer, byte[] seed, long randomSeed, long haltAt, int killAfter) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingAppender.class.getName(), dir.toString(), Base64.getEncoder().encodeToString(seed),
                signer.name(), Long.toString(randomSeed), Long.toString(haltAt))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long acknowledged = 0;
        int checkpoints = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("published ")) {
                    acknowledged = Long.parseLong(line.substring("published ".length()));
                    if (haltAt == 0 && ++checkpoints == killAfter) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).as("the child crashed rather than failed").isIn(137, 128 + 9);
        return acknowledged;
    }
}
