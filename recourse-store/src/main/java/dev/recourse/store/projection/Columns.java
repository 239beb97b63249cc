package dev.recourse.store.projection;

import dev.recourse.store.database.Queries;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The parameters of a statement that writes whole columns at once ({@code unnest(?::uuid[], ?::text[], ...)}): each
 * call adds one column, as a PostgreSQL array of the values it takes from the rows, in order.
 *
 * <p>Texts, times, dates and numbers go as typed Java arrays ({@code String[]}, {@code Long[]}, {@code Integer[]}),
 * which the driver sends in PostgreSQL's binary array format; from an {@code Object[]} it writes the array's text
 * form, escaping every element, and the server parses it back element by element. UUIDs, for which the driver has no
 * binary array form, still go as text.
 */
public final class Columns {
    private final Connection connection;
    private final List<Array> arrays = new ArrayList<>();
    private int next = 1;

    /** Columns for a statement on {@code connection}. */
    public Columns(Connection connection) {
        this.connection = connection;
    }

    public <R> void uuids(List<R> rows, Function<R, UUID> value) throws SQLException {
        add("uuid", rows, value, new Object[rows.size()]);
    }

    public <R> void texts(List<R> rows, Function<R, String> value) throws SQLException {
        add("text", rows, value, new String[rows.size()]);
    }

    public <R> void ints(List<R> rows, Function<R, Integer> value) throws SQLException {
        add("int4", rows, value, new Integer[rows.size()]);
    }

    /** Bytes ({@code bytea}); the driver writes a {@code byte[][]} as the array's text form. */
    public <R> void bytes(List<R> rows, Function<R, byte[]> value) throws SQLException {
        add("bytea", rows, value, new byte[rows.size()][]);
    }

    public <R> void longs(List<R> rows, Function<R, Long> value) throws SQLException {
        add("int8", rows, value, new Long[rows.size()]);
    }

    /** Times as text, truncated to the microsecond; PostgreSQL reads them as {@code timestamptz}. */
    public <R> void times(List<R> rows, Function<R, Instant> value) throws SQLException {
        texts(rows, row -> {
            Instant at = value.apply(row);
            return at == null ? null : Rows.time(at).toInstant().toString();
        });
    }

    public <R> void dates(List<R> rows, Function<R, LocalDate> value) throws SQLException {
        texts(rows, row -> value.apply(row).toString());
    }

    /** Adds the column of {@code type} that {@code value} takes from {@code rows}, filling {@code column} (as long as {@code rows}). */
    private <R, V> void add(String type, List<R> rows, Function<R, ? extends V> value, V[] column) throws SQLException {
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        arrays.add(connection.createArrayOf(type, column));
    }

    /** Sets the columns as the statement's first parameters, in the order they were added. */
    void set(PreparedStatement statement) throws SQLException {
        for (Array array : arrays) {
            statement.setArray(next++, array);
        }
    }

    /**
     * Runs {@code sql}, whose parameters are exactly the columns, planned for their keys at this execution
     * ({@link Queries#prepareForKeys}): for the statements that change rows found by their keys in tables that grow.
     */
    public void executeForKeys(String sql) throws SQLException {
        try (PreparedStatement statement = Queries.prepareForKeys(connection, sql)) {
            set(statement);
            statement.execute();
        }
    }

    /**
     * Runs {@code sql} as {@link #executeForKeys} does, and gives the rows it returns ({@code RETURNING}), each read by
     * {@code row}.
     */
    public <T> List<T> queryForKeys(String sql, Queries.Row<T> row) throws SQLException {
        try (PreparedStatement statement = Queries.prepareForKeys(connection, sql)) {
            set(statement);
            List<T> found = new ArrayList<>();
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(row.read(rows));
                }
            }
            return found;
        }
    }

    /** The index of the next parameter after the columns. */
    int next() {
        return next++;
    }
}
