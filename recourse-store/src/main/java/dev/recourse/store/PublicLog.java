package dev.recourse.store;

import dev.recourse.store.ledger.LedgerIntegrator;
import dev.recourse.store.ledger.LedgerProgress;
import dev.recourse.tlog.note.Checkpoint;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The transparency log as the rest of Recourse sees it: where it is, its key, its last signed
 * checkpoint, and how far it has taken in the committed events. Read-only; the store feeds it.
 */
public final class PublicLog {
    private final LedgerIntegrator integrator;
    private final Path directory;

    PublicLog(LedgerIntegrator integrator, Path directory) {
        this.integrator = integrator;
        this.directory = directory;
    }

    /** The directory of the log's tiles and checkpoint, laid out to be served as static files. */
    public Path directory() {
        return directory;
    }

    /** The log's verifier key, {@code origin+hex8(keyID)+base64(key)}: what verifiers of the log need. */
    public String verifierKey() {
        return integrator.verifierKey();
    }

    /** The last checkpoint signed, empty before the first. */
    public Optional<Checkpoint> checkpoint() {
        return integrator.checkpoint();
    }

    /** The last checkpoint signed, as the signed note verifiers read; empty before the first. */
    public Optional<String> checkpointNote() {
        return integrator.checkpointNote();
    }

    /** Where the integrator is: its state, the log's size, the committed events not yet in the log. */
    public LedgerProgress progress() {
        return integrator.progress();
    }

    /**
     * Completes with the first signed checkpoint whose tree holds the event at {@code position}: at
     * once if the current one does. Completes exceptionally if the integrator fails or the store
     * closes first. A dependent stage MUST NOT block (it may run on the integrator's thread).
     */
    public CompletableFuture<Checkpoint> awaitCovered(long position) {
        return integrator.awaitCovered(position);
    }
}
