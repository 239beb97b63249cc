package dev.recourse.server.cli;

import dev.recourse.tlog.append.Appender;
import dev.recourse.tlog.append.DirectoryStorage;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Logs written with the real appender, for the command tests. */
final class TestLogs {
    /** The key of the test logs. */
    static final Ed25519NoteSigner KEY = Ed25519NoteSigner.fromSeed("example.com/test-log", seed(1));
    /** Another key of the same name, as a forger would have. */
    static final Ed25519NoteSigner FORGER = Ed25519NoteSigner.fromSeed(KEY.name(), seed(2));

    private TestLogs() {}

    /**
     * Appends batches of entries {@code "<kind> <index>"} to the log in {@code dir}, one checkpoint each, and
     * returns the signed checkpoint notes it published.
     */
    static List<String> append(Path dir, String kind, int... batches) throws IOException {
        List<String> notes = new ArrayList<>();
        try (DirectoryStorage storage = DirectoryStorage.open(dir)) {
            Appender appender = Appender.open(storage, KEY);
            for (int batch : batches) {
                List<byte[]> entries = new ArrayList<>(batch);
                for (long index = appender.size().value(); entries.size() < batch; index++) {
                    entries.add((kind + " " + index).getBytes(StandardCharsets.UTF_8));
                }
                appender.append(entries);
                notes.add(appender.checkpointNote().orElseThrow());
            }
        }
        return notes;
    }

    private static byte[] seed(int number) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) number);
        return seed;
    }
}
