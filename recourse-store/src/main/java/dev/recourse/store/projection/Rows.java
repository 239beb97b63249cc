package dev.recourse.store.projection;

import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;

import dev.recourse.store.database.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Columns of the read model's tables, both ways. Times are truncated to the microsecond, as PostgreSQL keeps them and
 * as the event table does (PostgreSQL itself would round).
 */
final class Rows {
    private Rows() {}

    static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static Optional<UUID> uuid(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, UUID.class));
    }

    /** The subject in columns {@code column} (its kind) and {@code column + 1} (its platform id). */
    static SubjectRef subject(ResultSet rows, int column) throws SQLException {
        return new SubjectRef(SubjectKind.valueOf(rows.getString(column)), rows.getString(column + 1));
    }

    /** Sets parameters {@code index} (the kind) and {@code index + 1} (the platform id) to {@code subject}. */
    static void setSubject(PreparedStatement statement, int index, SubjectRef subject) throws SQLException {
        statement.setString(index, subject.kind().name());
        statement.setString(index + 1, subject.platformId());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Takes one row. */
    @FunctionalInterface
    interface Each {
        void take(ResultSet rows) throws SQLException;
    }

    /**
     * Runs {@code sql}, two queries separated by {@code ;} that take one array of UUIDs each ({@code first} and
     * {@code second}), in one round trip, and hands each row of the first query's answer to {@code firstRows} and of
     * the second's to {@code secondRows}.
     *
     * @param what what loads, for the exception's message: "the read model"
     */
    static void loadTwo(Connection connection, String what, String sql, Object[] first, Object[] second, Each firstRows,
            Each secondRows) throws SQLException {
        try (PreparedStatement query = Queries.prepareForKeys(connection, sql)) {
            query.setArray(1, connection.createArrayOf("uuid", first));
            query.setArray(2, connection.createArrayOf("uuid", second));
            query.execute();
            try (ResultSet rows = query.getResultSet()) {
                while (rows.next()) {
                    firstRows.take(rows);
                }
            }
            if (!query.getMoreResults()) {
                throw new SQLException(what + "'s load answered one query of two");
            }
            try (ResultSet rows = query.getResultSet()) {
                while (rows.next()) {
                    secondRows.take(rows);
                }
            }
        }
    }
}
