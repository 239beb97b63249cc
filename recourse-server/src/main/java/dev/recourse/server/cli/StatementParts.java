package dev.recourse.server.cli;

import dev.recourse.store.dsa.DsaStatements;
import dev.recourse.store.dsa.StatementLines;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The JSON lines of an export read in parts at once: the first part goes straight to the output, each further part to a
 * temporary file beside it, and {@link #join()} appends those in order, so the output holds the whole period in time
 * order while memory stays small. Closing deletes the temporary files.
 */
final class StatementParts implements AutoCloseable {
    private static final int BUFFER = 1 << 20;

    private final OutputStream out;
    private final List<Path> files = new ArrayList<>();
    private final List<OutputStream> streams = new ArrayList<>();
    private final List<StatementLines> sinks = new ArrayList<>();

    /**
     * @param directory where the temporary files go
     * @param out where the first part and then the others go
     * @param progress told of every {@link StatementLines#REPORT_EVERY} lines written, from the parts' threads
     */
    StatementParts(Path directory, OutputStream out, int parts, LongConsumer progress) throws IOException {
        this.out = out;
        sinks.add(new StatementLines(out, counted(progress)));
        try {
            for (int part = 1; part < parts; part++) {
                Path file = Files.createTempFile(directory, ".recourse-export-part-" + part + "-", ".partial");
                files.add(file);
                OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
                streams.add(stream);
                sinks.add(new StatementLines(stream, counted(progress)));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Turns one part's running count of lines into increments. */
    private static LongConsumer counted(LongConsumer progress) {
        long[] reported = {0};
        return lines -> {
            progress.accept(lines - reported[0]);
            reported[0] = lines;
        };
    }

    /** One sink a part, in order. */
    List<? extends DsaStatements.Sink> sinks() {
        return sinks;
    }

    /** Appends the further parts to the output, in order; the bytes of all lines written. */
    long join() throws IOException {
        for (int i = 0; i < files.size(); i++) {
            streams.get(i).close();
            Files.copy(files.get(i), out);
        }
        return sinks.stream().mapToLong(StatementLines::bytes).sum();
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (int i = 0; i < files.size(); i++) {
            try {
                if (i < streams.size()) {
                    streams.get(i).close();
                }
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            } finally {
                Files.deleteIfExists(files.get(i));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
