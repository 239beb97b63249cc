package dev.recourse.server.cli;

import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.audit.LogAuditor;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.NoteVerifier;
import dev.recourse.tlog.note.WitnessPolicy;
import dev.recourse.tlog.receipt.Receipt;
import dev.recourse.tlog.tile.TileReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a log from the outside, trusting nothing but its key: the current checkpoint, every tile
 * recomputed from the entries, each receipt against the log, each older checkpoint for consistency.
 * What {@code recourse verify} runs, and the demo with it.
 */
final class LogVerification {
    private LogVerification() {}

    /**
     * Runs every check, reporting the audit's progress on {@code err}, and returns the one-line summary,
     * e.g. {@code verified example.com/log: 70,000 entries, 551 tiles, 2 receipts, 1 older checkpoint
     * consistent; root <base64>}. All files are read before the audit starts.
     *
     * @throws Failures.Failed if anything does not hold: one reason per failed check, each naming the
     *     file, or the log and the tile
     * @throws IOException if the log or a file cannot be read
     */
    static String run(TileReader log, NoteVerifier key, Optional<WitnessPolicy> witnesses, List<Path> receiptFiles,
            List<Path> olderFiles, PrintWriter err, InstantSource clock) throws IOException {
        List<String> failures = new ArrayList<>();
        Map<Path, Receipt> receipts = new LinkedHashMap<>();
        for (Map.Entry<Path, Optional<String>> file : read(receiptFiles, failures).entrySet()) {
            file.getValue().ifPresent(text -> {
                switch (Receipt.parse(text)) {
                    case Parsed.Malformed<Receipt> m -> failures.add(file.getKey() + ": not a receipt: " + m.reason());
                    case Parsed.Ok<Receipt>(Receipt receipt) -> receipts.put(file.getKey(), receipt);
                }
            });
        }
        Map<Path, Optional<String>> older = read(olderFiles, failures);

        LogAuditor auditor = new LogAuditor(log, key, witnesses);
        Checkpoint current = switch (auditor.checkpoint()) {
            case CheckpointResult.Invalid invalid -> {
                failures.add(log + ": " + invalid.reason());
                throw new Failures.Failed(failures);
            }
            case CheckpointResult.Valid valid -> valid.checkpoint();
        };
        LogAuditor.AuditReport report;
        try (Progress progress = Progress.of("audited", current.size().value(), err, Progress.Style.forStderr(), clock)) {
            report = auditor.audit(current, progress::advanceTo);
        }
        if (report.verdict() instanceof Verdict.Fails fails) {
            failures.add(log + ": " + fails.reason());
        }
        for (Map.Entry<Path, Receipt> receipt : receipts.entrySet()) {
            if (auditor.receipt(receipt.getValue(), current) instanceof Verdict.Fails fails) {
                failures.add(receipt.getKey() + ": " + fails.reason());
            }
        }
        for (Map.Entry<Path, Optional<String>> file : older.entrySet()) {
            if (file.getValue().isPresent()
                    && auditor.olderCheckpoint(file.getValue().get(), current) instanceof Verdict.Fails fails) {
                failures.add(file.getKey() + ": " + fails.reason());
            }
        }
        if (!failures.isEmpty()) {
            throw new Failures.Failed(failures);
        }
        StringBuilder summary = new StringBuilder("verified ").append(current.origin()).append(": ")
                .append(count(current.size().value(), "entry", "entries")).append(", ")
                .append(count(report.tilesChecked(), "tile", "tiles"));
        if (!receipts.isEmpty()) {
            summary.append(", ").append(count(receipts.size(), "receipt", "receipts"));
        }
        if (!older.isEmpty()) {
            summary.append(", ").append(count(older.size(), "older checkpoint", "older checkpoints")).append(" consistent");
        }
        return summary.append("; root ").append(current.root().toBase64()).toString();
    }

    /** The text of each file, or empty with a failure noted when it is not UTF-8 text. */
    private static Map<Path, Optional<String>> read(List<Path> files, List<String> failures) throws IOException {
        Map<Path, Optional<String>> texts = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                texts.put(file, Optional.of(Files.readString(file)));
            } catch (CharacterCodingException e) {
                failures.add(file + ": not UTF-8 text");
                texts.put(file, Optional.empty());
            }
        }
        return texts;
    }

    private static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
