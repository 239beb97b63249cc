package dev.recourse.tlog.append;

import dev.recourse.tlog.TestVectors;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.recourse.tlog.append.CrashingAppender.randomEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppenderTest {
    private static final TestVectors.Note NOTE = TestVectors.notes().getFirst();
    private static final Ed25519NoteSigner SIGNER = Ed25519NoteSigner.fromSeed(NOTE.origin(), NOTE.ed25519Seed());

    @TempDir
    Path dir;

    @Test
    void appendingTheReferenceEntriesWritesTheReferenceTilesAndCheckpoint() throws IOException {
        TestVectors.Log log = TestVectors.large().log("json-70000");
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Appender appender = Appender.open(storage, SIGNER);
            appendInBatches(appender, log.entries(), new int[] {1, 7, 255, 256, 1000, 4096, 30_000});
            assertThat(appender.size()).isEqualTo(TreeSize.of(70_000));
            assertThat(appender.checkpointNote()).contains(NOTE.checkpoint());
        }
        assertSameTiles(log.tiles());
        assertThat(Files.readString(dir.resolve("checkpoint"))).isEqualTo(NOTE.checkpoint());
    }

    @Test
    void pipelinedBatchesArePublishedInOrderAndWriteTheReferenceLog() throws IOException {
        TestVectors.Log log = TestVectors.large().log("json-70000");
        List<Long> published = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Appender appender = Appender.open(storage, SIGNER);
            List<java.util.concurrent.CompletableFuture<Void>> recorded = new java.util.ArrayList<>();
            for (int at = 0; at < 70_000; at += 3_000) {
                recorded.add(appender.appendAsync(log.entries().subList(at, Math.min(70_000, at + 3_000)))
                        .thenAccept(checkpoint -> published.add(checkpoint.size().value())));
            }
            recorded.forEach(java.util.concurrent.CompletableFuture::join);
            assertThat(appender.size()).isEqualTo(TreeSize.of(70_000));
            assertThat(appender.checkpointNote()).contains(NOTE.checkpoint());
        }
        List<Long> expected = new java.util.ArrayList<>();
        for (long size = 3_000; size < 70_000; size += 3_000) {
            expected.add(size);
        }
        expected.add(70_000L);
        assertThat(published).containsExactlyInAnyOrderElementsOf(expected);
        assertSameTiles(log.tiles());
    }

    @Test
    void everySmallReferenceLogComesOutTheSameWhateverTheBatches() throws IOException {
        Random random = new Random(7);
        for (TestVectors.Log log : TestVectors.small().logs()) {
            for (int round = 0; round < 5; round++) {
                Path logDir = dir.resolve(log.name() + "-" + round);
                try (DirectoryStorage storage = DirectoryStorage.open(logDir)) {
                    Appender appender = Appender.open(storage, SIGNER);
                    int[] batches = random.ints(10, 1, 12).toArray();
                    appendInBatches(appender, log.entries(), batches);
                    assertThat(appender.checkpoint().orElseThrow().root()).isEqualTo(log.root(log.entries().size()).orElseThrow());
                }
                assertSameTiles(logDir, log.tiles());
            }
        }
    }

    @Test
    void aReopenedLogContinuesWhereItStopped() throws IOException {
        TestVectors.Log log = TestVectors.large().log("json-70000");
        List<byte[]> entries = log.entries();
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Appender.open(storage, SIGNER).append(entries.subList(0, 33_333));
        }
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Appender appender = Appender.open(storage, SIGNER);
            assertThat(appender.size()).isEqualTo(TreeSize.of(33_333));
            appender.append(entries.subList(33_333, 70_000));
        }
        assertSameTiles(log.tiles());
        assertThat(Files.readString(dir.resolve("checkpoint"))).isEqualTo(NOTE.checkpoint());
    }

    @Test
    void aNewLogPublishesTheEmptyTreeForAnEmptyBatch() throws IOException {
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Checkpoint empty = Appender.open(storage, SIGNER).append(List.of());
            assertThat(empty.size()).isEqualTo(TreeSize.ZERO);
        }
        assertThat(Files.readString(dir.resolve("checkpoint"))).startsWith(NOTE.origin() + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void aLogSignedByAnotherKeyIsNotOpened() throws IOException {
        appendSome(dir, 300);
        Ed25519NoteSigner other = Ed25519NoteSigner.generate(NOTE.origin(), new SecureRandom());
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            assertThatThrownBy(() -> Appender.open(storage, other))
                    .isInstanceOf(LogIntegrityException.class)
                    .hasMessageContaining("does not verify");
        }
    }

    @Test
    void aCheckpointThatTheTilesDoNotGiveIsNotOpened() throws IOException {
        appendSome(dir, 300);
        Path other = dir.resolveSibling(dir.getFileName() + "-other");
        appendSome(other, 300, 42);
        Files.copy(other.resolve("checkpoint"), dir.resolve("checkpoint"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            assertThatThrownBy(() -> Appender.open(storage, SIGNER))
                    .isInstanceOf(LogIntegrityException.class)
                    .hasMessageContaining("the checkpoint says");
        }
    }

    @Test
    void aMissingTileOfThePublishedTreeIsReported() throws IOException {
        appendSome(dir, 300);
        Files.delete(dir.resolve("tile/0/001.p/44"));
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            assertThatThrownBy(() -> Appender.open(storage, SIGNER))
                    .isInstanceOf(LogIntegrityException.class)
                    .hasMessageContaining("tile/0/001.p/44 is missing");
        }
    }

    @Test
    void aTileCorruptedOnItsWayToDiskIsNeverSigned() throws IOException {
        appendSome(dir, 300);
        String published = Files.readString(dir.resolve("checkpoint"));
        try (LogStorage storage = new FaultyStorage(DirectoryStorage.open(dir),
                (operation, tile) -> tile != null && tile.path().equals("tile/0/001") ? new FaultyStorage.Fault.FlipBit() : FaultyStorage.NONE)) {
            Appender appender = Appender.open(storage, SIGNER);
            assertThatThrownBy(() -> appender.append(randomEntries(new Random(1), 300)))
                    .isInstanceOf(LogIntegrityException.class)
                    .hasMessageContaining("refusing to sign size 600");
        }
        assertThat(Files.readString(dir.resolve("checkpoint"))).isEqualTo(published);
    }

    @Test
    void anAppenderThatFailedRefusesMoreWorkAndTheLogRecoversOnReopening() throws IOException {
        appendSome(dir, 300);
        try (LogStorage storage = new FaultyStorage(DirectoryStorage.open(dir),
                (operation, tile) -> operation == FaultyStorage.Operation.WRITE ? new FaultyStorage.Fault.Fail() : FaultyStorage.NONE)) {
            Appender appender = Appender.open(storage, SIGNER);
            assertThatThrownBy(() -> appender.append(randomEntries(new Random(2), 10))).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> appender.append(randomEntries(new Random(3), 10))).isInstanceOf(IllegalStateException.class);
        }
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Appender appender = Appender.open(storage, SIGNER);
            assertThat(appender.size()).isEqualTo(TreeSize.of(300));
            assertThat(appender.append(randomEntries(new Random(4), 10)).size()).isEqualTo(TreeSize.of(310));
        }
    }

    @Test
    void anOversizedEntryIsRefusedAndNothingIsAppended() throws IOException {
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Appender appender = Appender.open(storage, SIGNER);
            appender.append(randomEntries(new Random(5), 3));
            assertThatThrownBy(() -> appender.append(List.of(new byte[10], new byte[65_536])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entry 1");
            assertThat(appender.append(List.of(new byte[10])).size()).isEqualTo(TreeSize.of(4));
        }
    }

    @Test
    void aSecondAppenderOnTheSameLogIsRefused() throws IOException {
        try (DirectoryStorage first = DirectoryStorage.open(dir)) {
            assertThatThrownBy(() -> DirectoryStorage.open(dir))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("another appender");
        }
    }

    @Test
    void whatACrashLeftInStagingIsRemovedOnOpening() throws IOException {
        appendSome(dir, 10);
        Files.writeString(dir.resolve(".staging/17"), "half a tile");
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            assertThat(dir.resolve(".staging")).isEmptyDirectory();
        }
    }

    private static void appendSome(Path logDir, int count) throws IOException {
        appendSome(logDir, count, count);
    }

    private static void appendSome(Path logDir, int count, long seed) throws IOException {
        try (DirectoryStorage storage = DirectoryStorage.open(logDir)) {
            Appender.open(storage, SIGNER).append(randomEntries(new Random(seed), count));
        }
    }

    private static void appendInBatches(Appender appender, List<byte[]> entries, int[] batches) throws IOException {
        int at = 0;
        for (int i = 0; at < entries.size(); i++) {
            int n = Math.min(batches[i % batches.length], entries.size() - at);
            appender.append(entries.subList(at, at + n));
            at += n;
        }
    }

    private void assertSameTiles(Map<String, byte[]> expected) throws IOException {
        assertSameTiles(dir, expected);
    }

    private static void assertSameTiles(Path logDir, Map<String, byte[]> expected) throws IOException {
        for (Map.Entry<String, byte[]> tile : expected.entrySet()) {
            Path file = logDir.resolve(tile.getKey());
            assertThat(file).as(tile.getKey()).exists();
            assertThat(Base64.getEncoder().encodeToString(Files.readAllBytes(file)))
                    .as(tile.getKey())
                    .isEqualTo(Base64.getEncoder().encodeToString(tile.getValue()));
        }
    }
}
