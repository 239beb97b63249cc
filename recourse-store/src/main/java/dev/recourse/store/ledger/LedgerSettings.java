package dev.recourse.store.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the log lives and how the integrator feeds it.
 *
 * @param logDirectory the log's tiles and checkpoint, laid out as served
 * @param keyFile the log's signer key ({@code PRIVATE+KEY+...}), created with mode 600 on first
 *     start; it MUST NOT be under {@code logDirectory}, which is published
 * @param origin the log's origin line, which names its key, for instance {@code example.org/recourse/2026h1}
 * @param maxBatchEntries the most entries one append takes, 1 to 65,536
 * @param idleWait how long the integrator waits for new events before it looks again, when nothing
 *     woke it; more than 0, at most one second
 * @param appendInterval the least time from the start of one append to the start of the next: under
 *     load each append (and its checkpoint, partial tiles and flushes) then takes more events; at
 *     most one second, so a checkpoint still follows new events within about a second. 0 appends
 *     as soon as anything is committed.
 */
public record LedgerSettings(Path logDirectory, Path keyFile, String origin, int maxBatchEntries, Duration idleWait,
                             Duration appendInterval) {
    /** The default {@link #maxBatchEntries}. */
    public static final int DEFAULT_MAX_BATCH_ENTRIES = 16_384;
    /** The default {@link #idleWait}. */
    public static final Duration DEFAULT_IDLE_WAIT = Duration.ofMillis(100);
    /** The default {@link #appendInterval}. */
    public static final Duration DEFAULT_APPEND_INTERVAL = Duration.ofMillis(200);

    public LedgerSettings {
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(idleWait, "idleWait");
        Objects.requireNonNull(appendInterval, "appendInterval");
        if (keyFile.toAbsolutePath().normalize().startsWith(logDirectory.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the log's key file " + keyFile + " is inside the published log directory "
                    + logDirectory);
        }
        if (origin.isBlank()) {
            throw new IllegalArgumentException("the log origin is blank");
        }
        if (maxBatchEntries < 1 || maxBatchEntries > 65_536) {
            throw new IllegalArgumentException("an append takes 1 to 65536 entries, not " + maxBatchEntries);
        }
        if (idleWait.isNegative() || idleWait.isZero() || idleWait.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the idle wait is more than 0 and at most 1 s, not " + idleWait);
        }
        if (appendInterval.isNegative() || appendInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the append interval is 0 to 1 s, not " + appendInterval);
        }
    }

    /** The log under {@code dataDirectory/log}, its key in {@code dataDirectory/log-signer.key}. */
    public static LedgerSettings under(Path dataDirectory, String origin) {
        return new LedgerSettings(dataDirectory.resolve("log"), dataDirectory.resolve("log-signer.key"), origin,
                DEFAULT_MAX_BATCH_ENTRIES, DEFAULT_IDLE_WAIT, DEFAULT_APPEND_INTERVAL);
    }
}
