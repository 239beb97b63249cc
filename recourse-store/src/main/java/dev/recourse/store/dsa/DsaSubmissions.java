package dev.recourse.store.dsa;

import dev.recourse.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the DSA Transparency Database answered for each statement sent to it, kept in PostgreSQL so that it survives a
 * restart: an accepted statement is never sent again ({@link DsaStatements#unsubmitted}); a refused one is, on a
 * later run. An acceptance is never replaced by a refusal.
 */
public final class DsaSubmissions {
    private static final String ANSWER = "INSERT INTO dsa_submission (position, puid, status, uuid, errors, answered_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (position) DO UPDATE SET status = excluded.status, uuid = excluded.uuid,"
            + " errors = excluded.errors, answered_at = excluded.answered_at WHERE dsa_submission.status <> 'ACCEPTED'";
    private static final String ANSWER_FOR = "SELECT position, status, uuid, errors FROM dsa_submission WHERE puid = ?";
    private static final String COUNT = "SELECT count(*) FILTER (WHERE status = 'ACCEPTED'), count(*) FILTER (WHERE status = 'REFUSED')"
            + " FROM dsa_submission";

    private final DataSource dataSource;
    private final InstantSource clock;

    /** Keeps the answers in the database of {@code dataSource}, timed by {@code clock}. */
    public DsaSubmissions(DataSource dataSource, InstantSource clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The database's answer for one statement. */
    public sealed interface Answer {
        /** The decision's position in the log. */
        long position();

        /** The statement's puid. */
        String puid();

        /**
         * The database holds the statement.
         *
         * @param uuid its id there; empty if it answered that it already held the puid without naming the uuid
         */
        record Accepted(long position, String puid, Optional<String> uuid) implements Answer {}

        /**
         * The database refused the statement.
         *
         * @param errors what it said, as it said it
         */
        record Refused(long position, String puid, String errors) implements Answer {}
    }

    /** Records {@code answers} in one transaction. */
    public void record(Collection<? extends Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ANSWER)) {
            c.setAutoCommit(false);
            try {
                for (Answer answer : answers) {
                    s.setLong(1, answer.position());
                    s.setString(2, answer.puid());
                    switch (answer) {
                        case Answer.Accepted a -> {
                            s.setString(3, "ACCEPTED");
                            s.setString(4, a.uuid().orElse(null));
                            s.setNull(5, Types.VARCHAR);
                        }
                        case Answer.Refused r -> {
                            s.setString(3, "REFUSED");
                            s.setNull(4, Types.VARCHAR);
                            s.setString(5, r.errors());
                        }
                    }
                    s.setObject(6, now);
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record the Transparency Database's answers", e);
        }
    }

    /** The last answer recorded for {@code puid}, if any. */
    public Optional<Answer> answerFor(String puid) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ANSWER_FOR)) {
            s.setString(1, puid);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long position = rows.getLong(1);
                return Optional.of("ACCEPTED".equals(rows.getString(2))
                        ? new Answer.Accepted(position, puid, Optional.ofNullable(rows.getString(3)))
                        : new Answer.Refused(position, puid, rows.getString(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the Transparency Database's answers", e);
        }
    }

    /**
     * How many statements the database holds, and how many it refused last time.
     *
     * @param accepted statements accepted
     * @param refused statements whose last answer was a refusal
     */
    public record Counts(long accepted, long refused) {}

    /** How many statements were accepted and refused so far. */
    public Counts counts() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(COUNT);
             ResultSet rows = s.executeQuery()) {
            rows.next();
            return new Counts(rows.getLong(1), rows.getLong(2));
        } catch (SQLException e) {
            throw new StoreException("cannot count the Transparency Database's answers", e);
        }
    }
}
