package dev.recourse.store.dsa;

import dev.recourse.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Reads the statements of reasons of the decisions taken in a period, in time order, as the DSA Transparency
 * Database's JSON objects (schema v2), for {@link StatementLines} to write: the {@code statement.dsa} member of each
 * decision's public log entry. A public entry holds no personal data by construction (see {@code LogEntry.publicPart}),
 * and its statement is the one the core checked against every rule of the database when the decision was taken; its
 * {@code puid} is the decision's id. A decision to take no action has no statement and is counted, not read.
 *
 * <p>Reading streams: a server-side cursor per part, a fixed number of rows in memory whatever the period holds, and
 * the statement is handed over as a span of the entry's bytes, never parsed or copied.
 */
public final class DsaStatements {
    /** Rows fetched from the cursor at a time. */
    static final int FETCH = 2_000;
    private static final byte[] STATEMENT = "\"statement\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DSA = "\"dsa\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PUID = "\"puid\"".getBytes(StandardCharsets.US_ASCII);

    private static final String DECISIONS = "SELECT e.position, e.public_entry FROM event e WHERE e.type = 'DecisionTaken'"
            + " AND e.occurred_at >= ? AND e.occurred_at < ?";
    private static final String UNSUBMITTED = " AND NOT EXISTS (SELECT 1 FROM dsa_submission s WHERE s.position = e.position"
            + " AND s.status = 'ACCEPTED')";
    private static final String ORDER = " ORDER BY e.occurred_at, e.position";
    private static final String COUNT = "SELECT count(*) FROM event e WHERE e.type = 'DecisionTaken'"
            + " AND e.occurred_at >= ? AND e.occurred_at < ?";
    private static final String KEY_AT = "SELECT e.occurred_at, e.position FROM event e WHERE e.type = 'DecisionTaken'"
            + " AND e.occurred_at >= ? AND e.occurred_at < ?" + " ORDER BY e.occurred_at, e.position OFFSET ? LIMIT 1";
    private static final String PART = "SELECT e.position, e.public_entry FROM event e WHERE e.type = 'DecisionTaken'"
            + " AND (e.occurred_at, e.position) >= (?, ?) AND (e.occurred_at, e.position) < (?, ?) ORDER BY e.occurred_at, e.position";

    private final DataSource dataSource;
    private final Optional<Path> log;

    /** Reads from the database of {@code dataSource}: each decision's row holds its public entry. */
    public DsaStatements(DataSource dataSource) {
        this(dataSource, Optional.empty());
    }

    /**
     * Reads the decisions' positions from the database of {@code dataSource} and, with {@code log}, their public entries
     * from the log's full entry bundles (log index = position), which lie one after the other on disk where the rows
     * lie scattered among the other events; the entries the full bundles do not hold yet come from the database. The
     * statements {@link #read} hands over are the same either way, byte for byte.
     *
     * @param log the directory of the store's log, as it is written (see {@code LedgerSettings#logDirectory})
     */
    public DsaStatements(DataSource dataSource, Optional<Path> log) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.log = Objects.requireNonNull(log);
    }

    /**
     * Days of UTC, both ends included; an open end reaches to the first or the last decision.
     *
     * @param from the first day, if any
     * @param to the last day, if any; not before {@code from}
     */
    public record Period(Optional<LocalDate> from, Optional<LocalDate> to) {
        /** Every day. */
        public static final Period ALL = new Period(Optional.empty(), Optional.empty());

        public Period {
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                throw new IllegalArgumentException("the period runs from " + from.get() + " to a later day, not to " + to.get());
            }
        }

        /** One day. */
        public static Period day(LocalDate day) {
            return new Period(Optional.of(day), Optional.of(day));
        }

        OffsetDateTime start() {
            return from.map(d -> d.atStartOfDay().atOffset(ZoneOffset.UTC)).orElse(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        }

        OffsetDateTime end() {
            return to.map(d -> d.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                    .orElse(OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        }
    }

    /** Takes the statements as they are read. */
    @FunctionalInterface
    public interface Sink {
        /**
         * One statement: the JSON object at {@code entry[start..end)}, valid UTF-8 JSON with no line break in it.
         * {@code entry} belongs to the reader: the sink MUST NOT keep it after returning.
         *
         * @param position the decision's position in the log
         */
        void statement(long position, byte[] entry, int start, int end) throws IOException;
    }

    /**
     * What a read went through.
     *
     * @param statements statements handed to the sink
     * @param withoutStatement decisions to take no action, which have none
     */
    public record Tally(long statements, long withoutStatement) {}

    /**
     * A statement the Transparency Database has not accepted yet.
     *
     * @param position the decision's position in the log
     * @param at when the decision was taken
     * @param puid the statement's puid: the decision's id
     * @param statement the statement, one JSON object in UTF-8
     */
    public record Unsubmitted(long position, Instant at, String puid, byte[] statement) {
        public Unsubmitted {
            statement = statement.clone();
        }

        /** The statement's bytes; the caller MUST NOT change them. */
        @Override
        public byte[] statement() {
            return statement;
        }

        /** Where the next page starts: after this one. */
        public Cursor cursor() {
            return new Cursor(at, position);
        }
    }

    /** Where a page of {@link #unsubmitted} ends: the time and position of its last decision. */
    public record Cursor(Instant at, long position) {}

    /**
     * Up to {@code limit} statements of {@code period} after {@code after}, in time order, that the Transparency
     * Database has not accepted (no {@code ACCEPTED} row in {@code dsa_submission}); refused ones are among them. Pages
     * by the decisions' time and position, so a reader moves on past statements it could not send.
     */
    public List<Unsubmitted> unsubmitted(Period period, Optional<Cursor> after, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("a page holds 1 to 10000 statements, not " + limit);
        }
        List<Unsubmitted> page = new ArrayList<>();
        String sql = DECISIONS.replace("e.public_entry", "e.public_entry, e.occurred_at") + UNSUBMITTED
                + " AND (e.occurred_at, e.position) > (?, ?)" + ORDER + " LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, period.start());
            s.setObject(2, period.end());
            s.setObject(3, after.map(a -> a.at().atOffset(ZoneOffset.UTC)).orElse(period.start()));
            s.setLong(4, after.map(Cursor::position).orElse(-1L));
            s.setInt(5, limit);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    byte[] entry = rows.getBytes(2);
                    long span = locate(entry);
                    if (span >= 0) {
                        byte[] statement = Arrays.copyOfRange(entry, (int) (span >>> 32), (int) span);
                        page.add(new Unsubmitted(rows.getLong(1), rows.getObject(3, OffsetDateTime.class).toInstant(),
                                puid(statement), statement));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the statements not yet submitted", e);
        }
        return page;
    }

    /** The puid of a statement as {@link #locate} finds it. */
    static String puid(byte[] statement) {
        int at = member(statement, 0, PUID);
        if (at < 0 || statement[at] != '"') {
            throw new IllegalArgumentException("a statement without its puid");
        }
        // A puid holds letters, digits, - and _ only (the core checks it): nothing to unescape.
        return new String(statement, at + 1, skipString(statement, at) - at - 2, StandardCharsets.US_ASCII);
    }

    /**
     * Hands every statement of {@code period} to {@code sink}, in time order, from one snapshot of the database.
     *
     * @param total told first how many decisions (with a statement or not) the snapshot holds for the period
     */
    public Tally read(Period period, LongConsumer total, Sink sink) throws IOException {
        return read(period, total, List.of(sink));
    }

    /**
     * Hands every statement of {@code period} to {@code sinks}, read in parts at once over as many connections, all from
     * one snapshot of the database: the period's decisions in time order are cut into {@code sinks.size()} runs of
     * about equal length, and the i-th sink gets the i-th run, in time order, on a thread of its own. Reading in parts
     * lets the database read on several cores; written one after the other, the parts are the whole period in order.
     *
     * @param total told first how many decisions (with a statement or not) the snapshot holds for the period
     * @param sinks one a part, at least one; each is called from one thread only
     */
    public Tally read(Period period, LongConsumer total, List<? extends Sink> sinks) throws IOException {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("at least one part");
        }
        try (Connection lead = dataSource.getConnection()) {
            // A cursor on the server needs a transaction; it only reads. One snapshot for the count and every part's
            // rows, so that decisions taken meanwhile are in none of them.
            begin(lead);
            try {
                String snapshot = single(lead, "SELECT pg_export_snapshot()", s -> { }, row -> row.getString(1));
                long count = single(lead, COUNT, s -> {
                    s.setObject(1, period.start());
                    s.setObject(2, period.end());
                }, row -> row.getLong(1));
                total.accept(count);
                List<Key> bounds = new ArrayList<>();
                bounds.add(new Key(period.start(), -1));
                for (int part = 1; part < sinks.size(); part++) {
                    long offset = count * part / sinks.size();
                    bounds.add(offset >= count ? new Key(period.end(), -1) : key(lead, period, offset));
                }
                bounds.add(new Key(period.end(), -1));
                // Read after the snapshot: whatever the snapshot holds and the full bundles do not comes from the database.
                long logged = log.isPresent() ? LoggedEntries.inFullBundles(log.get()) : 0;
                List<Callable<Tally>> parts = new ArrayList<>();
                for (int part = 0; part < sinks.size(); part++) {
                    Key from = bounds.get(part);
                    Key to = bounds.get(part + 1);
                    Sink sink = sinks.get(part);
                    parts.add(() -> part(snapshot, from, to, logged, sink));
                }
                return all(parts);
            } finally {
                end(lead);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the decisions", e);
        }
    }

    /** A decision's place in time order: when it was taken, then its position. */
    private record Key(OffsetDateTime at, long position) {}

    /** The key of the decision at {@code offset} in the period's time order. */
    private static Key key(Connection c, Period period, long offset) throws SQLException {
        return single(c, KEY_AT, s -> {
            s.setObject(1, period.start());
            s.setObject(2, period.end());
            s.setLong(3, offset);
        }, row -> new Key(row.getObject(1, OffsetDateTime.class), row.getLong(2)));
    }

    /**
     * Reads the statements from {@code from} (included) to {@code to} (excluded) in {@code snapshot}, the entries below
     * {@code logged} from the log if there is one.
     */
    private Tally part(String snapshot, Key from, Key to, long logged, Sink sink) throws SQLException, IOException {
        Optional<LoggedEntries> entries = log.map(l -> new LoggedEntries(l, logged));
        long statements = 0;
        long without = 0;
        try (Connection c = dataSource.getConnection()) {
            begin(c);
            try {
                try (Statement s = c.createStatement()) {
                    // The snapshot's id is what pg_export_snapshot() returned: no input of anyone's reaches it.
                    s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
                }
                try (PreparedStatement s = c.prepareStatement(entries.isPresent() ? PART.replace(", e.public_entry", "") : PART)) {
                    // Binary transfer from the first execution: bytea arrives as bytes, not as hex text to decode.
                    s.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    s.setFetchSize(FETCH);
                    s.setObject(1, from.at());
                    s.setLong(2, from.position());
                    s.setObject(3, to.at());
                    s.setLong(4, to.position());
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            long position = rows.getLong(1);
                            byte[] entry = entries.isPresent() ? entries.get().entry(position, c) : rows.getBytes(2);
                            long span = locate(entry);
                            if (span < 0) {
                                without++;
                            } else {
                                sink.statement(position, entry, (int) (span >>> 32), (int) span);
                                statements++;
                            }
                        }
                    }
                }
            } finally {
                end(c);
            }
        }
        return new Tally(statements, without);
    }

    /** Runs the parts, each on its own thread, and adds up what they read; the first failure fails the read. */
    private static Tally all(List<Callable<Tally>> parts) throws IOException, SQLException {
        if (parts.size() == 1) {
            try {
                return parts.getFirst().call();
            } catch (IOException | SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("dsa-read-", 0).factory())) {
            List<Future<Tally>> running = new ArrayList<>();
            for (Callable<Tally> part : parts) {
                running.add(threads.submit(part));
            }
            long statements = 0;
            long without = 0;
            for (Future<Tally> part : running) {
                Tally tally;
                try {
                    tally = part.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.forEach(f -> f.cancel(true));
                    throw new java.io.InterruptedIOException("interrupted while reading the decisions");
                } catch (ExecutionException e) {
                    running.forEach(f -> f.cancel(true));
                    switch (e.getCause()) {
                        case IOException io -> throw io;
                        case SQLException sql -> throw sql;
                        case RuntimeException runtime -> throw runtime;
                        case Error error -> throw error;
                        default -> throw new IllegalStateException(e.getCause());
                    }
                }
                statements += tally.statements();
                without += tally.withoutStatement();
            }
            return new Tally(statements, without);
        }
    }

    private static void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setReadOnly(true);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    private static void end(Connection c) throws SQLException {
        c.rollback();
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
    }

    /** Sets the parameters of one query. */
    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads a value from the current row of a result set. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The value {@code row} reads from the one row of {@code sql}. */
    private static <T> T single(Connection c, String sql, Parameters parameters, Row<T> row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            parameters.set(s);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no row from " + sql);
                }
                return row.read(rows);
            }
        }
    }

    /**
     * Where the DSA statement lies in a decision's public entry: {@code start << 32 | end} of the value of
     * {@code statement.dsa}, or -1 if the entry has none (a decision to take no action).
     *
     * @throws IllegalArgumentException if the entry is not a JSON object as the log writes them
     */
    public static long locate(byte[] entry) {
        int statement = member(entry, 0, STATEMENT);
        if (statement < 0) {
            return -1;
        }
        int dsa = member(entry, statement, DSA);
        if (dsa < 0) {
            throw new IllegalArgumentException("a statement without its dsa member");
        }
        return (long) dsa << 32 | skipValue(entry, dsa);
    }

    /** The start of the value of member {@code name} of the object at {@code at}, or -1 if it has none. */
    private static int member(byte[] json, int at, byte[] name) {
        int i = expect(json, at, '{');
        if (json[i] == '}') {
            return -1;
        }
        while (true) {
            int keyStart = i;
            int keyEnd = skipString(json, i);
            i = expect(json, keyEnd, ':');
            if (keyEnd - keyStart == name.length && java.util.Arrays.equals(json, keyStart, keyEnd, name, 0, name.length)) {
                return i;
            }
            i = skipValue(json, i);
            if (json[i] == '}') {
                return -1;
            }
            i = expect(json, i, ',');
        }
    }

    private static int expect(byte[] json, int at, char c) {
        if (at >= json.length || json[at] != c) {
            throw new IllegalArgumentException("a public entry is canonical JSON; expected '" + c + "' at byte " + at);
        }
        return at + 1;
    }

    /** The index after the string that starts at {@code at}. */
    private static int skipString(byte[] json, int at) {
        int i = expect(json, at, '"');
        while (i < json.length) {
            byte b = json[i++];
            if (b == '\\') {
                i++;
            } else if (b == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("a public entry ends inside a string");
    }

    /** The index after the value that starts at {@code at}. */
    private static int skipValue(byte[] json, int at) {
        if (at >= json.length) {
            throw new IllegalArgumentException("a public entry ends before a value");
        }
        byte first = json[at];
        if (first == '"') {
            return skipString(json, at);
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            int i = at;
            while (i < json.length) {
                byte b = json[i];
                if (b == '"') {
                    i = skipString(json, i);
                    continue;
                }
                if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            throw new IllegalArgumentException("a public entry ends inside a value");
        }
        int i = at;
        while (i < json.length && json[i] != ',' && json[i] != '}' && json[i] != ']') {
            i++;
        }
        return i;
    }
}
