package dev.recourse.server.cli;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.receipt.Receipt;
import dev.recourse.tlog.tile.DirectoryTiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code recourse log prove --dir DIR --index I}: prints the receipt (c2sp.org/tlog-proof@v1) for entry
 * {@code I} of the log in {@code DIR} against its current checkpoint, with the entry on the extra line.
 *
 * <p>It only reads the log, so it can run while an appender writes it.
 */
@Command(
        name = "prove",
        description = "Print the receipt (c2sp.org/tlog-proof@v1) for entry I of the log in DIR, against the log's"
                + " current checkpoint; the entry itself is on the receipt's extra line.")
final class LogProveCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The log's directory.")
    Path dir;

    @Option(names = "--index", required = true, paramLabel = "I", description = "The entry's index, from 0.")
    long index;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (index < 0) {
            throw new ParameterException(spec.commandLine(), "--index is at least 0, not " + index);
        }
        if (!Files.isDirectory(dir)) {
            throw new Failures.Failed("no log in " + dir + ": there is no such directory");
        }
        DirectoryTiles log = new DirectoryTiles(dir);
        String note = log.readCheckpoint()
                .orElseThrow(() -> new Failures.Failed("no log in " + dir + ": it has no checkpoint"));
        Checkpoint checkpoint = switch (Checkpoints.parseUnverified(note)) {
            case Parsed.Malformed<Checkpoint> m -> throw new Failures.Failed(dir.resolve("checkpoint") + ": " + m.reason());
            case Parsed.Ok<Checkpoint>(Checkpoint ok) -> ok;
        };
        if (!checkpoint.size().contains(index)) {
            long size = checkpoint.size().value();
            throw new Failures.Failed(size == 0
                    ? "the log in " + dir + " has no entries yet"
                    : String.format(Locale.ROOT, "the log in %s has %,d entries, 0 to %d: there is no entry %d",
                            dir, size, size - 1, index));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(Receipt.prove(log, index, note).text());
        out.flush();
        return 0;
    }
}
