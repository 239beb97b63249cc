package dev.recourse.store.ledger;

import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.audit.LogAuditor;
import dev.recourse.tlog.note.VerifierKeys;
import dev.recourse.tlog.tile.DirectoryTiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The full audit of a log from outside, trusting only its verifier key. */
public final class Audits {
    private Audits() {}

    /** Audits the log in {@code logDirectory} and checks that its checkpoint has {@code size} entries. */
    public static void assertAuditHolds(Path logDirectory, String verifierKey, long size) throws IOException {
        LogAuditor.AuditReport report = new LogAuditor(new DirectoryTiles(logDirectory),
                VerifierKeys.parse(verifierKey).orElseThrow(), Optional.empty()).audit(n -> { });
        assertThat(report.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(report.checkpoint().orElseThrow().size().value()).isEqualTo(size);
    }
}
