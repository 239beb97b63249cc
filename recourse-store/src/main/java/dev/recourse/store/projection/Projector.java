package dev.recourse.store.projection;

import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.process.Settings;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.SubjectRef;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One batch of events taken into the read model: the rows it touches are read once, changed in
 * memory event by event, and written back with one batch of statements per table, so the cost
 * of a transaction grows with the rows it changes, never with the events stored before.
 */
final class Projector {
    static final String CASE_COLUMNS = "case_id, subject_kind, subject_id, status, latest_decision, decided_at, appeal_deadline,"
            + " awaiting_since, pending_appeals, opened_at, updated_at";
    private static final String LOAD_CASES = "SELECT " + CASE_COLUMNS + " FROM case_view WHERE case_id = ANY(?)";
    private static final String SAVE_CASE = "INSERT INTO case_view (" + CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (case_id) DO UPDATE SET status = EXCLUDED.status, latest_decision = EXCLUDED.latest_decision,"
            + " decided_at = EXCLUDED.decided_at, appeal_deadline = EXCLUDED.appeal_deadline,"
            + " awaiting_since = EXCLUDED.awaiting_since, pending_appeals = EXCLUDED.pending_appeals,"
            + " updated_at = EXCLUDED.updated_at";
    private static final String LOAD_DIMENSIONS = "SELECT decision_id, category, ground, restriction_kind, automation, source_type"
            + " FROM decision_dimensions WHERE decision_id = ANY(?)";
    private static final String SAVE_DIMENSIONS = "INSERT INTO decision_dimensions (decision_id, category, ground,"
            + " restriction_kind, automation, source_type) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String QUEUE = "INSERT INTO review_queue (queue, item_id, queued_position, case_id, subject_kind,"
            + " subject_id, detail, decision_id, approvals, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UNQUEUE = "DELETE FROM review_queue WHERE queue = ? AND item_id = ?";
    private static final String APPROVE = "UPDATE review_queue SET approvals = approvals + ? WHERE queue = 'PROPOSAL' AND item_id = ?";
    private static final String APPLY = "INSERT INTO standing_restriction (restriction_id, subject_kind, subject_id, case_id,"
            + " decision_id, measure, measure_value, measure_other, countries, applied_at, ends_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LIFT = "DELETE FROM standing_restriction WHERE restriction_id = ?";
    private static final String COUNT = "INSERT INTO transparency_rollup AS r (day, category, ground, restriction_kind, automation,"
            + " source_type, decisions, appeals_filed, appeals_decided, appeals_upheld, appeals_reversed, appeals_modified,"
            + " reinstatements, time_to_decide) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (day, category, ground, restriction_kind, automation, source_type) DO UPDATE SET"
            + " decisions = r.decisions + EXCLUDED.decisions, appeals_filed = r.appeals_filed + EXCLUDED.appeals_filed,"
            + " appeals_decided = r.appeals_decided + EXCLUDED.appeals_decided,"
            + " appeals_upheld = r.appeals_upheld + EXCLUDED.appeals_upheld,"
            + " appeals_reversed = r.appeals_reversed + EXCLUDED.appeals_reversed,"
            + " appeals_modified = r.appeals_modified + EXCLUDED.appeals_modified,"
            + " reinstatements = r.reinstatements + EXCLUDED.reinstatements,"
            + " time_to_decide = add_counts(r.time_to_decide, EXCLUDED.time_to_decide)";
    private static final String ADVANCE = "UPDATE read_model_head SET next_position = ? WHERE next_position = ?";

    /** A case row, changed in memory. */
    private static final class CaseRow {
        final CaseId id;
        final SubjectRef subject;
        CaseStatus status = CaseStatus.OPEN;
        DecisionId latestDecision;
        Instant decidedAt;
        Instant appealDeadline;
        Instant awaitingSince;
        int pendingAppeals;
        final Instant openedAt;
        Instant updatedAt;

        CaseRow(CaseId id, SubjectRef subject, Instant openedAt) {
            this.id = id;
            this.subject = subject;
            this.openedAt = openedAt;
            this.updatedAt = openedAt;
        }
    }

    /** An item queued in this batch. */
    private record Queued(String queue, UUID item, long position, CaseId caseId, SubjectRef subject, String detail,
                          DecisionId decision, Instant at) {}

    /** The rollup counts of one day and dimensions, being added up. */
    private static final class Counts {
        long decisions;
        long appealsFiled;
        long appealsDecided;
        long upheld;
        long reversed;
        long modified;
        long reinstatements;
        final long[] timeToDecide = new long[RollupCounts.BUCKET_BOUNDS.size() + 1];
    }

    private record Key(LocalDate day, Dimensions dimensions) {}

    /** An item of a queue. */
    private record Item(String queue, UUID id) {}

    private final Settings process;
    private final Map<CaseId, CaseRow> cases = new HashMap<>();
    private final Set<CaseId> changed = new HashSet<>();
    private final Map<DecisionId, Dimensions> dimensions = new HashMap<>();
    private final Map<DecisionId, Dimensions> newDimensions = new LinkedHashMap<>();
    private final Map<UUID, Queued> queued = new LinkedHashMap<>();
    private final Map<UUID, Integer> approvals = new LinkedHashMap<>();
    private final List<Item> unqueued = new ArrayList<>();
    private final Map<UUID, RestrictionApplied> applied = new LinkedHashMap<>();
    private final List<UUID> lifted = new ArrayList<>();
    private final Map<Key, Counts> counts = new LinkedHashMap<>();

    private Projector(Settings process) {
        this.process = process;
    }

    /** Takes {@code events}, in position order, into the read model through {@code connection}. */
    static void project(Connection connection, List<RecordedEvent> events, Settings process) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Projector projector = new Projector(process);
        projector.load(connection, events);
        for (RecordedEvent r : events) {
            if (r.event() instanceof CaseEvent event) {
                projector.apply(r.position(), event);
            }
        }
        projector.save(connection);
        advance(connection, events.getFirst().position(), events.getLast().position() + 1);
    }

    private void load(Connection connection, List<RecordedEvent> events) throws SQLException {
        Set<UUID> caseIds = new HashSet<>();
        Set<UUID> decisionIds = new HashSet<>();
        for (RecordedEvent r : events) {
            if (r.event() instanceof CaseEvent event) {
                caseIds.add(event.caseId().value());
            }
            if (r.event() instanceof AppealFiled e) {
                decisionIds.add(e.appeal().decision().value());
            } else if (r.event() instanceof AppealDecided e) {
                decisionIds.add(e.decision().value());
            } else if (r.event() instanceof RestrictionLifted e) {
                decisionIds.add(e.decision().value());
            }
        }
        if (!caseIds.isEmpty()) {
            try (PreparedStatement query = connection.prepareStatement(LOAD_CASES)) {
                query.setArray(1, connection.createArrayOf("uuid", caseIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        CaseRow row = new CaseRow(new CaseId(rows.getObject(1, UUID.class)), Rows.subject(rows, 2),
                                Rows.instant(rows, 10).orElseThrow());
                        row.status = CaseStatus.valueOf(rows.getString(4));
                        row.latestDecision = Rows.uuid(rows, 5).map(DecisionId::new).orElse(null);
                        row.decidedAt = Rows.instant(rows, 6).orElse(null);
                        row.appealDeadline = Rows.instant(rows, 7).orElse(null);
                        row.awaitingSince = Rows.instant(rows, 8).orElse(null);
                        row.pendingAppeals = rows.getInt(9);
                        row.updatedAt = Rows.instant(rows, 11).orElseThrow();
                        cases.put(row.id, row);
                    }
                }
            }
        }
        if (!decisionIds.isEmpty()) {
            try (PreparedStatement query = connection.prepareStatement(LOAD_DIMENSIONS)) {
                query.setArray(1, connection.createArrayOf("uuid", decisionIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        dimensions.put(new DecisionId(rows.getObject(1, UUID.class)), Dimensions.ofColumns(rows.getString(2),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6)));
                    }
                }
            }
        }
    }

    private void apply(long position, CaseEvent event) throws SQLException {
        if (event instanceof CaseOpened e) {
            cases.put(e.caseId(), new CaseRow(e.caseId(), e.subject(), e.at()));
        }
        CaseRow row = cases.get(event.caseId());
        if (row == null) {
            throw new SQLException("the read model has no case " + event.caseId() + " for the event at position " + position
                    + ": it is behind the events");
        }
        row.updatedAt = event.at();
        changed.add(row.id);
        switch (event) {
            case CaseOpened ignored -> { }
            case SubjectDescribed ignored -> { }
            case NoticeReceived e -> awaiting(row, e.at());
            case DetectionRecorded e -> awaiting(row, e.at());
            case DecisionProposed e -> queued.put(e.proposal().value(), new Queued("PROPOSAL", e.proposal().value(), position,
                    row.id, row.subject, e.why(), null, e.at()));
            case ProposalApproved e -> approvals.merge(e.proposal().value(), 1, Integer::sum);
            case ProposalDeclined e -> unqueue("PROPOSAL", e.proposal().value());
            case DecisionTaken e -> decided(row, e);
            case RestrictionApplied e -> applied.put(e.restriction().id().value(), e);
            case RestrictionLifted e -> {
                if (applied.remove(e.restriction().value()) == null) {
                    lifted.add(e.restriction().value());
                }
                if (e.cause() instanceof LiftCause.Reversed) {
                    count(e.at(), e.decision()).reinstatements++;
                }
            }
            case PersonInformed ignored -> { }
            case AppealFiled e -> {
                Appellant appellant = e.appeal().appellant();
                String kind = switch (appellant) {
                    case Appellant.AffectedPerson ignored -> PendingAppeal.AppellantKind.AFFECTED_PERSON.name();
                    case Appellant.Notifier ignored -> PendingAppeal.AppellantKind.NOTIFIER.name();
                };
                queued.put(e.appeal().id().value(), new Queued("APPEAL", e.appeal().id().value(), position, row.id, row.subject,
                        kind, e.appeal().decision(), e.at()));
                row.pendingAppeals++;
                row.status = CaseStatus.APPEALED;
                count(e.at(), e.appeal().decision()).appealsFiled++;
            }
            case AppealDecided e -> appealDecided(row, e);
        }
    }

    private static void awaiting(CaseRow row, Instant at) {
        if (row.awaitingSince == null) {
            row.awaitingSince = at;
        }
    }

    private void decided(CaseRow row, DecisionTaken e) {
        DecisionId id = e.decision().id();
        unqueue("PROPOSAL", id.value());
        Dimensions of = Dimensions.of(e.decision());
        dimensions.put(id, of);
        newDimensions.put(id, of);
        Counts c = count(e.at(), id);
        c.decisions++;
        if (e.replacing().isEmpty()) {
            if (row.awaitingSince != null) {
                c.timeToDecide[RollupCounts.bucket(Duration.between(row.awaitingSince, e.at()))]++;
            }
            row.awaitingSince = null;
        }
        row.latestDecision = id;
        row.decidedAt = e.at();
        row.appealDeadline = process.appealDeadline(e.at());
        row.status = row.pendingAppeals > 0 ? CaseStatus.APPEALED : CaseStatus.DECIDED;
    }

    private void appealDecided(CaseRow row, AppealDecided e) {
        unqueue("APPEAL", e.appeal().value());
        row.pendingAppeals--;
        Counts c = count(e.at(), e.decision());
        c.appealsDecided++;
        boolean reversed = switch (e.outcome()) {
            case AppealOutcome.Upheld ignored -> {
                c.upheld++;
                yield false;
            }
            case AppealOutcome.Reversed ignored -> {
                c.reversed++;
                yield true;
            }
            case AppealOutcome.Modified ignored -> {
                c.modified++;
                yield false;
            }
        };
        row.status = row.pendingAppeals > 0 ? CaseStatus.APPEALED
                : reversed && e.decision().equals(row.latestDecision) ? CaseStatus.REVERSED : CaseStatus.DECIDED;
    }

    private void unqueue(String queue, UUID item) {
        if (queued.remove(item) == null) {
            unqueued.add(new Item(queue, item));
        }
        approvals.remove(item);
    }

    private Counts count(Instant at, DecisionId decision) {
        Dimensions of = dimensions.get(decision);
        if (of == null) {
            throw new IllegalStateException("the read model has no dimensions of decision " + decision
                    + ": it is behind the events");
        }
        return counts.computeIfAbsent(new Key(LocalDate.ofInstant(at, ZoneOffset.UTC), of), k -> new Counts());
    }

    /** Moves the read model's head from {@code first} to {@code next}, or fails if it was not at {@code first}. */
    private static void advance(Connection connection, long first, long next) throws SQLException {
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            advance.setLong(1, next);
            advance.setLong(2, first);
            if (advance.executeUpdate() != 1) {
                throw new SQLException("the read model has not taken in the events before position " + first
                        + "; it catches up when the store starts");
            }
        }
    }

    private void save(Connection connection) throws SQLException {
        if (!changed.isEmpty()) {
            try (PreparedStatement save = connection.prepareStatement(SAVE_CASE)) {
                for (CaseId id : changed) {
                    CaseRow row = cases.get(id);
                    save.setObject(1, row.id.value());
                    Rows.setSubject(save, 2, row.subject);
                    save.setString(4, row.status.name());
                    save.setObject(5, row.latestDecision == null ? null : row.latestDecision.value());
                    save.setObject(6, Rows.time(row.decidedAt));
                    save.setObject(7, Rows.time(row.appealDeadline));
                    save.setObject(8, Rows.time(row.awaitingSince));
                    save.setInt(9, row.pendingAppeals);
                    save.setObject(10, Rows.time(row.openedAt));
                    save.setObject(11, Rows.time(row.updatedAt));
                    save.addBatch();
                }
                save.executeBatch();
            }
        }
        if (!newDimensions.isEmpty()) {
            try (PreparedStatement save = connection.prepareStatement(SAVE_DIMENSIONS)) {
                for (Map.Entry<DecisionId, Dimensions> e : newDimensions.entrySet()) {
                    save.setObject(1, e.getKey().value());
                    String[] columns = e.getValue().columns();
                    for (int i = 0; i < columns.length; i++) {
                        save.setString(2 + i, columns[i]);
                    }
                    save.addBatch();
                }
                save.executeBatch();
            }
        }
        saveQueue(connection);
        saveRestrictions(connection);
        saveCounts(connection);
    }

    private void saveQueue(Connection connection) throws SQLException {
        if (!unqueued.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(UNQUEUE)) {
                for (Item item : unqueued) {
                    delete.setString(1, item.queue());
                    delete.setObject(2, item.id());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        Map<UUID, Integer> earlier = new LinkedHashMap<>(approvals);
        earlier.keySet().removeAll(queued.keySet());
        if (!earlier.isEmpty()) {
            try (PreparedStatement approve = connection.prepareStatement(APPROVE)) {
                for (Map.Entry<UUID, Integer> e : earlier.entrySet()) {
                    approve.setInt(1, e.getValue());
                    approve.setObject(2, e.getKey());
                    approve.addBatch();
                }
                approve.executeBatch();
            }
        }
        if (!queued.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(QUEUE)) {
                for (Queued q : queued.values()) {
                    insert.setString(1, q.queue());
                    insert.setObject(2, q.item());
                    insert.setLong(3, q.position());
                    insert.setObject(4, q.caseId().value());
                    Rows.setSubject(insert, 5, q.subject());
                    insert.setString(7, q.detail());
                    insert.setObject(8, q.decision() == null ? null : q.decision().value());
                    insert.setInt(9, approvals.getOrDefault(q.item(), 0));
                    insert.setObject(10, Rows.time(q.at()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private void saveRestrictions(Connection connection) throws SQLException {
        if (!lifted.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(LIFT)) {
                for (UUID id : lifted) {
                    delete.setObject(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        if (!applied.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(APPLY)) {
                for (RestrictionApplied e : applied.values()) {
                    Restriction r = e.restriction();
                    insert.setObject(1, r.id().value());
                    Rows.setSubject(insert, 2, e.subject());
                    insert.setObject(4, e.caseId().value());
                    insert.setObject(5, e.decision().value());
                    String[] measure = measure(r.measure());
                    insert.setString(6, measure[0]);
                    insert.setString(7, measure[1]);
                    insert.setString(8, measure[2]);
                    insert.setArray(9, switch (r.scope()) {
                        case TerritorialScope.Everywhere ignored -> null;
                        case TerritorialScope.Countries c -> connection.createArrayOf("text",
                                c.countries().stream().map(CountryCode::value).sorted().toArray());
                    });
                    insert.setObject(10, Rows.time(e.at()));
                    insert.setObject(11, Rows.time(r.endsAt().orElse(null)));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private void saveCounts(Connection connection) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(COUNT)) {
            for (Map.Entry<Key, Counts> e : counts.entrySet()) {
                Counts c = e.getValue();
                upsert.setObject(1, e.getKey().day());
                String[] columns = e.getKey().dimensions().columns();
                for (int i = 0; i < columns.length; i++) {
                    upsert.setString(2 + i, columns[i]);
                }
                upsert.setLong(7, c.decisions);
                upsert.setLong(8, c.appealsFiled);
                upsert.setLong(9, c.appealsDecided);
                upsert.setLong(10, c.upheld);
                upsert.setLong(11, c.reversed);
                upsert.setLong(12, c.modified);
                upsert.setLong(13, c.reinstatements);
                Array buckets = connection.createArrayOf("bigint", java.util.Arrays.stream(c.timeToDecide).boxed().toArray());
                upsert.setArray(14, buckets);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** A measure as the columns measure, measure_value and measure_other. */
    private static String[] measure(Measure measure) {
        return switch (measure) {
            case Measure.Visibility v -> new String[] {RestrictionKind.VISIBILITY.name(), v.kind().name(), v.other().orElse(null)};
            case Measure.Monetary m -> new String[] {RestrictionKind.MONETARY.name(), m.kind().name(), m.other().orElse(null)};
            case Measure.Service s -> new String[] {RestrictionKind.SERVICE.name(), s.kind().name(), null};
            case Measure.Account a -> new String[] {RestrictionKind.ACCOUNT.name(), a.kind().name(), null};
        };
    }
}
