package dev.recourse.store;

import dev.recourse.core.port.EventStore;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Settings;
import dev.recourse.store.database.Database;
import dev.recourse.store.erasure.Erasure;
import dev.recourse.store.events.PostgresEventStore;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.core.safeguard.CircuitBreakers;
import dev.recourse.store.idempotency.IdempotentWrite;
import dev.recourse.store.ledger.LedgerIntegrator;
import dev.recourse.store.safeguard.Recalls;
import dev.recourse.store.safeguard.Safeguards;
import dev.recourse.store.safeguard.SharedBreakers;
import dev.recourse.store.projection.ReadModel;
import dev.recourse.store.sequencer.PrivateRecord;
import dev.recourse.store.sequencer.Sequencer;
import dev.recourse.tlog.receipt.Receipt;

import javax.sql.DataSource;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Recourse's storage, assembled: the database (embedded unless a URL is set), the sequencer that
 * writes events with the projections in the same transaction, the integrator that feeds the
 * transparency log, and what the rest of Recourse reads and writes through:
 * <ul>
 *   <li>{@link #events()}: the core's {@link EventStore} port on PostgreSQL, and
 *       {@link #dueProcess()}, the decision pipeline on it;</li>
 *   <li>{@link #readModel()}: cases, review queues, standing restrictions, transparency rollups;</li>
 *   <li>{@link #log()}: the log's key, checkpoints and progress; {@link #receipt} and
 *       {@link #privateRecord}: what an affected person receives to check their entry;</li>
 *   <li>{@link #erasure()}: deletion of personal data.</li>
 * </ul>
 *
 * <p>On start the read model catches up with events it has not seen (none, normally): this assumes
 * one process writes to the database at a time.
 *
 * <p>Thread-safe: one instance serves the whole process. {@link #close()} stops it in order: the
 * writes already queued are committed, the log takes them in, then the database stops.
 */
public final class RecourseStore implements AutoCloseable {
    private static final String PRIVATE_RECORD = "SELECT salt, private_record FROM event WHERE position = ?";

    private final StoreSettings settings;
    private final InstantSource clock;
    /** Ids and salts on the write path. */
    private final RandomGenerator random;
    private final Database database;
    private final LedgerIntegrator integrator;
    private final PostgresEventStore events;
    private final ReadModel readModel;
    private final PublicLog log;
    private final Safeguards safeguards;
    private final CircuitBreakers breakers;

    private RecourseStore(StoreSettings settings, InstantSource clock, RandomGenerator random, Database database,
                          LedgerIntegrator integrator, PostgresEventStore events, ReadModel readModel, Safeguards safeguards,
                          CircuitBreakers breakers) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.database = database;
        this.integrator = integrator;
        this.events = events;
        this.readModel = readModel;
        this.log = new PublicLog(integrator, settings.ledger().logDirectory());
        this.safeguards = safeguards;
        this.breakers = breakers;
    }

    /**
     * Starts everything: the database (creating and migrating it on first use), the log's
     * integrator (creating the log's signer key on first use; it catches up with the database
     * before it signs), and the sequencer.
     *
     * @param clock the time of events, checkpoints and erasures
     * @param random ids, salts of commitments, keys and the embedded database's first password
     * @throws IOException if the embedded database or the log cannot start
     */
    public static RecourseStore open(StoreSettings settings, InstantSource clock, SecureRandom random) throws IOException {
        return open(settings, BreakerSettings.defaults(), clock, random);
    }

    /**
     * Starts everything as {@link #open(StoreSettings, InstantSource, SecureRandom)} does, with circuit breakers that
     * learn and trip as {@code breakerSettings} say, counting in the database with every other process on it.
     *
     * @throws IOException if the embedded database or the log cannot start
     */
    public static RecourseStore open(StoreSettings settings, BreakerSettings breakerSettings, InstantSource clock, SecureRandom random)
            throws IOException {
        Database database = Database.start(settings.database(), random);
        LedgerIntegrator integrator = null;
        PostgresEventStore events = null;
        try {
            integrator = LedgerIntegrator.start(database.dataSource(), settings.ledger(), clock, random);
            ReadModel readModel = new ReadModel(database.dataSource(), clock, settings.process());
            Safeguards safeguards = new Safeguards(database.dataSource());
            SharedBreakers breakers = new SharedBreakers(database.dataSource(), breakerSettings);
            RandomGenerator writes = new BufferedRandom(random);
            events = PostgresEventStore.start(database.dataSource(), settings.sequencer(),
                    List.of(readModel.projection(), safeguards.projection(), breakers.projection()), breakers.admission(),
                    integrator::committed, writes);
            readModel.rebuildIfOutdated(events);
            readModel.catchUp(events);
            safeguards.catchUp(events);
            breakers.catchUp(events);
            return new RecourseStore(settings, clock, writes, database, integrator, events, readModel, safeguards, breakers);
        } catch (IOException | RuntimeException e) {
            stop(events, integrator, database, e);
            throw e;
        }
    }

    /** Stops what {@link #open} started before it failed with {@code failure}. */
    private static void stop(PostgresEventStore events, LedgerIntegrator integrator, Database database, Exception failure) {
        try {
            if (events != null) {
                events.close();
            }
            if (integrator != null) {
                integrator.close();
            }
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(closing);
        } finally {
            try {
                database.close();
            } catch (IOException | RuntimeException closing) {
                failure.addSuppressed(closing);
            }
        }
    }

    /** The core's event store on this database: appends are durable when they return. */
    public EventStore events() {
        return events;
    }

    /**
     * The decision pipeline on {@link #events()}, with the store's clock and randomness and the
     * settings' due-process settings. Safe to share between threads: concurrent commands on one
     * case are kept apart by the streams' expected versions.
     */
    public DueProcess dueProcess() {
        return new DueProcess(events, clock, random, settings.process(), breakers);
    }

    /**
     * The circuit breakers every {@link #dueProcess()} shares, with every process on this database: what they learned,
     * for the breakers' page.
     */
    public CircuitBreakers breakers() {
        return breakers;
    }

    /** The safeguards' read model: per rule version its figures, its breaker and its recalls. */
    public Safeguards safeguards() {
        return safeguards;
    }

    /** Recalls, through {@link #dueProcess()}. */
    public Recalls recalls() {
        return new Recalls(dueProcess(), safeguards, new dev.recourse.store.safeguard.RecallProgress(dataSource()), events);
    }

    /** The due-process settings the pipeline and the projections use. */
    public Settings processSettings() {
        return settings.process();
    }

    /**
     * The read model: cases, review queues, standing restrictions and transparency rollups, as up to
     * date as the events (they are written in the same transaction).
     */
    public ReadModel readModel() {
        return readModel;
    }

    /** The transparency log this store feeds. */
    public PublicLog log() {
        return log;
    }

    /**
     * The receipt of the event at {@code position} (c2sp.org/tlog-proof@v1): its public entry on
     * the extra line, its inclusion proof, and the last signed checkpoint; empty while no signed
     * checkpoint covers the position yet (see {@link PublicLog#awaitCovered}).
     *
     * @throws IOException if the log's tiles cannot be read or do not prove the entry
     */
    public Optional<Receipt> receipt(long position) throws IOException {
        return integrator.proof(position)
                .map(m -> new Receipt(Optional.of(m.entry()), position, m.proof().path(), m.checkpointNote()));
    }

    /**
     * The private record of the event at {@code position} and its salt: what opens the commitment
     * in its public entry, for the affected person's notice. Empty if there is no such event or its
     * personal data was erased.
     *
     * @throws StoreException if the database fails
     */
    public Optional<PrivateRecord> privateRecord(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a position is at least 0, not " + position);
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(PRIVATE_RECORD)) {
            query.setLong(1, position);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next() || rows.getBytes(2) == null) {
                    return Optional.empty();
                }
                return Optional.of(new PrivateRecord(rows.getBytes(1), rows.getBytes(2)));
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the private record at position " + position + ": " + e.getMessage(), e);
        }
    }

    /**
     * Erasure of personal data. Streams are named by {@link dev.recourse.core.event.StreamId#toString()};
     * an erased event reads back from {@link #events()} without its personal data (see the module's
     * README), and its log entry stays verifiable.
     */
    public Erasure erasure() {
        return new Erasure(database.dataSource(), clock, events::erased);
    }

    /**
     * The database's pooled connections, for the tables the HTTP service keeps beside the events
     * (API keys, idempotency records). Events MUST NOT be written through it: only the sequencer
     * writes them, through {@link #events()}.
     */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** The sequencer's counters, for metrics: writes waiting, transactions, events committed, conflicts. */
    public WriteStats writeStats() {
        Sequencer sequencer = events.sequencer();
        return new WriteStats(sequencer.queued(), sequencer.transactions(), sequencer.failedTransactions(),
                sequencer.committedEvents(), sequencer.conflicts());
    }

    /**
     * Runs {@code work} so that the events it appends on this thread are stored with the answer of {@code write}, in
     * the same transaction: a retry of the write finds its first answer even if this process stops right after the
     * commit (see {@link PostgresEventStore#answering}).
     */
    public <T> T answering(IdempotentWrite write, java.util.function.Supplier<T> work) {
        return events.answering(write, work);
    }

    /**
     * Runs {@code work}, storing the claim of {@code write}'s key and its answer with the events of the append it makes
     * on this thread; empty if the key was held already, and then nothing was stored (see
     * {@link PostgresEventStore#claimingWithEvents}).
     */
    public <T> java.util.Optional<T> claimingWithEvents(IdempotentWrite write, java.util.function.Supplier<T> work) {
        return events.claimingWithEvents(write, work);
    }

    /**
     * Runs {@code work} so that the events it appends on this thread are stored with the rule worker's {@code step},
     * in the same transaction (see {@link PostgresEventStore#stepping}).
     */
    public <T> T stepping(dev.recourse.store.intake.IntakeStep step, java.util.function.Supplier<T> work) {
        return events.stepping(step, work);
    }

    /**
     * Runs {@code work} so that {@code rows} are written with the events it appends on this thread, in the same
     * transaction (see {@link PostgresEventStore#alongside}): kept exactly when the events are.
     */
    public <T> T alongside(dev.recourse.store.events.Alongside rows, java.util.function.Supplier<T> work) {
        return events.alongside(rows, work);
    }

    /** The rule worker's steps on content events. */
    public dev.recourse.store.intake.IntakeSteps intakeSteps() {
        return new dev.recourse.store.intake.IntakeSteps(dataSource());
    }

    /** Whether this process runs the embedded database. */
    public boolean isEmbedded() {
        return database.isEmbedded();
    }

    /**
     * Stops in order: refuses new writes and commits the queued ones, stops the integrator (a
     * restart catches up from the database), closes the pool and stops the embedded database.
     *
     * @throws IOException if the embedded database does not stop cleanly
     */
    @Override
    public void close() throws IOException {
        boolean interrupted = false;
        try {
            try {
                events.close();
            } catch (InterruptedException e) {
                interrupted = true;
            }
            try {
                integrator.close();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        } finally {
            database.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
