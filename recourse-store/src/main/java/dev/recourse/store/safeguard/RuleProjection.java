package dev.recourse.store.safeguard;

import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.store.database.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One batch of events taken into the safeguards' read model: counts are added up in memory per rule version and written
 * as increments; the breaker's and recalls' state changes are written in event order. A batch without automated
 * decisions, appeals of them or rule events reads nothing and writes only the head.
 */
final class RuleProjection {
    private static final String RULES_OF = "SELECT decision_id, rule FROM rule_decision WHERE decision_id = ANY(?)";
    private static final String ADD = "INSERT INTO rule_figures AS f (rule, actions, automated, proposals, appeals_filed,"
            + " appeals_decided, overturned, trips, recalls, recalled, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (rule) DO UPDATE SET actions = f.actions + EXCLUDED.actions, automated = f.automated + EXCLUDED.automated,"
            + " proposals = f.proposals + EXCLUDED.proposals, appeals_filed = f.appeals_filed + EXCLUDED.appeals_filed,"
            + " appeals_decided = f.appeals_decided + EXCLUDED.appeals_decided, overturned = f.overturned + EXCLUDED.overturned,"
            + " trips = f.trips + EXCLUDED.trips, recalls = f.recalls + EXCLUDED.recalls, recalled = f.recalled + EXCLUDED.recalled,"
            + " refused = f.refused + EXCLUDED.refused";
    private static final String DECISION = "INSERT INTO rule_decision (decision_id, rule, decided_at) VALUES (?, ?, ?)";
    private static final String MINUTE = "INSERT INTO rule_minute AS m (rule, minute, actions) VALUES (?, ?, ?)"
            + " ON CONFLICT (rule, minute) DO UPDATE SET actions = m.actions + EXCLUDED.actions";
    private static final String MINUTE_RESET = "UPDATE rule_minute SET actions = 0 WHERE rule = ? AND minute = ?";
    private static final String TRIPPED = "UPDATE rule_figures SET tripped_at = ?, trip = ? WHERE rule = ?";
    private static final String RESET = "UPDATE rule_figures SET tripped_at = NULL, reset_at = ?, reset_by = ?, reset_reasons = ?"
            + " WHERE rule = ?";
    private static final String RECALL = "INSERT INTO rule_recall (recall_id, rule, from_time, to_time, started_at, lifted)"
            + " VALUES (?, ?, ?, ?, ?, 0)";
    private static final String LIFTED = "UPDATE rule_recall SET lifted = lifted + ? WHERE recall_id = ?";
    private static final String COMPLETED = "UPDATE rule_recall SET completed_at = ? WHERE recall_id = ?";
    private static final String HEAD = "UPDATE rule_figures_head SET next_position = ? WHERE next_position = ?";

    /** The counts of one rule version in this batch; indexes as the columns of {@link #ADD} after the rule. */
    private static final int ACTIONS = 0, AUTOMATED = 1, PROPOSALS = 2, FILED = 3, DECIDED = 4, OVERTURNED = 5, TRIPS = 6,
            RECALLS = 7, RECALLED = 8, REFUSED = 9, COUNTS = 10;

    /** A change of a breaker or a recall, in event order; the rule's row exists by then. */
    @FunctionalInterface
    private interface Change {
        void write(Connection connection) throws SQLException;
    }

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<DecisionId, String> rules = new HashMap<>();
    private final List<Object[]> decisions = new ArrayList<>();
    private final Map<List<Object>, Long> minutes = new LinkedHashMap<>();
    /** The minutes a reset emptied, before this batch's actions after the reset are added. */
    private final Set<List<Object>> emptied = new LinkedHashSet<>();
    private final List<Change> changes = new ArrayList<>();
    private final Map<UUID, Long> lifted = new LinkedHashMap<>();

    private RuleProjection() {}

    /** Takes {@code events}, in position order, into the safeguards' read model through {@code connection}. */
    static void project(Connection connection, List<RecordedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        RuleProjection p = new RuleProjection();
        p.load(connection, events);
        for (RecordedEvent r : events) {
            p.apply(r);
        }
        p.save(connection, events.getFirst().position(), events.getLast().position() + 1);
    }

    /** The rule versions of the decisions this batch's appeals are about, when they were decided before it. */
    private void load(Connection connection, List<RecordedEvent> events) throws SQLException {
        Set<UUID> appealed = new HashSet<>();
        for (RecordedEvent r : events) {
            switch (r.event()) {
                case AppealFiled e -> appealed.add(e.appeal().decision().value());
                case AppealDecided e -> appealed.add(e.decision().value());
                default -> { }
            }
        }
        if (appealed.isEmpty()) {
            return;
        }
        try (PreparedStatement query = Queries.prepareForKeys(connection, RULES_OF)) {
            query.setArray(1, connection.createArrayOf("uuid", appealed.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    rules.put(new DecisionId(rows.getObject(1, UUID.class)), rows.getString(2));
                }
            }
        }
    }

    private void apply(RecordedEvent recorded) {
        switch (recorded.event()) {
            case DecisionTaken e when e.decision().outcome() instanceof Outcome.Restrict restrict -> {
                Deciders deciders = restrict.statement().deciders();
                deciders.rule().map(AutomatedRule::rule).map(Object::toString).ifPresent(rule -> {
                    rules.put(e.decision().id(), rule);
                    decisions.add(new Object[] {e.decision().id().value(), rule, e.at()});
                    count(rule)[ACTIONS]++;
                    if (deciders.people().isEmpty()) {
                        count(rule)[AUTOMATED]++;
                        minutes.merge(List.of(rule, e.at().truncatedTo(ChronoUnit.MINUTES)), 1L, Long::sum);
                    }
                });
            }
            case DecisionProposed e -> e.proposers().rule().ifPresent(r -> count(r.rule().toString())[PROPOSALS]++);
            case AppealFiled e -> ofRule(e.appeal().decision(), FILED);
            case AppealDecided e -> {
                ofRule(e.decision(), DECIDED);
                switch (e.outcome()) {
                    case AppealOutcome.Upheld ignored -> { }
                    case AppealOutcome.Reversed ignored -> ofRule(e.decision(), OVERTURNED);
                    case AppealOutcome.Modified ignored -> ofRule(e.decision(), OVERTURNED);
                }
            }
            case RestrictionLifted e when e.cause() instanceof LiftCause.Recalled r -> {
                count(r.rule().toString())[RECALLED]++;
                lifted.merge(r.recall().value(), 1L, Long::sum);
            }
            case RuleEvent.BreakerTripped e -> {
                String rule = e.rule().toString();
                count(rule)[TRIPS]++;
                String trip = CanonicalJson.write(e.figures().toJson());
                changes.add(c -> update(c, TRIPPED, time(e.at()), trip, rule));
            }
            case RuleEvent.BreakerReset e -> {
                String rule = e.rule().toString();
                count(rule);
                // As a breaker in memory: the reset empties the current minute, and the baseline learns only what follows.
                List<Object> minute = List.of(rule, e.at().truncatedTo(ChronoUnit.MINUTES));
                minutes.remove(minute);
                emptied.add(minute);
                changes.add(c -> update(c, RESET, time(e.at()), e.person().toString(), e.reasons(), rule));
            }
            case RuleEvent.RecallStarted e -> {
                count(e.rule().toString())[RECALLS]++;
                changes.add(c -> update(c, RECALL, e.recall().value(), e.rule().toString(), e.from().map(RuleProjection::time).orElse(null),
                        e.to().map(RuleProjection::time).orElse(null), time(e.at())));
            }
            case RuleEvent.RecallCompleted e -> changes.add(c -> update(c, COMPLETED, time(e.at()), e.recall().value()));
            case RuleEvent.PinnedDecisionRefused e -> count(e.rule().toString())[REFUSED]++;
            default -> { }
        }
    }

    private void ofRule(DecisionId decision, int column) {
        String rule = rules.get(decision);
        if (rule != null) {
            count(rule)[column]++;
        }
    }

    private long[] count(String rule) {
        return counts.computeIfAbsent(rule, r -> new long[COUNTS]);
    }

    private void save(Connection connection, long first, long next) throws SQLException {
        if (!counts.isEmpty()) {
            try (PreparedStatement add = connection.prepareStatement(ADD)) {
                for (Map.Entry<String, long[]> e : counts.entrySet()) {
                    add.setString(1, e.getKey());
                    for (int i = 0; i < COUNTS; i++) {
                        add.setLong(i + 2, e.getValue()[i]);
                    }
                    add.addBatch();
                }
                add.executeBatch();
            }
        }
        batch(connection, DECISION, decisions.stream().map(d -> new Object[] {d[0], d[1], time((Instant) d[2])}).toList());
        batch(connection, MINUTE_RESET, emptied.stream().map(m -> new Object[] {m.get(0), time((Instant) m.get(1))}).toList());
        batch(connection, MINUTE, minutes.entrySet().stream()
                .map(e -> new Object[] {e.getKey().get(0), time((Instant) e.getKey().get(1)), e.getValue()}).toList());
        for (Change change : changes) {
            change.write(connection);
        }
        batch(connection, LIFTED, lifted.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
        try (PreparedStatement head = connection.prepareStatement(HEAD)) {
            head.setLong(1, next);
            head.setLong(2, first);
            if (head.executeUpdate() != 1) {
                throw new SQLException("the safeguards' read model has not taken in the events before position " + first
                        + "; it catches up when the store starts");
            }
        }
    }

    private static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        batch(connection, sql, List.<Object[]>of(values));
    }

    static java.time.OffsetDateTime time(Instant at) {
        return at.atOffset(java.time.ZoneOffset.UTC);
    }
}
