package dev.recourse.store.projection;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent.AppealDecided;
import dev.recourse.core.event.CaseEvent.AppealFiled;
import dev.recourse.core.event.CaseEvent.DecisionTaken;
import dev.recourse.core.event.CaseEvent.RestrictionLifted;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.RecordedEvent;

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
 * One batch of events taken into the public record (see {@link PublicRecord}): the searchable decisions (with the
 * positions of each day's), the register of authority requests and the rollups per rule. Like {@link Projector}, it
 * reads the rows a batch needs once and writes its changes in one round trip (and a second for the rows it changes by
 * their keys, if any). It runs before the rest of the read model in the same transaction, so that the
 * appeals a batch decides are still in the review queue, with the time they were filed.
 */
final class PublicRecordProjector {
    private static final String LOAD = "SELECT decision_id, rule FROM public_decision WHERE decision_id = ANY(?);"
            + " SELECT item_id, queued_at FROM review_queue WHERE queue = 'APPEAL' AND item_id = ANY(?)";
    /**
     * What a batch adds: statements that only insert, or update the row of a unique key they conflict on, so they stay
     * prepared on the server (see {@link Queries#prepareForKeys}); empty arrays write nothing.
     */
    private static final String SAVE = "INSERT INTO public_decision (decision_id, position, case_id, decided_at, category, ground,"
            + " restriction_kind, automation, source, rule, appeal) SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::uuid[],"
            + " ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]);"
            + " INSERT INTO authority_register (request_id, position, kind, authority, country, legal_basis, case_id, registered_at,"
            + " held_until) SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[],"
            + " ?::timestamptz[], ?::timestamptz[]);"
            + " INSERT INTO authority_action (request_id, decision_id, linked_at) SELECT * FROM unnest(?::uuid[], ?::uuid[],"
            + " ?::timestamptz[]) ON CONFLICT DO NOTHING;"
            + " INSERT INTO rule_rollup AS r (day, rule, decisions, appeals_filed, appeals_decided, appeals_upheld, appeals_reversed,"
            + " appeals_modified, reinstated_on_appeal, reinstated_without_appeal, time_to_decide_appeal)"
            + " SELECT day, rule, n1, n2, n3, n4, n5, n6, n7, n8, t::bigint[] FROM unnest(?::date[], ?::text[], ?::bigint[],"
            + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[])"
            + " AS u(day, rule, n1, n2, n3, n4, n5, n6, n7, n8, t)"
            + " ON CONFLICT (day, rule) DO UPDATE SET decisions = r.decisions + EXCLUDED.decisions,"
            + " appeals_filed = r.appeals_filed + EXCLUDED.appeals_filed,"
            + " appeals_decided = r.appeals_decided + EXCLUDED.appeals_decided,"
            + " appeals_upheld = r.appeals_upheld + EXCLUDED.appeals_upheld,"
            + " appeals_reversed = r.appeals_reversed + EXCLUDED.appeals_reversed,"
            + " appeals_modified = r.appeals_modified + EXCLUDED.appeals_modified,"
            + " reinstated_on_appeal = r.reinstated_on_appeal + EXCLUDED.reinstated_on_appeal,"
            + " reinstated_without_appeal = r.reinstated_without_appeal + EXCLUDED.reinstated_without_appeal,"
            + " time_to_decide_appeal = add_counts(r.time_to_decide_appeal, EXCLUDED.time_to_decide_appeal);"
            + " INSERT INTO decision_day AS d (day, first_position, last_position) SELECT * FROM unnest(?::date[], ?::bigint[],"
            + " ?::bigint[]) ON CONFLICT (day) DO UPDATE SET first_position = least(d.first_position, EXCLUDED.first_position),"
            + " last_position = greatest(d.last_position, EXCLUDED.last_position)";
    /**
     * What a batch changes in decisions and requests stored before (and after {@link #SAVE}, in this batch): rows
     * found by their keys in tables that grow, so planned for the batch's keys every time
     * ({@link Queries#prepareForKeys}); a second round trip, made only when a batch has any.
     */
    private static final String UPDATE = "UPDATE public_decision d SET appeal = a.appeal FROM unnest(?::uuid[], ?::text[])"
            + " AS a(decision_id, appeal) WHERE d.decision_id = a.decision_id;"
            + " UPDATE authority_register r SET disclosed_at = d.at FROM unnest(?::uuid[], ?::timestamptz[]) AS d(request_id, at)"
            + " WHERE r.request_id = d.request_id;"
            // A decision's source names the authority's kind only once the request is disclosed.
            + " UPDATE public_decision d SET source = CASE r.kind WHEN 'ORDER' THEN 'AUTHORITY_ORDER' ELSE r.kind END"
            + " FROM authority_action a JOIN authority_register r USING (request_id)"
            + " WHERE d.decision_id = a.decision_id AND r.disclosed_at IS NOT NULL"
            + " AND (a.request_id = ANY(?::uuid[]) OR a.decision_id = ANY(?::uuid[]))";

    /** A decision taken in this batch. */
    private record Taken(DecisionTaken event, long position, Dimensions dimensions, DecisionSource source, String rule) {}

    /** A request registered in this batch. */
    private record Registered(AuthorityEvent.AuthorityRequestRegistered event, long position) {}

    /** A link of a request to a decision made in this batch. */
    private record Link(UUID request, UUID decision, Instant at) {}

    /** What the rule rollup counts for one day and rule, being added up. */
    private static final class Counts {
        long decisions;
        long appealsFiled;
        long appealsDecided;
        long upheld;
        long reversed;
        long modified;
        long reinstatedOnAppeal;
        long reinstatedWithoutAppeal;
        final long[] appealTime = new long[RollupCounts.BUCKET_BOUNDS.size() + 1];
    }

    private record Key(LocalDate day, String rule) {}

    private final Map<DecisionId, String> rules = new HashMap<>();
    private final Map<AppealId, Instant> filed = new HashMap<>();
    private final List<Taken> taken = new ArrayList<>();
    private final Map<DecisionId, AppealStatus> appeals = new LinkedHashMap<>();
    private final List<Registered> registered = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<UUID, Instant> disclosed = new LinkedHashMap<>();
    private final Map<Key, Counts> counts = new LinkedHashMap<>();

    private PublicRecordProjector() {}

    /** Takes {@code events}, in position order, into the public record through {@code connection}. */
    static void project(Connection connection, List<RecordedEvent> events) throws SQLException {
        PublicRecordProjector projector = new PublicRecordProjector();
        projector.load(connection, events);
        for (RecordedEvent r : events) {
            projector.apply(r);
        }
        projector.save(connection);
    }

    private void load(Connection connection, List<RecordedEvent> events) throws SQLException {
        Set<UUID> decisions = new HashSet<>();
        Set<UUID> appealIds = new HashSet<>();
        for (RecordedEvent r : events) {
            switch (r.event()) {
                case AppealFiled e -> decisions.add(e.appeal().decision().value());
                case AppealDecided e -> {
                    decisions.add(e.decision().value());
                    appealIds.add(e.appeal().value());
                }
                case RestrictionLifted e -> decisions.add(e.decision().value());
                default -> { }
            }
        }
        if (decisions.isEmpty()) {
            return;
        }
        Rows.loadTwo(connection, "the public record", LOAD, decisions.toArray(), appealIds.toArray(),
                rows -> rules.put(new DecisionId(rows.getObject(1, UUID.class)), rows.getString(2)),
                rows -> filed.put(new AppealId(rows.getObject(1, UUID.class)), Rows.instant(rows, 2).orElseThrow()));
    }

    private void apply(RecordedEvent recorded) {
        switch (recorded.event()) {
            case DecisionTaken e -> {
                String rule = e.decision().outcome().deciders().rule().map(r -> r.rule().name() + "@" + r.rule().version()).orElse("");
                rules.put(e.decision().id(), rule);
                taken.add(new Taken(e, recorded.position(), Dimensions.of(e.decision()), source(e.decision().outcome()), rule));
                count(e.at(), e.decision().id()).decisions++;
            }
            case AppealFiled e -> {
                filed.put(e.appeal().id(), e.at());
                appeals.put(e.appeal().decision(), AppealStatus.PENDING);
                count(e.at(), e.appeal().decision()).appealsFiled++;
            }
            case AppealDecided e -> {
                Counts c = count(e.at(), e.decision());
                c.appealsDecided++;
                AppealStatus status = switch (e.outcome()) {
                    case AppealOutcome.Upheld ignored -> {
                        c.upheld++;
                        yield AppealStatus.UPHELD;
                    }
                    case AppealOutcome.Reversed ignored -> {
                        c.reversed++;
                        yield AppealStatus.REVERSED;
                    }
                    case AppealOutcome.Modified ignored -> {
                        c.modified++;
                        yield AppealStatus.MODIFIED;
                    }
                };
                appeals.put(e.decision(), status);
                Instant since = filed.get(e.appeal());
                if (since == null) {
                    throw new IllegalStateException("the public record has no filing of appeal " + e.appeal()
                            + ": it is behind the events");
                }
                c.appealTime[RollupCounts.bucket(Duration.between(since, e.at()))]++;
            }
            case RestrictionLifted e -> {
                switch (e.cause()) {
                    case LiftCause.Reversed ignored -> count(e.at(), e.decision()).reinstatedOnAppeal++;
                    // A recall restores without anybody having to appeal.
                    case LiftCause.Recalled ignored -> count(e.at(), e.decision()).reinstatedWithoutAppeal++;
                    // So does a person who reverses a decision on their own initiative.
                    case LiftCause.Corrected ignored -> count(e.at(), e.decision()).reinstatedWithoutAppeal++;
                    // Replaced by a modified decision: still restricted, differently. Expired: it ran its course.
                    case LiftCause.Replaced ignored -> { }
                    case LiftCause.Expired ignored -> { }
                }
            }
            case AuthorityEvent.AuthorityRequestRegistered e -> registered.add(new Registered(e, recorded.position()));
            case AuthorityEvent.AuthorityActionLinked e -> links.add(new Link(e.request().value(), e.decision().value(), e.at()));
            case AuthorityEvent.AuthorityRequestDisclosed e -> {
                disclosed.put(e.request().value(), e.at());
                for (DecisionId d : e.decisions()) {
                    links.add(new Link(e.request().value(), d.value(), e.at()));
                }
            }
            default -> { }
        }
    }

    /** The source of a decision as its statement states it; authorities are named once their request is disclosed. */
    private static DecisionSource source(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Restrict r -> r.statement().dsa().sourceType().map(DecisionSource::of).orElse(DecisionSource.NOT_STATED);
            case Outcome.NoAction ignored -> DecisionSource.NOT_STATED;
        };
    }

    private Counts count(Instant at, DecisionId decision) {
        String rule = rules.get(decision);
        if (rule == null) {
            throw new IllegalStateException("the public record has no decision " + decision + ": it is behind the events");
        }
        return counts.computeIfAbsent(new Key(LocalDate.ofInstant(at, ZoneOffset.UTC), rule), k -> new Counts());
    }

    private void save(Connection connection) throws SQLException {
        if (taken.isEmpty() && appeals.isEmpty() && registered.isEmpty() && links.isEmpty() && disclosed.isEmpty()
                && counts.isEmpty()) {
            return;
        }
        Columns c = new Columns(connection);
        c.uuids(taken, t -> t.event().decision().id().value());
        c.longs(taken, Taken::position);
        c.uuids(taken, t -> t.event().caseId().value());
        c.times(taken, t -> t.event().at());
        // Every dimension but the last, the DSA source type: the public record keeps its finer source instead.
        for (int i = 0; i < Dimensions.COLUMNS - 1; i++) {
            int column = i;
            c.texts(taken, t -> t.dimensions().columns()[column]);
        }
        c.texts(taken, t -> t.source().name());
        c.texts(taken, Taken::rule);
        c.texts(taken, t -> appeals.getOrDefault(t.event().decision().id(), AppealStatus.NONE).name());

        c.uuids(registered, r -> r.event().request().value());
        c.longs(registered, Registered::position);
        c.texts(registered, r -> r.event().kind().name());
        c.texts(registered, r -> r.event().authority().name());
        c.texts(registered, r -> r.event().authority().country().value());
        c.texts(registered, r -> r.event().legalBasis().citation());
        c.uuids(registered, r -> r.event().caseId().value());
        c.times(registered, r -> r.event().at());
        c.times(registered, r -> r.event().hold().map(h -> h.until()).orElse(null));

        c.uuids(links, Link::request);
        c.uuids(links, Link::decision);
        c.times(links, Link::at);

        List<Map.Entry<Key, Counts>> counted = List.copyOf(counts.entrySet());
        c.dates(counted, e -> e.getKey().day());
        c.texts(counted, e -> e.getKey().rule());
        c.longs(counted, e -> e.getValue().decisions);
        c.longs(counted, e -> e.getValue().appealsFiled);
        c.longs(counted, e -> e.getValue().appealsDecided);
        c.longs(counted, e -> e.getValue().upheld);
        c.longs(counted, e -> e.getValue().reversed);
        c.longs(counted, e -> e.getValue().modified);
        c.longs(counted, e -> e.getValue().reinstatedOnAppeal);
        c.longs(counted, e -> e.getValue().reinstatedWithoutAppeal);
        c.texts(counted, e -> Arrays.stream(e.getValue().appealTime).mapToObj(Long::toString)
                .collect(Collectors.joining(",", "{", "}")));
        // The first and last position of the decisions taken each day, for searches by days (V251).
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (Taken t : taken) {
            days.merge(LocalDate.ofInstant(t.event().at(), ZoneOffset.UTC), new long[] {t.position(), t.position()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        List<Map.Entry<LocalDate, long[]>> spans = List.copyOf(days.entrySet());
        c.dates(spans, Map.Entry::getKey);
        c.longs(spans, e -> e.getValue()[0]);
        c.longs(spans, e -> e.getValue()[1]);
        try (PreparedStatement save = connection.prepareStatement(SAVE)) {
            c.set(save);
            save.execute();
        }
        if (appeals.isEmpty() && disclosed.isEmpty() && links.isEmpty()) {
            return;
        }
        Columns k = new Columns(connection);
        List<Map.Entry<DecisionId, AppealStatus>> appealed = List.copyOf(appeals.entrySet());
        k.uuids(appealed, e -> e.getKey().value());
        k.texts(appealed, e -> e.getValue().name());
        List<Map.Entry<UUID, Instant>> disclosures = List.copyOf(disclosed.entrySet());
        k.uuids(disclosures, Map.Entry::getKey);
        k.times(disclosures, Map.Entry::getValue);
        k.uuids(disclosures, Map.Entry::getKey);
        k.uuids(links, Link::decision);
        k.executeForKeys(UPDATE);
    }
}
