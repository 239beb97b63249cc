package dev.recourse.tlog.append;

import dev.recourse.tlog.note.Ed25519NoteSigner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link CrashRecoveryTest}: appends random batches to a log for ever,
 * printing {@code published <size>} after each checkpoint is published, until it is killed or
 * halts itself at storage operation number {@code haltAt} (0 to run until killed).
 *
 * <p>Arguments: log directory, base64 Ed25519 seed, origin, random seed, haltAt.
 */
public final class CrashingAppender {
    private CrashingAppender() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSeed(args[2], Base64.getDecoder().decode(args[1]));
        Random random = new Random(Long.parseLong(args[3]));
        long haltAt = Long.parseLong(args[4]);
        long[] operations = {0};
        try (LogStorage storage = new FaultyStorage(DirectoryStorage.open(dir), (operation, tile) ->
                ++operations[0] == haltAt ? new FaultyStorage.Fault.Halt() : FaultyStorage.NONE)) {
            Appender appender = Appender.open(storage, signer);
            System.out.println("opened " + appender.size());
            while (true) {
                // Pipelined, as the service appends: the next batch is hashed while this one is flushed and signed.
                appender.appendAsync(randomEntries(random, random.nextInt(1, 600)))
                        .thenAccept(checkpoint -> System.out.println("published " + checkpoint.size().value()));
            }
        }
    }

    /** {@code count} entries of 1 to 99 random bytes. */
    static List<byte[]> randomEntries(Random random, int count) {
        List<byte[]> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] entry = new byte[random.nextInt(1, 100)];
            random.nextBytes(entry);
            entries.add(entry);
        }
        return entries;
    }
}
