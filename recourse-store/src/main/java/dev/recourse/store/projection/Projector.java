package dev.recourse.store.projection;

import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.process.Settings;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.SubjectRef;

import dev.recourse.store.database.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One batch of events taken into the read model: the rows it touches are read once, changed in
 * memory event by event, and written back with one batch of statements per table, so the cost
 * of a transaction grows with the rows it changes, never with the events stored before.
 */
final class Projector {
    static final String CASE_COLUMNS = "case_id, subject_kind, subject_id, status, latest_decision, decided_at, appeal_deadline,"
            + " awaiting_since, pending_appeals, opened_at, updated_at";
    /** The rows a batch reads: its cases, and the dimensions of the decisions its appeals and lifts are about. */
    private static final String LOAD = "SELECT " + CASE_COLUMNS + " FROM case_view WHERE case_id = ANY(?);"
            + " SELECT decision_id, category, ground, restriction_kind, automation, source_type"
            + " FROM decision_dimensions WHERE decision_id = ANY(?)";
    /**
     * Everything a batch writes but what {@link #UNQUEUE} changes, as one round trip of statements that each take whole
     * columns as arrays (empty arrays write nothing); the last one advances the read model's head, or finds it
     * elsewhere and fails. These only insert, or update the row of a unique key they conflict on: PostgreSQL has no
     * plan to choose for them, so they stay prepared on the server (see {@link Queries#prepareForKeys}).
     */
    private static final String SAVE = "INSERT INTO case_view (" + CASE_COLUMNS + ") SELECT * FROM unnest(?::uuid[], ?::text[],"
            + " ?::text[], ?::text[], ?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::int[],"
            + " ?::timestamptz[], ?::timestamptz[])"
            + " ON CONFLICT (case_id) DO UPDATE SET status = EXCLUDED.status, latest_decision = EXCLUDED.latest_decision,"
            + " decided_at = EXCLUDED.decided_at, appeal_deadline = EXCLUDED.appeal_deadline,"
            + " awaiting_since = EXCLUDED.awaiting_since, pending_appeals = EXCLUDED.pending_appeals,"
            + " updated_at = EXCLUDED.updated_at;"
            + " INSERT INTO decision_dimensions (decision_id, category, ground, restriction_kind, automation, source_type)"
            + " SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]);"
            + " INSERT INTO review_queue (queue, item_id, queued_position, case_id, subject_kind, subject_id, detail, decision_id,"
            + " approvals, queued_at) SELECT * FROM unnest(?::text[], ?::uuid[], ?::bigint[], ?::uuid[], ?::text[], ?::text[],"
            + " ?::text[], ?::uuid[], ?::int[], ?::timestamptz[]);"
            + " INSERT INTO standing_restriction (restriction_id, subject_kind, subject_id, case_id, decision_id, measure,"
            + " measure_value, measure_other, countries, applied_at, ends_at) SELECT r, k, i, c, d, m, v, o, string_to_array(n, ','),"
            + " a, e FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::timestamptz[], ?::timestamptz[]) AS t(r, k, i, c, d, m, v, o, n, a, e);"
            + " INSERT INTO transparency_rollup AS r (day, category, ground, restriction_kind, automation, source_type, decisions,"
            + " appeals_filed, appeals_decided, appeals_upheld, appeals_reversed, appeals_modified, reinstatements, time_to_decide)"
            + " SELECT day, c, g, k, a, s, n1, n2, n3, n4, n5, n6, n7, ttd::bigint[] FROM unnest(?::date[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],"
            + " ?::bigint[], ?::text[]) AS t(day, c, g, k, a, s, n1, n2, n3, n4, n5, n6, n7, ttd)"
            + " ON CONFLICT (day, category, ground, restriction_kind, automation, source_type) DO UPDATE SET"
            + " decisions = r.decisions + EXCLUDED.decisions, appeals_filed = r.appeals_filed + EXCLUDED.appeals_filed,"
            + " appeals_decided = r.appeals_decided + EXCLUDED.appeals_decided,"
            + " appeals_upheld = r.appeals_upheld + EXCLUDED.appeals_upheld,"
            + " appeals_reversed = r.appeals_reversed + EXCLUDED.appeals_reversed,"
            + " appeals_modified = r.appeals_modified + EXCLUDED.appeals_modified,"
            + " reinstatements = r.reinstatements + EXCLUDED.reinstatements,"
            + " time_to_decide = add_counts(r.time_to_decide, EXCLUDED.time_to_decide);"
            + Facets.UPSERT
            + " UPDATE read_model_head SET next_position = ? WHERE next_position = ?";
    /**
     * What a batch takes out of the queues and the standing restrictions, and the approvals it adds to proposals
     * queued before: rows found by their keys in tables that grow, so planned for the batch's keys every time
     * ({@link Queries#prepareForKeys}); a second round trip, made only when a batch has any.
     */
    private static final String UNQUEUE = "DELETE FROM review_queue q USING unnest(?::text[], ?::uuid[]) AS d(queue, item_id)"
            + " WHERE q.queue = d.queue AND q.item_id = d.item_id;"
            + " UPDATE review_queue q SET approvals = q.approvals + a.n FROM unnest(?::uuid[], ?::int[]) AS a(item_id, n)"
            + " WHERE q.queue = 'PROPOSAL' AND q.item_id = a.item_id;"
            + " DELETE FROM standing_restriction WHERE restriction_id = ANY(?::uuid[])";

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

        RollupCounts counts() {
            return new RollupCounts(decisions, appealsFiled, appealsDecided, upheld, reversed, modified, reinstatements,
                    Arrays.stream(timeToDecide).boxed().toList());
        }
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
        PublicRecordProjector.project(connection, events);
        Projector projector = new Projector(process);
        projector.load(connection, events);
        for (RecordedEvent r : events) {
            if (r.event() instanceof CaseEvent event) {
                projector.apply(r.position(), event);
            }
        }
        projector.save(connection, events.getFirst().position(), events.getLast().position() + 1);
    }

    private void load(Connection connection, List<RecordedEvent> events) throws SQLException {
        Set<UUID> caseIds = new HashSet<>();
        Set<UUID> opened = new HashSet<>();
        Set<UUID> decisionIds = new HashSet<>();
        for (RecordedEvent r : events) {
            if (r.event() instanceof CaseEvent event) {
                caseIds.add(event.caseId().value());
            }
            if (r.event() instanceof CaseOpened e) {
                opened.add(e.caseId().value());
            } else if (r.event() instanceof AppealFiled e) {
                decisionIds.add(e.appeal().decision().value());
            } else if (r.event() instanceof AppealDecided e) {
                decisionIds.add(e.decision().value());
            } else if (r.event() instanceof RestrictionLifted e) {
                decisionIds.add(e.decision().value());
            }
        }
        caseIds.removeAll(opened);
        if (caseIds.isEmpty() && decisionIds.isEmpty()) {
            return;
        }
        Rows.loadTwo(connection, "the read model", LOAD, caseIds.toArray(), decisionIds.toArray(), rows -> {
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
        }, rows -> dimensions.put(new DecisionId(rows.getObject(1, UUID.class)), Dimensions.ofColumns(rows.getString(2),
                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6))));
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
                // A reversal outside an appeal ends the latest decision like a reversal on appeal does.
                if (e.cause() instanceof LiftCause.Corrected && e.decision().equals(row.latestDecision) && row.pendingAppeals == 0) {
                    row.status = CaseStatus.REVERSED;
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

    /**
     * Writes the batch's changes and moves the read model's head from {@code first} to {@code next}: in one round trip,
     * and a second for what it takes out of the queues and the standing restrictions, if anything.
     */
    private void save(Connection connection, long first, long next) throws SQLException {
        Columns c = new Columns(connection);
        List<CaseRow> rows = changed.stream().map(cases::get).toList();
        c.uuids(rows, r -> r.id.value());
        c.texts(rows, r -> r.subject.kind().name());
        c.texts(rows, r -> r.subject.platformId());
        c.texts(rows, r -> r.status.name());
        c.uuids(rows, r -> r.latestDecision == null ? null : r.latestDecision.value());
        c.times(rows, r -> r.decidedAt);
        c.times(rows, r -> r.appealDeadline);
        c.times(rows, r -> r.awaitingSince);
        c.ints(rows, r -> r.pendingAppeals);
        c.times(rows, r -> r.openedAt);
        c.times(rows, r -> r.updatedAt);

        List<Map.Entry<DecisionId, Dimensions>> decided = List.copyOf(newDimensions.entrySet());
        c.uuids(decided, e -> e.getKey().value());
        for (int i = 0; i < Dimensions.COLUMNS; i++) {
            int column = i;
            c.texts(decided, e -> e.getValue().columns()[column]);
        }

        List<Queued> items = List.copyOf(queued.values());
        c.texts(items, Queued::queue);
        c.uuids(items, Queued::item);
        c.longs(items, Queued::position);
        c.uuids(items, q -> q.caseId().value());
        c.texts(items, q -> q.subject().kind().name());
        c.texts(items, q -> q.subject().platformId());
        c.texts(items, Queued::detail);
        c.uuids(items, q -> q.decision() == null ? null : q.decision().value());
        c.ints(items, q -> approvals.getOrDefault(q.item(), 0));
        c.times(items, Queued::at);

        List<RestrictionApplied> standing = List.copyOf(applied.values());
        c.uuids(standing, e -> e.restriction().id().value());
        c.texts(standing, e -> e.subject().kind().name());
        c.texts(standing, e -> e.subject().platformId());
        c.uuids(standing, e -> e.caseId().value());
        c.uuids(standing, e -> e.decision().value());
        c.texts(standing, e -> measure(e.restriction().measure())[0]);
        c.texts(standing, e -> measure(e.restriction().measure())[1]);
        c.texts(standing, e -> measure(e.restriction().measure())[2]);
        c.texts(standing, e -> switch (e.restriction().scope()) {
            case TerritorialScope.Everywhere ignored -> null;
            case TerritorialScope.Countries countries -> String.join(",",
                    countries.countries().stream().map(CountryCode::value).sorted().toList());
        });
        c.times(standing, RestrictionApplied::at);
        c.times(standing, e -> e.restriction().endsAt().orElse(null));

        List<Map.Entry<Key, Counts>> counted = List.copyOf(counts.entrySet());
        c.dates(counted, e -> e.getKey().day());
        for (int i = 0; i < Dimensions.COLUMNS; i++) {
            int column = i;
            c.texts(counted, e -> e.getKey().dimensions().columns()[column]);
        }
        c.longs(counted, e -> e.getValue().decisions);
        c.longs(counted, e -> e.getValue().appealsFiled);
        c.longs(counted, e -> e.getValue().appealsDecided);
        c.longs(counted, e -> e.getValue().upheld);
        c.longs(counted, e -> e.getValue().reversed);
        c.longs(counted, e -> e.getValue().modified);
        c.longs(counted, e -> e.getValue().reinstatements);
        c.texts(counted, e -> Arrays.stream(e.getValue().timeToDecide).mapToObj(Long::toString)
                .collect(Collectors.joining(",", "{", "}")));
        Facets.columns(c, counted.stream().map(e -> new Rollup(e.getKey().day(), e.getKey().dimensions(), e.getValue().counts()))
                .toList());

        try (PreparedStatement save = connection.prepareStatement(SAVE)) {
            c.set(save);
            save.setLong(c.next(), next);
            save.setLong(c.next(), first);
            save.execute();
            if (Queries.lastUpdateCount(save) != 1) {
                throw new SQLException("the read model has not taken in the events before position " + first
                        + "; it catches up when the store starts");
            }
        }
        Map<UUID, Integer> earlier = new LinkedHashMap<>(approvals);
        earlier.keySet().removeAll(queued.keySet());
        if (unqueued.isEmpty() && earlier.isEmpty() && lifted.isEmpty()) {
            return;
        }
        Columns k = new Columns(connection);
        k.texts(unqueued, Item::queue);
        k.uuids(unqueued, Item::id);
        List<Map.Entry<UUID, Integer>> approved = List.copyOf(earlier.entrySet());
        k.uuids(approved, Map.Entry::getKey);
        k.ints(approved, Map.Entry::getValue);
        k.uuids(lifted, id -> id);
        k.executeForKeys(UNQUEUE);
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
