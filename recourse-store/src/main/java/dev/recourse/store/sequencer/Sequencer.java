package dev.recourse.store.sequencer;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;

/**
 * The single writer of events (group commit): writers on any number of threads {@link #submit}
 * writes; one sequencer thread takes everything queued, up to a bound, into one transaction.
 *
 * <p>In that transaction it locks the event head (so appends from every node are serialised and
 * become visible in position order), checks each write's expected stream version and the
 * {@link Admission} of each group, inserts the
 * events of the writes that pass at the next positions with one binary {@code COPY}, advances the
 * head, lets the projections see the events, and commits. Only then does it complete each
 * writer's future. A {@link WriteGroup} carries writes to several streams that pass or fail
 * together.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Positions are 0, 1, 2, ... without gaps: they are taken from the head row updated in the
 *       same transaction, so a rolled-back transaction takes none.</li>
 *   <li>A version conflict is a {@link WriteResult.Conflict} for that write (or group) alone: none
 *       of the group's events is stored, and the other writes in the transaction commit. A group
 *       its admission refuses is a conflict too, on the stream the admission names (which the
 *       group may not write): a writer that reads it again and tries again finds what changed.</li>
 *   <li>A failed transaction (a database error, a failing projection) fails the future of every
 *       write in it; none was stored, none is acknowledged, and the sequencer goes on with the
 *       next. If the connection broke while committing, the outcome is unknown to the sequencer
 *       too: the writes fail, and a retry MUST be idempotent.</li>
 *   <li>The queue is bounded: {@link #submit} blocks while it is full.</li>
 * </ul>
 *
 * <p>Futures complete on the sequencer thread: a dependent stage MUST NOT block (use the
 * {@code *Async} methods for slow work).
 */
public final class Sequencer implements AutoCloseable {
    /**
     * Locks the head, then reads the versions of the streams written: two statements in one round trip, the second
     * with a snapshot taken after the first holds the lock, so it sees every event committed before.
     */
    private static final String LOCK_HEAD = "SELECT next_position FROM event_head FOR UPDATE;";
    private static final String STREAM_VERSIONS = "SELECT s.id, (SELECT max(e.stream_version) FROM event e"
            + " WHERE e.stream_id = s.id) FROM unnest(?::text[]) AS s(id)";
    private static final String ADVANCE_HEAD = "UPDATE event_head SET next_position = ?";

    private record Pending(WriteGroup group, CompletableFuture<GroupResult> result) {}

    private static final Pending STOP = new Pending(null, null);

    private final DataSource dataSource;
    private final SequencerSettings settings;
    private final List<Projection> projections;
    private final Admission admission;
    private final LongConsumer committedUpTo;
    private final BlockingQueue<Pending> queue;
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private final Thread thread;
    private boolean closed;
    private volatile Throwable broken;

    private volatile long transactions;
    private volatile long failedTransactions;
    private volatile long committedEvents;
    private volatile long conflicts;

    private Sequencer(DataSource dataSource, SequencerSettings settings, List<Projection> projections,
                      Admission admission, LongConsumer committedUpTo) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.projections = List.copyOf(projections);
        this.admission = admission;
        this.committedUpTo = committedUpTo;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = Thread.ofPlatform().name("recourse-sequencer").unstarted(this::run);
    }

    /**
     * Starts the sequencer thread.
     *
     * @param dataSource the database, migrated
     * @param settings the queue and batch bounds
     * @param projections run in every transaction, in this order
     * @param committedUpTo told the next free position after each commit, on the sequencer thread;
     *     for instance to wake the ledger integrator. It MUST return quickly and not throw.
     */
    public static Sequencer start(DataSource dataSource, SequencerSettings settings, List<Projection> projections,
                                  LongConsumer committedUpTo) {
        return start(dataSource, settings, projections, Admission.ALL, committedUpTo);
    }

    /**
     * Starts the sequencer thread, storing only the groups {@code admission} admits; otherwise as
     * {@link #start(DataSource, SequencerSettings, List, LongConsumer)}.
     */
    public static Sequencer start(DataSource dataSource, SequencerSettings settings, List<Projection> projections,
                                  Admission admission, LongConsumer committedUpTo) {
        Sequencer sequencer = new Sequencer(Objects.requireNonNull(dataSource), Objects.requireNonNull(settings),
                projections, Objects.requireNonNull(admission), Objects.requireNonNull(committedUpTo));
        sequencer.thread.start();
        return sequencer;
    }

    /**
     * Queues {@code write} for the next transaction, waiting while the queue is full.
     *
     * @return completed with the write's result once its transaction committed, or exceptionally
     *     (with the cause) if the transaction failed
     * @throws IllegalStateException if the sequencer is closed
     * @throws InterruptedException if interrupted while waiting for room; the write was not queued
     */
    public CompletableFuture<WriteResult> submit(Write write) throws InterruptedException {
        Objects.requireNonNull(write, "write");
        return submit(WriteGroup.of(write)).thenApply(result -> switch (result) {
            case GroupResult.Committed committed -> committed.writes().getFirst();
            case GroupResult.Conflict conflict -> conflict.conflict();
        });
    }

    /**
     * Queues {@code group} for the next transaction, waiting while the queue is full: its writes
     * are stored together, or none of them if one's expected version does not hold.
     *
     * @return completed with the group's result once its transaction committed, or exceptionally
     *     (with the cause) if the transaction failed
     * @throws IllegalStateException if the sequencer is closed
     * @throws InterruptedException if interrupted while waiting for room; the group was not queued
     */
    public CompletableFuture<GroupResult> submit(WriteGroup group) throws InterruptedException {
        Objects.requireNonNull(group, "group");
        CompletableFuture<GroupResult> result = new CompletableFuture<>();
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the sequencer is closed");
            }
            if (broken != null) {
                throw new IllegalStateException("the sequencer stopped after an error", broken);
            }
            queue.put(new Pending(group, result));
        } finally {
            closing.readLock().unlock();
        }
        return result;
    }

    /** How many writes (or groups) wait for a transaction. */
    public int queued() {
        return queue.size();
    }

    /** How many transactions committed. */
    public long transactions() {
        return transactions;
    }

    /** How many transactions failed, failing their writes. */
    public long failedTransactions() {
        return failedTransactions;
    }

    /** How many events committed. */
    public long committedEvents() {
        return committedEvents;
    }

    /** How many writes (or groups) were refused for a version conflict. */
    public long conflicts() {
        return conflicts;
    }

    /**
     * Refuses new writes, completes the ones already queued, and stops the thread.
     *
     * @throws InterruptedException if interrupted while waiting for the thread
     */
    @Override
    public void close() throws InterruptedException {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.put(STOP);
        } finally {
            closing.writeLock().unlock();
        }
        thread.join();
    }

    private void run() {
        try {
            loop();
        } catch (Throwable t) {
            // An Error (out of memory, say) ends the thread: no writer may wait for it forever.
            broken = t;
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            for (Pending pending : left) {
                if (pending != STOP) {
                    pending.result().completeExceptionally(t);
                }
            }
            throw t;
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(settings.maxWritesPerTransaction());
        boolean stopping = false;
        while (!stopping) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() stops the sequencer: writers wait for their futures.
                continue;
            }
            queue.drainTo(batch, settings.maxWritesPerTransaction() - 1);
            if (batch.getLast() == STOP) {
                batch.removeLast();
                stopping = true;
            }
            if (!batch.isEmpty()) {
                commit(batch);
            }
        }
    }

    /** Runs one transaction for {@code batch}, then completes every write's future. */
    private void commit(List<Pending> batch) {
        List<GroupResult> results = new ArrayList<>(batch.size());
        long head;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                head = transaction(connection, batch, results);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException | RuntimeException | Error e) {
            failedTransactions++;
            for (Pending pending : batch) {
                pending.result().completeExceptionally(e);
            }
            if (e instanceof Error error) {
                throw error;
            }
            return;
        }
        transactions++;
        long events = 0;
        for (int i = 0; i < batch.size(); i++) {
            GroupResult result = results.get(i);
            switch (result) {
                case GroupResult.Committed committed -> {
                    for (WriteResult.Committed write : committed.writes()) {
                        events += write.positions().count();
                    }
                }
                case GroupResult.Conflict conflict -> conflicts++;
            }
            batch.get(i).result().complete(result);
        }
        committedEvents += events;
        committedUpTo.accept(head);
    }

    /** The transaction's statements; adds one result per group and returns the new head. */
    private long transaction(Connection connection, List<Pending> batch, List<GroupResult> results) throws SQLException {
        Start start = lockHead(connection, batch);
        long head = start.head();
        Map<String, Long> versions = start.versions();
        List<RecordedEvent> recorded = new ArrayList<>(batch.size() * 3);
        long next = head;
        List<WriteGroup> groups = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            groups.add(pending.group());
        }
        admission.checking(connection, groups);
        for (Pending pending : batch) {
            WriteGroup group = pending.group();
            Optional<WriteResult.Conflict> conflict = conflict(group, versions);
            if (conflict.isEmpty()) {
                Optional<String> refused = admission.refuses(connection, group);
                if (refused.isPresent()) {
                    conflict = Optional.of(new WriteResult.Conflict(refused.get(), ExpectedVersion.ANY, WriteResult.Conflict.UNKNOWN));
                }
            }
            if (conflict.isPresent()) {
                results.add(new GroupResult.Conflict(conflict.get()));
                continue;
            }
            List<WriteResult.Committed> committed = new ArrayList<>(group.writes().size());
            for (Write write : group.writes()) {
                long first = next;
                long version = versions.get(write.streamId());
                for (NewEvent event : write.events()) {
                    recorded.add(new RecordedEvent(next++, write.streamId(), ++version, event));
                }
                versions.put(write.streamId(), version);
                committed.add(new WriteResult.Committed(write.streamId(), new PositionRange(first, write.events().size()), version));
            }
            results.add(new GroupResult.Committed(committed));
        }
        admission.checked(connection, groups, results);
        if (recorded.isEmpty()) {
            return head;
        }
        EventCopy.insert(connection, recorded);
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE_HEAD)) {
            advance.setLong(1, next);
            advance.executeUpdate();
        }
        List<RecordedEvent> seen = List.copyOf(recorded);
        for (Projection projection : projections) {
            projection.apply(connection, seen);
        }
        return next;
    }

    /** The first write of {@code group} whose stream is not at the expected version, if any. */
    private static Optional<WriteResult.Conflict> conflict(WriteGroup group, Map<String, Long> versions) {
        for (Write write : group.writes()) {
            long current = versions.get(write.streamId());
            if (!write.expected().admits(current)) {
                return Optional.of(new WriteResult.Conflict(write.streamId(), write.expected(), current));
            }
        }
        return Optional.empty();
    }

    /** The head and the stream versions the transaction starts from. */
    private record Start(long head, Map<String, Long> versions) {}

    /** Locks the head and reads the current version of every stream the batch writes, 0 for a new stream. */
    private static Start lockHead(Connection connection, List<Pending> batch) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        for (Pending pending : batch) {
            for (Write write : pending.group().writes()) {
                ids.add(write.streamId());
            }
        }
        Map<String, Long> versions = HashMap.newHashMap(ids.size());
        long head;
        try (PreparedStatement query = connection.prepareStatement(LOCK_HEAD + STREAM_VERSIONS)) {
            Array array = connection.createArrayOf("text", ids.toArray(String[]::new));
            query.setArray(1, array);
            query.execute();
            try (ResultSet rows = query.getResultSet()) {
                if (!rows.next()) {
                    throw new SQLException("the event head row is missing: the schema is not migrated");
                }
                head = rows.getLong(1);
            }
            if (!query.getMoreResults()) {
                throw new SQLException("the stream versions did not come back with the head");
            }
            try (ResultSet rows = query.getResultSet()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
            array.free();
        }
        if (versions.size() != ids.size()) {
            throw new SQLException("asked the versions of " + ids.size() + " streams, got " + versions.size());
        }
        return new Start(head, versions);
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
