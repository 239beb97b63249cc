package dev.recourse.store.erasure;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Erases personal data: deletes events' private records together with their salts, and notes when.
 *
 * <p>The log is untouched: an event's public entry holds only the commitment
 * {@code SHA-256(salt || private record)}, so the log stays verifiable, entry by entry. The salt
 * goes with the record on purpose: kept, it would let anyone who guesses the record (a name, an
 * account id) confirm the guess against the public commitment; without it the commitment is
 * unlinkable to the person. The affected person still holds both in their notice, and can still
 * prove their entry with their receipt.
 *
 * <p>An event whose payload is empty said that its private record holds no personal data: erasure then keeps the
 * private record as its payload (and deletes the salt), so the event still reads back whole.
 *
 * <p>Events are otherwise immutable: the database refuses any other change to them.
 */
public final class Erasure {
    /** An empty payload says the private record holds no personal data: it then stays, as the payload. */
    private static final String ERASE = "UPDATE event SET payload = CASE WHEN octet_length(payload) = 0 THEN private_record"
            + " ELSE payload END, private_record = NULL, salt = NULL, erased_at = ?";
    private static final String BY_STREAM = ERASE + " WHERE stream_id = ? AND private_record IS NOT NULL RETURNING position";
    private static final String BY_POSITION = ERASE + " WHERE position = ANY(?) AND private_record IS NOT NULL RETURNING position";

    private final DataSource dataSource;
    private final InstantSource clock;
    private final Runnable erased;

    /** Erases in {@code dataSource}, noting the time from {@code clock}. */
    public Erasure(DataSource dataSource, InstantSource clock) {
        this(dataSource, clock, () -> { });
    }

    /**
     * Erases in {@code dataSource}, noting the time from {@code clock}, and runs {@code erased} after each erasure
     * that erased anything: for readers that keep events and must forget them.
     */
    public Erasure(DataSource dataSource, InstantSource clock, Runnable erased) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
        this.erased = Objects.requireNonNull(erased);
    }

    /**
     * Erases the private records of every event of the stream.
     *
     * @return the positions of the events erased now, in order; events erased before are not repeated
     */
    public List<Long> eraseStream(String streamId) throws SQLException {
        if (streamId.isBlank()) {
            throw new IllegalArgumentException("a stream id is not blank");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(BY_STREAM)) {
            update.setObject(1, now());
            update.setString(2, streamId);
            return told(positions(update));
        }
    }

    /**
     * Erases the private records of the events at {@code positions}.
     *
     * @return the positions of the events erased now, in order; positions without an event or
     *     already erased are left out
     */
    public List<Long> erasePositions(Collection<Long> positions) throws SQLException {
        for (Long position : positions) {
            if (position < 0) {
                throw new IllegalArgumentException("a position is at least 0, not " + position);
            }
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(BY_POSITION)) {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            update.setObject(1, now());
            update.setArray(2, array);
            List<Long> erasedNow = positions(update);
            array.free();
            return told(erasedNow);
        }
    }

    private List<Long> told(List<Long> positions) {
        if (!positions.isEmpty()) {
            erased.run();
        }
        return positions;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static List<Long> positions(PreparedStatement update) throws SQLException {
        List<Long> erased = new ArrayList<>();
        try (ResultSet rows = update.executeQuery()) {
            while (rows.next()) {
                erased.add(rows.getLong(1));
            }
        }
        erased.sort(null);
        return erased;
    }
}
