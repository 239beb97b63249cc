package dev.recourse.store.safeguard;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.database.Queries;
import dev.recourse.store.database.Queries.Parameters;
import dev.recourse.store.database.Queries.Row;
import dev.recourse.store.events.EventProjection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The safeguards' read model: per rule version its figures (actions, appeals, overturns, trips, recalls), its breaker,
 * its recalls, what a recall would lift, and its actions per minute, from which the breakers learn their baseline
 * ({@link SharedBreakers}). Kept in the sequencer's transaction, as up to date as the events.
 */
public final class Safeguards {
    private static final String FIGURES = "SELECT rule, actions, automated, proposals, appeals_filed, appeals_decided, overturned,"
            + " trips, recalls, recalled, refused, tripped_at, trip, reset_at, reset_by, reset_reasons FROM rule_figures";
    private static final String TARGETS = "SELECT s.subject_kind, s.subject_id, s.restriction_id, s.decision_id, d.decided_at,"
            + " s.measure_value FROM standing_restriction s JOIN rule_decision d ON d.decision_id = s.decision_id"
            + " WHERE d.rule = ? AND (?::timestamptz IS NULL OR d.decided_at >= ?) AND (?::timestamptz IS NULL OR d.decided_at < ?)"
            + " ORDER BY s.subject_kind, s.subject_id, s.restriction_id";
    private static final String RECALLS = "SELECT recall_id, rule, from_time, to_time, started_at, completed_at, lifted FROM rule_recall";
    private static final String HEAD = "SELECT next_position FROM rule_figures_head FOR UPDATE";

    private final DataSource dataSource;

    /** The safeguards' read model in {@code dataSource}. */
    public Safeguards(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The projection that keeps it, for the sequencer. */
    public EventProjection projection() {
        return RuleProjection::project;
    }

    /**
     * Takes in the events it has not seen yet, in transactions of up to a thousand: on start, before anything is
     * written.
     *
     * @return how many events it took in
     */
    public long catchUp(EventStore events) {
        return Queries.catchUp(dataSource, "the safeguards' read model", HEAD, events, projection());
    }

    /** Every rule version that acted, proposed or was recalled, by name. */
    public List<RuleFigures> all() {
        return query(FIGURES + " ORDER BY rule", s -> { }, Safeguards::figures);
    }

    /** One rule version's figures, if it ever acted, proposed or was recalled. */
    public Optional<RuleFigures> of(Versioned rule) {
        return query(FIGURES + " WHERE rule = ?", s -> s.setString(1, rule.toString()), Safeguards::figures).stream().findFirst();
    }

    /**
     * The restrictions a recall of {@code rule} between {@code from} (inclusive) and {@code to} (exclusive) would lift
     * now, by subject.
     */
    public List<RecallTarget> targets(Versioned rule, Optional<Instant> from, Optional<Instant> to) {
        return query(TARGETS, s -> {
            s.setString(1, rule.toString());
            s.setObject(2, from.map(RuleProjection::time).orElse(null));
            s.setObject(3, from.map(RuleProjection::time).orElse(null));
            s.setObject(4, to.map(RuleProjection::time).orElse(null));
            s.setObject(5, to.map(RuleProjection::time).orElse(null));
        }, rows -> new RecallTarget(new SubjectRef(SubjectKind.valueOf(rows.getString(1)), rows.getString(2)),
                new RestrictionId(rows.getObject(3, UUID.class)), new DecisionId(rows.getObject(4, UUID.class)),
                rows.getObject(5, OffsetDateTime.class).toInstant(), rows.getString(6)));
    }

    /** The recall {@code id}, if there is one. */
    public Optional<RecallView> recall(RecallId id) {
        return query(RECALLS + " WHERE recall_id = ?", s -> s.setObject(1, id.value()), Safeguards::recall).stream().findFirst();
    }

    /** The recalls of {@code rule} not completed yet, oldest first. */
    public List<RecallView> unfinished(Versioned rule) {
        return query(RECALLS + " WHERE rule = ? AND completed_at IS NULL ORDER BY started_at, recall_id",
                s -> s.setString(1, rule.toString()), Safeguards::recall);
    }

    private static RuleFigures figures(ResultSet rows) throws SQLException {
        Optional<Instant> resetAt = instant(rows, 14);
        String resetBy = rows.getString(15);
        String resetReasons = rows.getString(16);
        return new RuleFigures(Versioned.parse(rows.getString(1)), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getLong(9), rows.getLong(10), rows.getLong(11),
                instant(rows, 12), Optional.ofNullable(rows.getString(13)), resetAt.map(at -> new RuleFigures.Reset(at, resetBy, resetReasons)));
    }

    private static RecallView recall(ResultSet rows) throws SQLException {
        return new RecallView(new RecallId(rows.getObject(1, UUID.class)), Versioned.parse(rows.getString(2)), instant(rows, 3),
                instant(rows, 4), instant(rows, 5).orElseThrow(), instant(rows, 6), rows.getLong(7));
    }

    private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private <T> List<T> query(String sql, Parameters parameters, Row<T> row) {
        return Queries.list(dataSource, "the safeguards' read model", sql, parameters, row);
    }
}
