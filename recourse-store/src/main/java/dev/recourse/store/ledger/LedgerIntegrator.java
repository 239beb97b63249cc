package dev.recourse.store.ledger;

import dev.recourse.store.database.Queries;
import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.append.Appender;
import dev.recourse.tlog.append.DirectoryStorage;
import dev.recourse.tlog.append.LogIntegrityException;
import dev.recourse.tlog.merkle.InclusionProof;
import dev.recourse.tlog.merkle.Merkle;
import dev.recourse.tlog.merkle.Proofs;
import dev.recourse.tlog.merkle.TreeSize;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.CheckpointResult;
import dev.recourse.tlog.note.Checkpoints;
import dev.recourse.tlog.note.Ed25519NoteSigner;
import dev.recourse.tlog.tile.DirectoryTiles;
import dev.recourse.tlog.tile.MissingTileException;
import dev.recourse.tlog.tile.Tile;
import dev.recourse.tlog.tile.TileHashSource;
import dev.recourse.tlog.tile.TileReader;

import javax.sql.DataSource;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Feeds committed events into the transparency log: one background thread reads the events at
 * positions from the log's size on, in order, appends their public entries through the
 * {@link Appender} (which makes them durable and publishes a signed checkpoint), and starts over.
 * Everything committed is taken into one append, up to {@link LedgerSettings#maxBatchEntries}, at
 * most once per {@link LedgerSettings#appendInterval}, so a checkpoint follows new events within
 * about a second, usually much sooner.
 *
 * <p>One integrator runs per database: it holds a PostgreSQL advisory lock while it appends; an
 * integrator of another node waits for the lock, following the published checkpoint meanwhile,
 * and takes over when the holder stops.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>It MUST NEVER append an event twice or out of order: the log's size is the position of
 *       the next event to append, and every event read MUST be at exactly the next position.</li>
 *   <li>On start it catches up from the database. If the log holds more entries than the database
 *       has events, or the log's last entries differ from the events at their positions, it stops
 *       in state {@link LedgerProgress.State#FAILED} with the reason, and signs nothing.</li>
 *   <li>A transient error (the database, the disk) makes it reopen the log and start over after a
 *       second; the appender continues from the last published checkpoint.</li>
 * </ul>
 */
public final class LedgerIntegrator implements AutoCloseable {
    /** The advisory lock key of the integrator: "recourse" in ASCII. */
    static final long LOCK_KEY = 0x7265636f75727365L;
    private static final Duration RETRY_WAIT = Duration.ofSeconds(1);

    private record Published(Checkpoint checkpoint, String note) {}

    private record Waiter(long position, CompletableFuture<Checkpoint> future) {}

    private final EventEntries events;
    private final LedgerSettings settings;
    private final Ed25519NoteSigner signer;
    private final InstantSource clock;
    private final TileReader publishedLog;
    private final Thread thread;

    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean closing;

    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(Comparator.comparingLong(Waiter::position));
    private volatile Published published;
    private volatile LedgerProgress.State state = LedgerProgress.State.WAITING_FOR_LOCK;
    private volatile long databaseHead;
    private volatile long entriesAppended;
    private volatile long checkpointsPublished;
    private volatile Instant lastCheckpointAt;
    private volatile String problem;

    private LedgerIntegrator(DataSource dataSource, LedgerSettings settings, Ed25519NoteSigner signer, InstantSource clock) {
        this.events = new EventEntries(dataSource);
        this.settings = settings;
        this.signer = signer;
        this.clock = clock;
        this.publishedLog = new DirectoryTiles(settings.logDirectory());
        this.thread = Thread.ofPlatform().name("recourse-integrator").unstarted(this::run);
    }

    /**
     * Loads the log's signer key (creating it, for the settings' origin, on first start) and
     * starts the integrator thread, which first waits for the lock.
     *
     * @param dataSource the database, migrated
     * @param clock for {@link LedgerProgress#lastCheckpointAt} alone
     * @param random draws a new key, if there is none
     * @throws IOException if the key file cannot be read or created, or holds another log's key
     */
    public static LedgerIntegrator start(DataSource dataSource, LedgerSettings settings, InstantSource clock,
                                         SecureRandom random) throws IOException {
        Ed25519NoteSigner signer = LogKeys.loadOrCreate(settings.keyFile(), settings.origin(), random);
        LedgerIntegrator integrator = new LedgerIntegrator(dataSource, settings, signer, clock);
        integrator.followPublished();
        integrator.thread.start();
        return integrator;
    }

    /** The log's verifier key, {@code origin+hex8(keyID)+base64(key)}, which verifiers of the log need. */
    public String verifierKey() {
        return signer.verifierKey();
    }

    /** The last checkpoint published, empty before the first. */
    public Optional<Checkpoint> checkpoint() {
        return Optional.ofNullable(published).map(Published::checkpoint);
    }

    /** The last checkpoint published as the signed note, empty before the first. */
    public Optional<String> checkpointNote() {
        return Optional.ofNullable(published).map(Published::note);
    }

    /**
     * Completes with the first published checkpoint whose tree holds {@code position}; at once
     * if the current one does. It completes exceptionally if the integrator fails or closes first.
     * Futures complete on the integrator thread: a dependent stage MUST NOT block.
     */
    public CompletableFuture<Checkpoint> awaitCovered(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a position is at least 0, not " + position);
        }
        synchronized (waiters) {
            Published current = published;
            if (current != null && current.checkpoint().size().contains(position)) {
                return CompletableFuture.completedFuture(current.checkpoint());
            }
            if (state == LedgerProgress.State.FAILED || state == LedgerProgress.State.STOPPED) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "the integrator is " + state + (problem == null ? "" : ": " + problem)));
            }
            CompletableFuture<Checkpoint> future = new CompletableFuture<>();
            waiters.add(new Waiter(position, future));
            return future;
        }
    }

    /**
     * What a receipt for the entry at {@code position} needs, proven against the last published
     * checkpoint; empty if that checkpoint does not cover the position yet.
     *
     * @throws LogIntegrityException if the log's tiles do not prove the entry in the checkpoint
     * @throws IOException if the tiles cannot be read
     */
    public Optional<ReceiptMaterial> proof(long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("a position is at least 0, not " + position);
        }
        Published current = published;
        if (current == null || !current.checkpoint().size().contains(position)) {
            return Optional.empty();
        }
        TreeSize size = current.checkpoint().size();
        Tile.Entries bundle = Tile.entriesContaining(position, size);
        byte[] entry = entries(publishedLog, bundle).get((int) (position - bundle.index() * Tile.WIDTH));
        InclusionProof proof = Proofs.inclusion(new TileHashSource(publishedLog, size), position, size);
        if (proof.verify(Merkle.leafHash(entry), current.checkpoint().root()) instanceof Verdict.Fails fails) {
            throw new LogIntegrityException("the log's tiles do not prove entry " + position + " in its checkpoint of size "
                    + size + ": " + fails.reason());
        }
        return Optional.of(new ReceiptMaterial(entry, proof, current.checkpoint(), current.note()));
    }

    /** Where the integrator is. */
    public LedgerProgress progress() {
        Published current = published;
        return new LedgerProgress(state, current == null ? 0 : current.checkpoint().size().value(), databaseHead,
                entriesAppended, checkpointsPublished, Optional.ofNullable(lastCheckpointAt), Optional.ofNullable(problem));
    }

    /**
     * Tells the integrator that events up to {@code head} (exclusive) are committed, so it looks at
     * once instead of after its idle wait. Cheap; for the sequencer's commit listener.
     */
    public void committed(long head) {
        if (head > databaseHead) {
            databaseHead = head;
        }
        wake();
    }

    /**
     * Stops the thread after its current append, releases the lock and the log, and fails the
     * waiters still waiting.
     *
     * @throws InterruptedException if interrupted while waiting for the thread
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        wake();
        thread.join();
    }

    private void run() {
        try {
            while (!closing) {
                try {
                    holdLockAndIntegrate();
                } catch (LogIntegrityException | RuntimeException e) {
                    problem = e.getMessage();
                    state = LedgerProgress.State.FAILED;
                    return;
                } catch (IOException | SQLException e) {
                    problem = e.toString();
                    state = LedgerProgress.State.RETRYING;
                    pause(RETRY_WAIT);
                }
            }
        } finally {
            if (state != LedgerProgress.State.FAILED) {
                state = LedgerProgress.State.STOPPED;
            }
            failWaiters();
        }
    }

    /** Waits for the lock, following the published checkpoint meanwhile, then integrates until closed. */
    private void holdLockAndIntegrate() throws IOException, SQLException {
        try (Connection connection = events.connection()) {
            while (!Queries.tryAdvisoryLock(connection, LOCK_KEY)) {
                state = LedgerProgress.State.WAITING_FOR_LOCK;
                followPublished();
                pause(settings.idleWait());
                if (closing) {
                    return;
                }
            }
            Throwable failure = null;
            try {
                integrate(connection);
            } catch (IOException | SQLException | RuntimeException | Error e) {
                failure = e;
                throw e;
            } finally {
                try {
                    Queries.advisoryUnlock(connection, LOCK_KEY);
                } catch (SQLException e) {
                    // A broken connection took its session, and the lock, with it.
                    if (failure == null) {
                        throw e;
                    }
                    failure.addSuppressed(e);
                }
            }
        }
    }

    private void integrate(Connection connection) throws IOException, SQLException {
        try (DirectoryStorage storage = DirectoryStorage.open(settings.logDirectory())) {
            Appender appender = Appender.open(storage, signer);
            if (appender.checkpoint().isEmpty()) {
                appender.append(List.of());
                checkpointsPublished++;
            }
            publish(appender);
            reconcile(connection, storage, appender.size().value());
            state = LedgerProgress.State.RUNNING;
            problem = null;
            long lastAppend = System.nanoTime() - settings.appendInterval().toNanos();
            while (!closing) {
                long early = settings.appendInterval().toNanos() - (System.nanoTime() - lastAppend);
                if (early > 0) {
                    rest(early);
                }
                long next = appender.size().value();
                // The head first: every event below it is committed, so the read below sees it.
                long head = EventEntries.head(connection);
                databaseHead = Math.max(databaseHead, head);
                List<byte[]> entries = events.entries(connection, next, settings.maxBatchEntries());
                if (entries.isEmpty()) {
                    if (head > next) {
                        throw new LogIntegrityException("the database's head is at " + head
                                + " but it has no event at position " + next + ", the next to append");
                    }
                    pause(settings.idleWait());
                    continue;
                }
                lastAppend = System.nanoTime();
                appender.append(entries);
                entriesAppended += entries.size();
                checkpointsPublished++;
                publish(appender);
            }
        }
    }

    /**
     * Refuses a log ahead of the database, or whose last entries differ from the database's events
     * at the same positions: the two no longer describe the same history.
     */
    private void reconcile(Connection connection, TileReader log, long size) throws IOException, SQLException {
        long head = EventEntries.head(connection);
        databaseHead = Math.max(databaseHead, head);
        if (size > head) {
            throw new LogIntegrityException("the log holds " + size + " entries but the database only " + head
                    + " events: the log is ahead of the database (a database restored from an older backup, or another"
                    + " database?); refusing to sign until an operator reconciles them");
        }
        if (size == 0) {
            return;
        }
        Tile.Entries bundle = Tile.entriesContaining(size - 1, TreeSize.of(size));
        List<byte[]> logged = entries(log, bundle);
        long first = bundle.index() * Tile.WIDTH;
        List<byte[]> stored = events.entries(connection, first, logged.size());
        for (int i = 0; i < logged.size(); i++) {
            if (i >= stored.size() || !Arrays.equals(logged.get(i), stored.get(i))) {
                throw new LogIntegrityException("entry " + (first + i) + " of the log differs from the public entry of"
                        + " the event at that position in the database: the log and the database disagree;"
                        + " refusing to sign until an operator reconciles them");
            }
        }
    }

    private static List<byte[]> entries(TileReader log, Tile.Entries bundle) throws IOException {
        byte[] data = log.read(bundle).orElseThrow(() -> new MissingTileException(bundle));
        return switch (bundle.decode(data)) {
            case Parsed.Ok<List<byte[]>> ok -> ok.value();
            case Parsed.Malformed<List<byte[]>> malformed -> throw new LogIntegrityException(malformed.reason());
        };
    }

    /** Takes the appender's checkpoint as the published one and completes the waiters it covers. */
    private void publish(Appender appender) {
        publish(appender.checkpoint().orElseThrow(), appender.checkpointNote().orElseThrow());
        lastCheckpointAt = clock.instant();
    }

    private void publish(Checkpoint checkpoint, String note) {
        List<Waiter> covered = new ArrayList<>();
        synchronized (waiters) {
            published = new Published(checkpoint, note);
            while (!waiters.isEmpty() && checkpoint.size().contains(waiters.peek().position())) {
                covered.add(waiters.poll());
            }
        }
        for (Waiter waiter : covered) {
            waiter.future().complete(checkpoint);
        }
    }

    /** Takes a newer checkpoint another node published, when it verifies with the log's key. */
    private void followPublished() throws IOException {
        Optional<String> note = publishedLog.readCheckpoint();
        if (note.isEmpty()) {
            return;
        }
        switch (Checkpoints.open(note.get(), signer.verifier(), Optional.empty())) {
            case CheckpointResult.Valid valid -> {
                Published current = published;
                if (current == null || valid.checkpoint().size().compareTo(current.checkpoint().size()) > 0) {
                    publish(valid.checkpoint(), valid.noteText());
                }
            }
            case CheckpointResult.Invalid invalid -> problem = "the published checkpoint does not verify: " + invalid.reason();
        }
    }

    private void failWaiters() {
        List<Waiter> left;
        synchronized (waiters) {
            left = new ArrayList<>(waiters);
            waiters.clear();
        }
        IllegalStateException reason = new IllegalStateException(
                "the integrator is " + state + (problem == null ? "" : ": " + problem));
        for (Waiter waiter : left) {
            waiter.future().completeExceptionally(reason);
        }
    }

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Waits {@code nanos}, or until closed; commits do not cut it short. */
    private void rest(long nanos) {
        waitFor(nanos, false);
    }

    /** Waits up to {@code duration}, or until woken or closed. */
    private void pause(Duration duration) {
        waitFor(duration.toNanos(), true);
    }

    private void waitFor(long nanos, boolean wakeable) {
        synchronized (signal) {
            long deadline = System.nanoTime() + nanos;
            long left = nanos;
            while (!(wakeable && woken) && !closing && left > 0) {
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    // Nothing else interrupts this private thread; close() is how it stops.
                    return;
                }
                left = deadline - System.nanoTime();
            }
            if (wakeable) {
                woken = false;
            }
        }
    }
}
