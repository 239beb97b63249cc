package dev.recourse.server.cli;

import dev.recourse.tlog.append.Appender;
import dev.recourse.tlog.append.DirectoryStorage;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@code recourse log bench}: appends random entries to a new log with the real appender, the
 * way the service's integrator does: whatever has arrived since the last checkpoint is one
 * batch, made durable and covered by a signed checkpoint before the next one starts.
 */
@Command(name = "bench", description = "Append N random entries to a new log with the real appender and report entries/s.")
final class LogBenchCommand implements Callable<Integer> {
    /** Entries the generator hands over at once, like a committed database transaction. */
    private static final int CHUNK = 1024;
    /** The most entries one checkpoint covers; bounds memory and the time between checkpoints. */
    private static final int MAX_BATCH = 1 << 16;

    @Option(names = "--entries", required = true, description = "How many entries to append.")
    long entries;

    @Option(names = "--dir", required = true, description = "A directory for the new log; it must not hold a log already.")
    Path dir;

    @Option(names = "--entry-bytes", defaultValue = "256", description = "Size of each entry in bytes (default ${DEFAULT-VALUE}).")
    int entryBytes;

    @Option(names = "--origin", defaultValue = "bench.recourse.invalid/log", description = "The log's origin line (default ${DEFAULT-VALUE}).")
    String origin;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final InstantSource clock;

    LogBenchCommand() {
        // The command line is the edge of the program: the one place the system clock is read.
        this.clock = InstantSource.system();
    }

    @Override
    public Integer call() throws Exception {
        if (entries < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--entries must be at least 1, not " + entries);
        }
        if (entryBytes < 0 || entryBytes > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--entry-bytes must be 0 to 65535, not " + entryBytes);
        }
        if (Files.exists(dir.resolve("checkpoint"))) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), dir + " already holds a log; give a new directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        Ed25519NoteSigner signer = Ed25519NoteSigner.generate(origin, new SecureRandom());
        BlockingQueue<List<byte[]>> arrived = new ArrayBlockingQueue<>(256);
        Thread generator = Thread.ofPlatform().name("bench-generator").daemon().start(() -> generate(arrived));
        Instant start = clock.instant();
        long handedOver = 0;
        int checkpoints = 0;
        Checkpoint last;
        try (Progress progress = Progress.of("appended", entries, spec.commandLine().getErr(), Progress.Style.forStderr(), clock);
                DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Appender appender = Appender.open(storage, signer);
            CompletableFuture<Checkpoint> published = CompletableFuture.completedFuture(null);
            long[] appendedSoFar = {0};
            List<byte[]> batch = new ArrayList<>(MAX_BATCH);
            while (handedOver < entries) {
                batch.clear();
                batch.addAll(arrived.take());
                List<byte[]> more;
                while (batch.size() + CHUNK <= MAX_BATCH && (more = arrived.poll()) != null) {
                    batch.addAll(more);
                }
                // Hashes this batch now, while the previous one is still being flushed and signed.
                published = appender.appendAsync(batch);
                published.thenAccept(checkpoint -> {
                    // Checkpoints are published in order, but these callbacks may run out of it.
                    synchronized (progress) {
                        appendedSoFar[0] = Math.max(appendedSoFar[0], checkpoint.size().value());
                        progress.advanceTo(appendedSoFar[0]);
                    }
                });
                handedOver += batch.size();
                checkpoints++;
            }
            last = appender.append(List.of());
            published.join();
        } finally {
            generator.interrupt();
        }
        long appended = last.size().value();
        double seconds = Duration.between(start, clock.instant()).toNanos() / 1e9;
        out.printf(Locale.ROOT, "checkpoints: %d, log: %s%n", checkpoints, dir.toAbsolutePath());
        out.printf(Locale.ROOT, "{\"entries\":%d,\"seconds\":%.3f,\"entriesPerSecond\":%.0f,\"verifierKey\":\"%s\"}%n",
                appended, seconds, appended / seconds, signer.verifierKey());
        out.flush();
        return 0;
    }

    /**
     * Produces exactly {@code entries} distinct random entries in chunks, as commits arriving from
     * the sequencer. Each entry is its number followed by a slice of a random pool at a random
     * offset: as incompressible as fresh random bytes, without spending the cores the appender
     * is being measured on in a random generator.
     */
    private void generate(BlockingQueue<List<byte[]>> arrived) {
        SplittableRandom random = new SplittableRandom(entries * 31 + entryBytes);
        byte[] pool = new byte[(1 << 20) + entryBytes];
        random.nextBytes(pool);
        try {
            for (long made = 0; made < entries; ) {
                int n = (int) Math.min(CHUNK, entries - made);
                List<byte[]> chunk = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    byte[] entry = new byte[entryBytes];
                    System.arraycopy(pool, random.nextInt(1 << 20), entry, 0, entryBytes);
                    long number = made + i;
                    for (int b = 0; b < Math.min(Long.BYTES, entryBytes); b++) {
                        entry[b] = (byte) (number >>> (8 * b));
                    }
                    chunk.add(entry);
                }
                arrived.put(chunk);
                made += n;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
