package dev.recourse.store;

import dev.recourse.core.process.Settings;
import dev.recourse.store.database.DatabaseSettings;
import dev.recourse.store.ledger.LedgerSettings;
import dev.recourse.store.sequencer.SequencerSettings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@link RecourseStore#open} needs: where the database is, where the log lives, the
 * sequencer's bounds, and how the platform runs due process (the projections compute appeal
 * deadlines from it, so the pipeline and the read model agree).
 *
 * @param database the external or embedded database; its data directory holds the embedded server
 * @param ledger the log's directory, signer key and origin
 * @param sequencer the write queue's bounds
 * @param process the due-process settings of {@link RecourseStore#dueProcess()}
 */
public record StoreSettings(DatabaseSettings database, LedgerSettings ledger, SequencerSettings sequencer, Settings process) {
    public StoreSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(sequencer, "sequencer");
        Objects.requireNonNull(process, "process");
    }

    /**
     * Everything under {@code dataDirectory}: the embedded database in {@code postgres/}, the log in
     * {@code log/} with its key in {@code log-signer.key}, named {@code logOrigin}; default bounds.
     */
    public static StoreSettings under(Path dataDirectory, String logOrigin, Settings process) {
        return new StoreSettings(DatabaseSettings.embedded(dataDirectory), LedgerSettings.under(dataDirectory, logOrigin),
                SequencerSettings.DEFAULT, process);
    }

    /** These settings with another database (an external one, say). */
    public StoreSettings withDatabase(DatabaseSettings other) {
        return new StoreSettings(other, ledger, sequencer, process);
    }

    /** These settings with another log. */
    public StoreSettings withLedger(LedgerSettings other) {
        return new StoreSettings(database, other, sequencer, process);
    }

    /** These settings with other sequencer bounds. */
    public StoreSettings withSequencer(SequencerSettings other) {
        return new StoreSettings(database, ledger, other, process);
    }
}
