package dev.recourse.store.intake;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The steps the rule worker finished on each content event, and the events it processed to the end
 * ({@code content_event_step}, {@code content_event}).
 */
public final class IntakeSteps {
    private static final String STEP = "INSERT INTO content_event_step (event_id, step, detection) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING";

    private final DataSource dataSource;

    /** The steps kept in {@code dataSource}, migrated. */
    public IntakeSteps(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A step done, with the events of its append. */
    public record Done(IntakeStep step, List<RecordedEvent> events) {}

    /**
     * Stores {@code steps} through {@code connection}, in its open transaction: the transaction of their events. A
     * step's detection is the one its events recorded, if any.
     */
    public static void store(Connection connection, List<Done> steps) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(STEP)) {
            for (Done d : steps) {
                insert.setString(1, d.step().eventId());
                insert.setString(2, d.step().step());
                insert.setObject(3, d.events().stream().map(RecordedEvent::event)
                        .filter(CaseEvent.DetectionRecorded.class::isInstance)
                        .map(e -> ((CaseEvent.DetectionRecorded) e).detection().id().value()).findFirst().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Whether {@code eventId} was processed to the end. */
    public boolean processed(String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM content_event WHERE event_id = ?")) {
            q.setString(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read whether content event " + eventId + " was processed: " + e.getMessage(), e);
        }
    }

    /** The steps done on {@code eventId}, each with the detection it recorded if it recorded one. */
    public Map<String, Optional<DetectionId>> done(String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT step, detection FROM content_event_step WHERE event_id = ?")) {
            q.setString(1, eventId);
            Map<String, Optional<DetectionId>> steps = new HashMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    steps.put(rs.getString(1), Optional.ofNullable(rs.getObject(2, UUID.class)).map(DetectionId::new));
                }
            }
            return steps;
        } catch (SQLException e) {
            throw new StoreException("could not read the steps done on content event " + eventId + ": " + e.getMessage(), e);
        }
    }

    /** Notes that {@code eventId} was processed to the end at {@code at}; true if it was not noted before. */
    public boolean finish(String eventId, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO content_event (event_id, processed_at) VALUES (?, ?)"
                     + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, eventId);
            insert.setTimestamp(2, Timestamp.from(at));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("could not note content event " + eventId + " as processed: " + e.getMessage(), e);
        }
    }
}
