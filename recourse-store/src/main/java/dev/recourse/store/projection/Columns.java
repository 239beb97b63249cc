package dev.recourse.store.projection;

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
 */
final class Columns {
    private final Connection connection;
    private final List<Array> arrays = new ArrayList<>();
    private int next = 1;

    Columns(Connection connection) {
        this.connection = connection;
    }

    <R> void uuids(List<R> rows, Function<R, UUID> value) throws SQLException {
        add("uuid", rows, value);
    }

    <R> void texts(List<R> rows, Function<R, String> value) throws SQLException {
        add("text", rows, value);
    }

    <R> void ints(List<R> rows, Function<R, Integer> value) throws SQLException {
        add("int4", rows, value);
    }

    <R> void longs(List<R> rows, Function<R, Long> value) throws SQLException {
        add("int8", rows, value);
    }

    /** Times as text, truncated to the microsecond; PostgreSQL reads them as {@code timestamptz}. */
    <R> void times(List<R> rows, Function<R, Instant> value) throws SQLException {
        add("text", rows, row -> {
            Instant at = value.apply(row);
            return at == null ? null : Rows.time(at).toInstant().toString();
        });
    }

    <R> void dates(List<R> rows, Function<R, LocalDate> value) throws SQLException {
        add("text", rows, row -> value.apply(row).toString());
    }

    private <R> void add(String type, List<R> rows, Function<R, ?> value) throws SQLException {
        Object[] column = new Object[rows.size()];
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

    /** The index of the next parameter after the columns. */
    int next() {
        return next++;
    }
}
