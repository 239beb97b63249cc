package dev.recourse.store.intake;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.policy.ShadowRecord;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The steps the rule worker finished on each content event, the events it processed to the end
 * ({@code content_event_step}, {@code content_event}), and the shadow report of what shadow rules matched in those
 * events ({@code shadow_count}, {@code shadow_sample}).
 */
public final class IntakeSteps {
    private static final String STEP = "INSERT INTO content_event_step (event_id, step, detection) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String FINISHED = "INSERT INTO content_event (event_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String COUNT = "INSERT INTO shadow_count (rule, matched) VALUES (?, 1)"
            + " ON CONFLICT (rule) DO UPDATE SET matched = shadow_count.matched + 1 RETURNING matched";
    private static final String SAMPLE = "INSERT INTO shadow_sample (rule, ordinal, event_id, subject_kind, subject_id, matched_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    /** How many matches of each rule version the shadow report keeps as samples. */
    public static final int SHADOW_SAMPLES = 20;

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

    /**
     * Notes that {@code eventId} was processed to the end at {@code at}, and counts the matches of its shadow rules,
     * {@code shadowed}, in the shadow report, in one transaction: only if the event was not noted before, so an event
     * processed again (a redelivery, a retried batch) never counts twice. Each rule version keeps its first
     * {@value #SHADOW_SAMPLES} matches as samples.
     *
     * @return true if the event was not noted before
     */
    public boolean finish(String eventId, Instant at, List<ShadowRecord> shadowed) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean first = note(c, eventId, at);
                if (first) {
                    count(c, shadowed);
                }
                c.commit();
                return first;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not note content event " + eventId + " as processed: " + e.getMessage(), e);
        }
    }

    private static boolean note(Connection c, String eventId, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(FINISHED)) {
            insert.setString(1, eventId);
            insert.setTimestamp(2, Timestamp.from(at));
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Adds {@code shadowed} to the shadow report. The count's row lock orders concurrent transactions, so each match
     * gets its own number and the first ones are the samples; rules are counted in one order so that two transactions
     * never wait for each other's rows.
     */
    private static void count(Connection c, List<ShadowRecord> shadowed) throws SQLException {
        List<ShadowRecord> ordered = shadowed.stream().sorted(Comparator.comparing(r -> r.rule().toString())).toList();
        try (PreparedStatement count = c.prepareStatement(COUNT); PreparedStatement sample = c.prepareStatement(SAMPLE)) {
            for (ShadowRecord r : ordered) {
                count.setString(1, r.rule().toString());
                long number;
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    number = rs.getLong(1);
                }
                if (number <= SHADOW_SAMPLES) {
                    sample.setString(1, r.rule().toString());
                    sample.setInt(2, (int) number);
                    sample.setString(3, r.eventId());
                    sample.setString(4, r.subject().kind().name());
                    sample.setString(5, r.subject().platformId());
                    sample.setTimestamp(6, Timestamp.from(r.at()));
                    sample.executeUpdate();
                }
            }
        }
    }

    /** What a rule version did in shadow mode: how many events it matched, and its first matches. */
    public record ShadowMatches(Versioned rule, long matched, List<ShadowSample> samples) {
        public ShadowMatches {
            samples = List.copyOf(samples);
        }
    }

    /** One match of a shadow rule: the event, the subject it would have acted on, and when. */
    public record ShadowSample(String eventId, SubjectRef subject, Instant at) {}

    /**
     * The shadow report of {@code rules}, as every instance counted it: each of them that matched in shadow mode, in
     * the order given, with its samples first first.
     */
    public List<ShadowMatches> shadowReport(Collection<Versioned> rules) {
        String[] names = rules.stream().map(Versioned::toString).toArray(String[]::new);
        Map<String, Long> counts = new HashMap<>();
        Map<String, List<ShadowSample>> samples = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT rule, matched FROM shadow_count WHERE rule = ANY (?)");
             PreparedStatement s = c.prepareStatement("SELECT rule, event_id, subject_kind, subject_id, matched_at FROM shadow_sample"
                     + " WHERE rule = ANY (?) ORDER BY rule, ordinal")) {
            q.setArray(1, c.createArrayOf("text", names));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            s.setArray(1, c.createArrayOf("text", names));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    samples.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(new ShadowSample(rs.getString(2),
                            new SubjectRef(SubjectKind.valueOf(rs.getString(3)), rs.getString(4)), rs.getTimestamp(5).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the shadow report: " + e.getMessage(), e);
        }
        List<ShadowMatches> report = new ArrayList<>();
        for (Versioned rule : new LinkedHashSet<>(rules)) {
            Long matched = counts.get(rule.toString());
            if (matched != null) {
                report.add(new ShadowMatches(rule, matched, samples.getOrDefault(rule.toString(), List.of())));
            }
        }
        return report;
    }
}
