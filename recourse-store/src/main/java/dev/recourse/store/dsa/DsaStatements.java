package dev.recourse.store.dsa;

import dev.recourse.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Reads the statements of reasons of the decisions taken in a period, in time order, as the DSA Transparency
 * Database's JSON objects (schema v2): the {@code statement.dsa} member of each decision's public log entry. A public
 * entry holds no personal data by construction (see {@code LogEntry.publicPart}), and its statement is the one the
 * core checked against every rule of the database when the decision was taken; its {@code puid} is the decision's id.
 * A decision to take no action has no statement and is counted, not read.
 *
 * <p>Reading streams: one server-side cursor, a fixed number of rows in memory whatever the period holds, and the
 * statement is handed over as a span of the entry's bytes, never parsed or copied.
 */
public final class DsaStatements {
    /** Rows fetched from the cursor at a time. */
    static final int FETCH = 2_000;
    private static final byte[] STATEMENT = "\"statement\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DSA = "\"dsa\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final String DECISIONS = "SELECT e.position, e.public_entry FROM event e WHERE e.type = 'DecisionTaken'"
            + " AND e.occurred_at >= ? AND e.occurred_at < ?";
    private static final String UNSUBMITTED = " AND NOT EXISTS (SELECT 1 FROM dsa_submission s WHERE s.position = e.position"
            + " AND s.status = 'ACCEPTED')";
    private static final String ORDER = " ORDER BY e.occurred_at, e.position";
    private static final String COUNT = "SELECT count(*) FROM event e WHERE e.type = 'DecisionTaken'"
            + " AND e.occurred_at >= ? AND e.occurred_at < ?";

    private final DataSource dataSource;

    /** Reads from the database of {@code dataSource}. */
    public DsaStatements(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource);
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
     * Hands every statement of {@code period} to {@code sink}, in time order, from one snapshot of the database.
     *
     * @param total told first how many decisions (with a statement or not) the snapshot holds for the period
     */
    public Tally read(Period period, LongConsumer total, Sink sink) throws IOException {
        return read(period, false, total, sink);
    }

    /**
     * Hands every statement of {@code period} that the Transparency Database has not yet accepted (no
     * {@code ACCEPTED} row in {@code dsa_submission}) to {@code sink}, in time order.
     */
    public Tally readUnsubmitted(Period period, Sink sink) throws IOException {
        return read(period, true, n -> { }, sink);
    }

    private Tally read(Period period, boolean unsubmitted, LongConsumer total, Sink sink) throws IOException {
        long statements = 0;
        long without = 0;
        try (Connection c = dataSource.getConnection()) {
            // A cursor on the server needs a transaction; it only reads.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            // One snapshot for the count and the rows, so that decisions taken meanwhile are in neither.
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement count = c.prepareStatement(COUNT + (unsubmitted ? UNSUBMITTED : ""))) {
                count.setObject(1, period.start());
                count.setObject(2, period.end());
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total.accept(rows.getLong(1));
                }
            }
            try (PreparedStatement s = c.prepareStatement(DECISIONS + (unsubmitted ? UNSUBMITTED : "") + ORDER)) {
                // Binary transfer from the first execution: bytea arrives as bytes, not as hex text to decode.
                s.unwrap(PGStatement.class).setPrepareThreshold(-1);
                s.setFetchSize(FETCH);
                s.setObject(1, period.start());
                s.setObject(2, period.end());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        byte[] entry = rows.getBytes(2);
                        long span = locate(entry);
                        if (span < 0) {
                            without++;
                        } else {
                            sink.statement(rows.getLong(1), entry, (int) (span >>> 32), (int) span);
                            statements++;
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the decisions", e);
        }
        return new Tally(statements, without);
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
