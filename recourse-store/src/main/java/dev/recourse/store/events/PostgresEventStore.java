package dev.recourse.store.events;

import dev.recourse.core.Validation;
import dev.recourse.core.entry.EventCodec;
import dev.recourse.core.entry.LogEntry;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.port.EventStore;
import dev.recourse.store.StoreException;
import dev.recourse.store.idempotency.AnswerProjection;
import dev.recourse.store.idempotency.IdempotentWrite;
import dev.recourse.store.idempotency.KeyClaims;
import dev.recourse.store.intake.IntakeStep;
import dev.recourse.store.intake.IntakeSteps;
import dev.recourse.store.sequencer.Admission;
import dev.recourse.store.sequencer.ExpectedVersion;
import dev.recourse.store.sequencer.GroupResult;
import dev.recourse.store.sequencer.NewEvent;
import dev.recourse.store.sequencer.PrivateRecord;
import dev.recourse.store.sequencer.Projection;
import dev.recourse.store.sequencer.Sequencer;
import dev.recourse.store.sequencer.SequencerSettings;
import dev.recourse.store.sequencer.Write;
import dev.recourse.store.sequencer.WriteGroup;
import dev.recourse.store.sequencer.WriteResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The core's {@link EventStore} on PostgreSQL: appends go through the {@link Sequencer} (one group
 * commit for many callers, gapless positions that are the events' indexes in the log), reads come
 * from the {@code event} table.
 *
 * <p>Each event is stored as its {@link LogEntry}: the public entry for the log, the private record
 * ({@link EventCodec}'s bytes of the whole event) with its salt, and as payload the event without
 * its personal data ({@link Redaction}), or nothing if the event has no personal data (erasure then
 * keeps the private record as the payload). A read gives back the whole event from the private
 * record, or, once erasure deleted it, the event without its personal data from the payload: the
 * same event with contacts left out and people's texts reading {@value Redaction#ERASED}.
 *
 * <p>A stream is stored under its {@link StreamId#toString()}, {@code KIND/key}.
 *
 * <p>It owns its sequencer, whose projections see the core's events ({@link EventProjection}):
 * those this store appends are handed over as they were appended, without decoding them again.
 *
 * <p>Thread-safe. The methods throw {@link StoreException} when the database fails; an append
 * that throws was not acknowledged.
 */
public final class PostgresEventStore implements EventStore, AutoCloseable {
    private static final String READ_ALL = "SELECT position, stream_version, private_record, payload, stream_id FROM event"
            + " WHERE position >= ? ORDER BY position LIMIT ?";
    /**
     * {@link #READ_ALL} that fetches the records of the wanted types only: every event of the run still comes back,
     * so that the reader knows how far it looked, but the others without their records, which it never decodes.
     */
    private static final String READ_SELECTED = "SELECT position, stream_version,"
            + " CASE WHEN wanted THEN private_record END, CASE WHEN wanted THEN payload END, stream_id, wanted"
            + " FROM (SELECT position, stream_version, private_record, payload, stream_id, type = ANY (?) AS wanted FROM event"
            + " WHERE position >= ? ORDER BY position LIMIT ?) run";

    /** The payload of an event with no personal data: its private record is also its payload. */
    private static final byte[] NOTHING_TO_ERASE = new byte[0];

    /** How many streams the cache keeps. */
    private static final int CACHED_STREAMS = 16_384;
    /** How many threads read streams. */
    private static final int READERS = 3;

    private final DataSource dataSource;
    private final RandomGenerator random;
    private final StreamCache cache = new StreamCache(CACHED_STREAMS);
    private final StreamReads reads;
    /** The idempotent write the current thread's appends answer, while {@link #answering} runs. */
    private final ThreadLocal<IdempotentWrite> answering = new ThreadLocal<>();
    /** The rule worker's step the current thread's appends carry out, while {@link #stepping} runs. */
    private final ThreadLocal<IntakeStep> stepping = new ThreadLocal<>();
    /** The rows the current thread's appends keep beside them, while {@link #alongside} runs. */
    private final ThreadLocal<Alongside> alongside = new ThreadLocal<>();
    private Sequencer sequencer;

    private PostgresEventStore(DataSource dataSource, RandomGenerator random) {
        this.dataSource = dataSource;
        this.random = random;
        this.reads = new StreamReads(dataSource, READERS);
    }

    /**
     * Starts the sequencer and the event store that writes through it.
     *
     * @param dataSource the database, migrated
     * @param settings the sequencer's bounds
     * @param projections kept in every transaction, in this order
     * @param committedUpTo told the next free position after each commit (see {@link Sequencer#start})
     * @param random draws the salts of the events' commitments: a {@link java.security.SecureRandom}
     *     in production, since a guessable salt lets anyone test guesses of a private record
     */
    public static PostgresEventStore start(DataSource dataSource, SequencerSettings settings, List<EventProjection> projections,
                                           LongConsumer committedUpTo, RandomGenerator random) {
        return start(dataSource, settings, projections, (connection, events) -> Optional.empty(), committedUpTo, random);
    }

    /**
     * Starts the sequencer and the event store that writes through it, storing an append only if {@code admission}
     * admits its events inside the transaction; an append it refuses is a conflict, which the core tries again.
     * Otherwise as {@link #start(DataSource, SequencerSettings, List, LongConsumer, RandomGenerator)}.
     */
    public static PostgresEventStore start(DataSource dataSource, SequencerSettings settings, List<EventProjection> projections,
                                           EventAdmission admission, LongConsumer committedUpTo, RandomGenerator random) {
        PostgresEventStore store = new PostgresEventStore(dataSource, random);
        store.sequencer = Sequencer.start(dataSource, settings, List.of(store.projection(List.copyOf(projections))),
                store.admission(admission), committedUpTo);
        return store;
    }

    /**
     * {@code admission} as the sequencer checks it: on the core's events of the group, appended here; first, the keys
     * of the writes that claim them with their events are claimed, all of a transaction's at once, and a group whose
     * key is held already is refused (and never retried by the core: see {@link #claimingWithEvents}).
     */
    private Admission admission(EventAdmission admission) {
        return new Admission() {
            /** The groups of the transaction whose key it claimed, and those refused for a key held, by first event. */
            private final Map<NewEvent, IdempotentWrite> claimed = new HashMap<>();
            private final Set<NewEvent> refused = new HashSet<>();

            @Override
            public void checking(Connection connection, List<WriteGroup> groups) throws SQLException {
                claimed.clear();
                refused.clear();
                Map<NewEvent, IdempotentWrite> claiming = new HashMap<>();
                Set<List<Object>> keys = new HashSet<>();
                for (WriteGroup group : groups) {
                    Marks m = origin(first(group)).map(Origin::marks).orElse(null);
                    if (m == null || m.write() == null || !(m.write().claim() instanceof IdempotentWrite.KeyClaim.WithEvents)) {
                        continue;
                    }
                    // Of two duplicates in one transaction, the first claims the key.
                    if (keys.add(List.of(m.write().apiKey(), m.write().key()))) {
                        claiming.put(first(group), m.write());
                    } else {
                        refused.add(first(group));
                    }
                }
                if (claiming.isEmpty()) {
                    return;
                }
                Set<IdempotentWrite> got = KeyClaims.claim(connection, List.copyOf(claiming.values()));
                claiming.forEach((event, write) -> {
                    if (got.contains(write)) {
                        claimed.put(event, write);
                    } else {
                        refused.add(event);
                    }
                });
            }

            @Override
            public Optional<String> refuses(Connection connection, WriteGroup group) throws SQLException {
                if (refused.contains(first(group))) {
                    origin(first(group)).map(Origin::marks).orElseThrow().keyHeld().set(true);
                    return Optional.of(group.writes().getFirst().streamId());
                }
                List<Event> events = new ArrayList<>();
                for (Write write : group.writes()) {
                    for (NewEvent form : write.events()) {
                        events.add(origin(form).orElseThrow(() -> new IllegalStateException("an event appended here carries its origin"))
                                .event());
                    }
                }
                return admission.refuses(connection, events).map(StreamId::toString);
            }

            @Override
            public void checked(Connection connection, List<WriteGroup> groups, List<GroupResult> results) throws SQLException {
                if (claimed.isEmpty()) {
                    return;
                }
                List<IdempotentWrite> notStored = new ArrayList<>();
                for (int i = 0; i < groups.size(); i++) {
                    IdempotentWrite write = claimed.get(first(groups.get(i)));
                    if (write != null && results.get(i) instanceof GroupResult.Conflict) {
                        notStored.add(write);
                    }
                }
                KeyClaims.unclaim(connection, notStored);
            }
        };
    }

    /** Whether the append of {@code writes} was refused because its write's key was held already. */
    private static boolean keyHeld(List<Write> writes) {
        Marks marks = origin(writes.getFirst().events().getFirst()).map(Origin::marks).orElse(null);
        return marks != null && marks.keyHeld().get();
    }

    /** The first event of {@code group}, by which what is stored with it is found. */
    private static NewEvent first(WriteGroup group) {
        return group.writes().getFirst().events().getFirst();
    }

    /** The sequencer's counts: transactions, events committed, conflicts. */
    public Sequencer sequencer() {
        return sequencer;
    }

    /**
     * Refuses new appends, commits the ones already queued, and stops the sequencer.
     *
     * @throws InterruptedException if interrupted while waiting for the sequencer
     */
    @Override
    public void close() throws InterruptedException {
        try {
            sequencer.close();
        } finally {
            reads.close();
        }
    }

    /**
     * Tells the store that events' personal data was erased: events read before, and kept to spare a read, would no
     * longer read back the same. For {@link dev.recourse.store.erasure.Erasure}'s listener.
     */
    public void erased() {
        cache.clear();
    }

    /**
     * Runs {@code work}, storing the answer of {@code write} with the events of every append {@code work} makes on
     * this thread, in the same transaction: an append that is acknowledged has its answer stored, and an append that
     * is not stored has none. A command the core carries out makes at most one append that is stored.
     */
    public <T> T answering(IdempotentWrite write, Supplier<T> work) {
        if (!(write.claim() instanceof IdempotentWrite.KeyClaim.Before)) {
            throw new IllegalArgumentException("a write that claims its key with its events is carried out by claimingWithEvents");
        }
        return marking(answering, write, "answers an idempotent write", work);
    }

    /**
     * Runs {@code work} as {@link #answering} does, for a write that claims its key with its events
     * ({@link IdempotentWrite.KeyClaim.WithEvents}): the key is claimed, and the answer stored, in the transaction of the
     * events of the append {@code work} makes on this thread. If the key is held already when that transaction checks
     * it (a duplicate committed first, or the request was answered before), the append is refused, none of its events
     * stored, {@code work} is stopped and this returns empty: the write did not act, and the answer to give is the one
     * kept under the key (or none yet). An append not stored for any other reason leaves the key unclaimed.
     */
    public <T> Optional<T> claimingWithEvents(IdempotentWrite write, Supplier<T> work) {
        if (!(write.claim() instanceof IdempotentWrite.KeyClaim.WithEvents)) {
            throw new IllegalArgumentException("a write whose key was claimed before is carried out by answering");
        }
        try {
            return Optional.of(marking(answering, write, "answers an idempotent write", work));
        } catch (KeyHeld held) {
            return Optional.empty();
        }
    }

    /**
     * An append refused because the key its write claims with its events is held: stops the work of
     * {@link #claimingWithEvents} through the core, which MUST NOT catch it. Without a stack trace: it is an answer.
     */
    private static final class KeyHeld extends RuntimeException {
        KeyHeld() {
            super("the append's Idempotency-Key is held by another request", null, false, false);
        }
    }

    /**
     * Runs {@code work}, storing {@code step} with the events of every append {@code work} makes on this thread, in
     * the same transaction: the step is done exactly when its events are stored.
     */
    public <T> T stepping(IntakeStep step, Supplier<T> work) {
        return marking(stepping, step, "carries out a rule worker's step", work);
    }

    /**
     * Runs {@code work}, writing {@code rows} with the events of every append {@code work} makes on this thread, in the
     * same transaction: the rows are stored exactly when their events are.
     */
    public <T> T alongside(Alongside rows, Supplier<T> work) {
        return marking(alongside, rows, "keeps rows beside its appends", work);
    }

    /** Runs {@code work} with {@code mark} in this thread's {@code local}, which MUST be empty until then. */
    private static <M, T> T marking(ThreadLocal<M> local, M mark, String what, Supplier<T> work) {
        Objects.requireNonNull(mark, "mark");
        if (local.get() != null) {
            throw new IllegalStateException("this thread already " + what);
        }
        local.set(mark);
        try {
            return work.get();
        } finally {
            local.remove();
        }
    }

    @Override
    public Appended append(List<StreamAppend> appends) {
        if (appends.isEmpty()) {
            return new Appended.Stored(List.of());
        }
        IdempotentWrite write = answering.get();
        IntakeStep step = stepping.get();
        Alongside rows = alongside.get();
        Marks marks = null;
        if (write != null || step != null || rows != null) {
            marks = new Marks(write, step, rows, appends.stream().mapToInt(a -> a.events().size()).sum(), new AtomicBoolean());
        }
        List<Write> writes = new ArrayList<>(appends.size());
        for (StreamAppend append : appends) {
            List<NewEvent> events = new ArrayList<>(append.events().size());
            for (Event event : append.events()) {
                // The append's marks go with its first event, in the batch's order.
                events.add(stored(event, random, marks));
                marks = null;
            }
            writes.add(new Write(append.stream().toString(), ExpectedVersion.exactly(append.expectedVersion()), events));
        }
        // Until its outcome is taken in, the cache does not serve the streams: the commit comes first (see StreamCache).
        for (Write w : writes) {
            cache.appending(w.streamId());
        }
        try {
            return appended(appends, writes);
        } finally {
            for (Write w : writes) {
                cache.settled(w.streamId());
            }
        }
    }

    private Appended appended(List<StreamAppend> appends, List<Write> writes) {
        GroupResult result;
        try {
            result = sequencer.submit(new WriteGroup(writes)).get();
        } catch (InterruptedException e) {
            // Still queued, perhaps: its events carry their origin and marks, so a later commit stores them alike.
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while appending; the append may or may not be stored", e);
        } catch (ExecutionException e) {
            throw new StoreException("the append failed: " + e.getCause().getMessage(), e.getCause());
        }
        return switch (result) {
            case GroupResult.Committed committed -> {
                List<RecordedEvent> recorded = recorded(appends, committed);
                int from = 0;
                for (StreamAppend append : appends) {
                    int to = from + append.events().size();
                    cache.appended(append.stream().toString(), append.expectedVersion(), recorded.subList(from, to));
                    from = to;
                }
                yield new Appended.Stored(recorded);
            }
            case GroupResult.Conflict conflict -> {
                if (keyHeld(writes)) {
                    throw new KeyHeld();
                }
                WriteResult.Conflict c = conflict.conflict();
                cache.forget(c.streamId());
                // A stream the append does not write when the admission refused it: read again, it was stale.
                Optional<StreamAppend> append = appends.stream().filter(a -> a.stream().toString().equals(c.streamId())).findFirst();
                yield append.map(a -> new Appended.Conflict(a.stream(), a.expectedVersion(), c.actualVersion()))
                        .orElseGet(() -> new Appended.Conflict(streamId(c.streamId()), -1, c.actualVersion()));
            }
        };
    }

    /**
     * {@inheritDoc}
     *
     * <p>From the cache if this process read or wrote the stream lately (see {@link StreamCache}), otherwise from
     * the database, in one query with other streams read at the same time.
     */
    @Override
    public List<RecordedEvent> read(StreamId stream) {
        String name = stream.toString();
        Optional<List<RecordedEvent>> cached = cache.get(name);
        if (cached.isPresent()) {
            return cached.get();
        }
        long epoch = cache.epoch();
        List<StreamReads.Row> rows;
        try {
            rows = reads.read(name).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading stream " + stream, e);
        } catch (ExecutionException e) {
            throw new StoreException("could not read stream " + stream + ": " + e.getCause().getMessage(), e.getCause());
        }
        List<RecordedEvent> events = new ArrayList<>(rows.size());
        for (StreamReads.Row row : rows) {
            events.add(new RecordedEvent(row.position(), stream, row.version(),
                    decode(row.form(), row.position(), row.erased() ? "payload" : "private record")));
        }
        cache.read(name, events, epoch);
        return List.copyOf(events);
    }

    @Override
    public List<RecordedEvent> readAll(long from, int limit) {
        if (from < 0 || limit < 0) {
            throw new IllegalArgumentException("from and limit are at least 0");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(READ_ALL)) {
            query.setLong(1, from);
            query.setInt(2, limit);
            List<RecordedEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new RecordedEvent(rows.getLong(1), streamId(rows.getString(5)), rows.getLong(2), event(rows)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreException("could not read events from position " + from + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>In one query, so the run is one snapshot of the table: the events of other types come back without their
     * records, and are never decoded.
     */
    @Override
    public Selected readAll(long from, int limit, Set<Class<? extends Event>> types) {
        if (from < 0 || limit < 0) {
            throw new IllegalArgumentException("from and limit are at least 0");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(READ_SELECTED)) {
            // An event's type column is its record's simple name (EventCodec.type).
            query.setArray(1, connection.createArrayOf("text", types.stream().map(Class::getSimpleName).toArray()));
            query.setLong(2, from);
            query.setInt(3, limit);
            List<RecordedEvent> events = new ArrayList<>();
            long next = from;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    next = rows.getLong(1) + 1;
                    if (rows.getBoolean(6)) {
                        events.add(new RecordedEvent(rows.getLong(1), streamId(rows.getString(5)), rows.getLong(2), event(rows)));
                    }
                }
            }
            return new Selected(events, next);
        } catch (SQLException e) {
            throw new StoreException("could not read events from position " + from + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code event} as the store keeps it: sealed into its log entry with a salt from {@code random},
     * with the event without its personal data as payload.
     */
    static NewEvent stored(Event event, RandomGenerator random) {
        return stored(event, random, null);
    }

    /** {@link #stored(Event, RandomGenerator)}, carrying {@code event} and {@code marks} (null if none) as its origin. */
    private static NewEvent stored(Event event, RandomGenerator random, Marks marks) {
        LogEntry entry = LogEntry.seal(event, random);
        Event redacted = Redaction.of(event);
        byte[] payload = redacted == event ? NOTHING_TO_ERASE : EventCodec.encode(redacted);
        return new NewEvent(EventCodec.type(event), event.at(), payload, entry.publicEntry(),
                Optional.of(new PrivateRecord(entry.salt(), entry.privateRecord())), Optional.of(new Origin(event, marks)));
    }

    /**
     * What an event appended here carries through the sequencer: the core's event, and on the first event of an append
     * that stores something beside it, what it stores (otherwise null).
     */
    private record Origin(Event event, Marks marks) {}

    /** The origin of {@code form}, if this store appended it. */
    private static Optional<Origin> origin(NewEvent form) {
        return form.origin().filter(Origin.class::isInstance).map(Origin.class::cast);
    }

    /**
     * The store's one projection as the sequencer runs it: the core's events of the batch, taken once from the appends
     * waiting for it (decoded only if not appended here), go to each of {@code projections} in order; then the answers,
     * steps and rows kept beside the batch's appends are stored.
     */
    private Projection projection(List<EventProjection> projections) {
        return (connection, batch) -> {
            List<RecordedEvent> events = events(batch);
            for (EventProjection projection : projections) {
                projection.apply(connection, events);
            }
            marked(connection, batch, events);
        };
    }

    /** The core's events of {@code batch}, as they were appended here or else decoded from their written form. */
    private List<RecordedEvent> events(List<dev.recourse.store.sequencer.RecordedEvent> batch) {
        RecordedEvent[] events = new RecordedEvent[batch.size()];
        String stream = null;
        StreamId id = null;
        for (int i = 0; i < events.length; i++) {
            dev.recourse.store.sequencer.RecordedEvent r = batch.get(i);
            Event event = origin(r.event()).map(Origin::event).orElse(null);
            if (event == null) {
                byte[] form = r.event().privateRecord().map(PrivateRecord::content).orElse(r.event().payload());
                event = decode(form, r.position(), "written form");
            }
            if (!r.streamId().equals(stream)) {
                stream = r.streamId();
                id = streamId(stream);
            }
            events[i] = new RecordedEvent(r.position(), id, r.streamVersion(), event);
        }
        return List.of(events);
    }

    /**
     * What one append stores with its events: the answer of an idempotent write, a step of the rule worker, rows kept
     * beside (each null if not), and how many events the append holds; and whether its write's key was found held,
     * which the sequencer's thread sets before it completes the append and the appending thread reads after.
     */
    private record Marks(IdempotentWrite write, IntakeStep step, Alongside rows, int events, AtomicBoolean keyHeld) {}

    /**
     * Stores, in the batch's transaction, the answers of the idempotent writes among {@code batch}, then the rule
     * worker's steps, then writes the rows kept beside its appends; {@code events} are the core's events of the batch.
     */
    private void marked(Connection connection, List<dev.recourse.store.sequencer.RecordedEvent> batch,
                        List<RecordedEvent> events) throws SQLException {
        List<AnswerProjection.Answered> answers = new ArrayList<>();
        List<IntakeSteps.Done> done = new ArrayList<>();
        // Written after the answers and steps, each with its append's events.
        record Beside(Alongside rows, List<RecordedEvent> events) {}
        List<Beside> beside = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Marks m = origin(batch.get(i).event()).map(Origin::marks).orElse(null);
            if (m == null) {
                continue;
            }
            List<RecordedEvent> appended = events.subList(i, i + m.events());
            if (m.write() != null) {
                answers.add(new AnswerProjection.Answered(m.write(), m.write().answer().apply(appended),
                        appended.getFirst().event().at()));
            }
            if (m.step() != null) {
                done.add(new IntakeSteps.Done(m.step(), appended));
            }
            if (m.rows() != null) {
                beside.add(new Beside(m.rows(), appended));
            }
            i += m.events() - 1;
        }
        AnswerProjection.store(connection, answers);
        IntakeSteps.store(connection, done);
        for (Beside b : beside) {
            b.rows().write(connection, b.events());
        }
    }

    /** What of {@code event} survives erasure: its payload, or its private record if the payload is empty. */
    static byte[] erasedForm(NewEvent event) {
        return event.payload().length > 0 ? event.payload() : event.privateRecord().orElseThrow().content();
    }

    /** The stream named {@code name}, as {@link StreamId#toString()} wrote it. */
    static StreamId streamId(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            throw new IllegalStateException("a stored stream id is KIND/key, not " + name);
        }
        return new StreamId(StreamId.Kind.valueOf(name.substring(0, slash)), name.substring(slash + 1));
    }

    /** The event of the current row: from its private record, or from its payload once erased. */
    private static Event event(ResultSet row) throws SQLException {
        byte[] record = row.getBytes(3);
        return record != null ? decode(record, row.getLong(1), "private record") : decode(row.getBytes(4), row.getLong(1), "payload");
    }

    private static Event decode(byte[] form, long position, String what) {
        return switch (EventCodec.decode(form)) {
            case Validation.Valid<Event> valid -> valid.value();
            case Validation.Invalid<Event> invalid -> throw new IllegalStateException("the event at position " + position
                    + " does not decode from its " + what + ": " + invalid.errors());
        };
    }

    private static List<RecordedEvent> recorded(List<StreamAppend> appends, GroupResult.Committed committed) {
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            StreamAppend append = appends.get(i);
            WriteResult.Committed write = committed.writes().get(i);
            long firstVersion = write.streamVersion() - write.positions().count() + 1;
            for (int j = 0; j < append.events().size(); j++) {
                recorded.add(new RecordedEvent(write.positions().first() + j, append.stream(), firstVersion + j, append.events().get(j)));
            }
        }
        return recorded;
    }
}
