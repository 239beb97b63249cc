package dev.recourse.store.projection;

import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.process.CommandSequences;
import dev.recourse.core.process.Fixture;
import dev.recourse.core.process.SteppingClock;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command sequences through the core on the PostgreSQL store: the read model, kept a batch at a time, equals
 * what a full recount of every event gives.
 */
class ReadModelProperties {
    private record Key(LocalDate day, Dimensions dimensions) {}

    @Provide
    Arbitrary<List<CommandSequences.Step>> steps() {
        return CommandSequences.steps();
    }

    @Property(tries = 8, edgeCases = EdgeCasesMode.NONE)
    void theReadModelEqualsAFullRecountOfTheEvents(@ForAll("steps") List<CommandSequences.Step> steps) throws Exception {
        Path data = Files.createTempDirectory("recourse-read-model");
        SteppingClock clock = new SteppingClock(Fixture.START);
        try (RecourseStore store = RecourseStore.open(TestCases.settings(data), clock, new SecureRandom())) {
            Fixture f = new Fixture(store.events(), clock, steps.size());
            for (CommandSequences.Step step : steps) {
                CommandSequences.take(f, step);
            }
            List<RecordedEvent> all = f.all();
            Recount expected = Recount.of(all, clock.instant());
            ReadModel model = store.readModel();

            assertThat(rollups(model, all)).isEqualTo(expected.rollups);
            theStatisticsSumTheRollups(new PublicRecord(store.dataSource()), all, expected.rollups);
            assertThat(model.proposals(Optional.empty(), ReadModel.MAX_PAGE).items()).extracting(PendingProposal::proposal)
                    .containsExactlyInAnyOrderElementsOf(expected.proposals);
            assertThat(model.appeals(Optional.empty(), ReadModel.MAX_PAGE).items()).extracting(a -> a.appeal().value())
                    .containsExactlyInAnyOrderElementsOf(expected.appeals);
            for (SubjectRef subject : expected.subjects) {
                assertThat(model.standingRestrictions(subject)).extracting(StandingRestriction::id)
                        .containsExactlyInAnyOrderElementsOf(expected.standing.getOrDefault(subject, Set.of()));
                CaseView view = model.caseOf(subject).orElseThrow();
                assertThat(view.latestDecision()).isEqualTo(Optional.ofNullable(expected.latest.get(view.id())));
                assertThat(view.pendingAppeals()).isEqualTo(expected.pendingAppeals.getOrDefault(view.id(), 0));
            }
        } finally {
            TestCases.deleteTree(data);
        }
    }

    /** The portal's statistics, read from the rollups per facet, are the sums of the rollups per dimensions. */
    private static void theStatisticsSumTheRollups(PublicRecord record, List<RecordedEvent> all, Map<Key, RollupCounts> rollups) {
        LocalDate first = LocalDate.ofInstant(Fixture.START, ZoneOffset.UTC);
        LocalDate last = all.isEmpty() ? first : LocalDate.ofInstant(all.getLast().event().at(), ZoneOffset.UTC);
        Statistics figures = record.statistics(first, last);

        assertThat(figures.total()).isEqualTo(rollups.values().stream().reduce(RollupCounts.ZERO, RollupCounts::plus));
        assertThat(figures.byCategory()).isEqualTo(decisionsBy(rollups, d -> d.category().orElse(null)));
        assertThat(figures.bySource()).isEqualTo(decisionsBy(rollups, d -> d.sourceType().orElse(null)));
        assertThat(figures.byAutomation()).isEqualTo(decisionsBy(rollups, Dimensions::automation));
        assertThat(figures.noAction()).isEqualTo(rollups.entrySet().stream().filter(e -> e.getKey().dimensions().category().isEmpty())
                .mapToLong(e -> e.getValue().decisions()).sum());
    }

    /** Decisions summed by what {@code by} gives of their dimensions, leaving out those it gives nothing for. */
    private static <T> Map<T, Long> decisionsBy(Map<Key, RollupCounts> rollups, java.util.function.Function<Dimensions, T> by) {
        Map<T, Long> sums = new HashMap<>();
        rollups.forEach((key, counts) -> {
            T value = by.apply(key.dimensions());
            if (value != null) {
                sums.merge(value, counts.decisions(), Long::sum);
            }
        });
        return sums;
    }

    private static Map<Key, RollupCounts> rollups(ReadModel model, List<RecordedEvent> all) {
        LocalDate first = LocalDate.ofInstant(Fixture.START, ZoneOffset.UTC);
        LocalDate last = all.isEmpty() ? first : LocalDate.ofInstant(all.getLast().event().at(), ZoneOffset.UTC);
        return model.rollups(first, last).stream().collect(Collectors.toMap(r -> new Key(r.day(), r.dimensions()),
                Rollup::counts));
    }

    /** The read model computed from all events at once, the plain way. */
    private static final class Recount {
        final Map<Key, RollupCounts> rollups = new HashMap<>();
        final Set<DecisionId> proposals = new LinkedHashSet<>();
        final Set<java.util.UUID> appeals = new LinkedHashSet<>();
        final Set<SubjectRef> subjects = new LinkedHashSet<>();
        final Map<SubjectRef, Set<RestrictionId>> standing = new HashMap<>();
        final Map<CaseId, DecisionId> latest = new HashMap<>();
        final Map<CaseId, Integer> pendingAppeals = new HashMap<>();
        private final Map<CaseId, Instant> awaiting = new HashMap<>();
        private final Map<DecisionId, Dimensions> dimensions = new HashMap<>();
        private final Map<RestrictionId, RestrictionApplied> applied = new HashMap<>();

        static Recount of(List<RecordedEvent> events, Instant now) {
            Recount r = new Recount();
            events.forEach(r::take);
            r.applied.values().stream().filter(a -> a.restriction().endsAt().map(now::isBefore).orElse(true))
                    .forEach(a -> r.standing.computeIfAbsent(a.subject(), s -> new HashSet<>()).add(a.restriction().id()));
            return r;
        }

        private void take(RecordedEvent recorded) {
            if (!(recorded.event() instanceof CaseEvent event)) {
                return;
            }
            switch (event) {
                case CaseOpened e -> subjects.add(e.subject());
                case NoticeReceived e -> awaiting.putIfAbsent(e.caseId(), e.at());
                case DetectionRecorded e -> awaiting.putIfAbsent(e.caseId(), e.at());
                case DecisionProposed e -> proposals.add(e.proposal());
                case ProposalDeclined e -> proposals.remove(e.proposal());
                case DecisionTaken e -> {
                    proposals.remove(e.decision().id());
                    dimensions.put(e.decision().id(), Dimensions.of(e.decision()));
                    latest.put(e.caseId(), e.decision().id());
                    List<Long> buckets = new ArrayList<>(RollupCounts.ZERO.timeToDecide());
                    Instant since = e.replacing().isEmpty() ? awaiting.remove(e.caseId()) : null;
                    if (since != null) {
                        int bucket = RollupCounts.bucket(Duration.between(since, e.at()));
                        buckets.set(bucket, 1L);
                    }
                    add(e.at(), e.decision().id(), new RollupCounts(1, 0, 0, 0, 0, 0, 0, buckets));
                }
                case RestrictionApplied e -> applied.put(e.restriction().id(), e);
                case RestrictionLifted e -> {
                    applied.remove(e.restriction());
                    if (e.cause() instanceof LiftCause.Reversed) {
                        add(e.at(), e.decision(), counts(0, 0, 0, 0, 0, 1));
                    }
                }
                case AppealFiled e -> {
                    appeals.add(e.appeal().id().value());
                    pendingAppeals.merge(e.caseId(), 1, Integer::sum);
                    add(e.at(), e.appeal().decision(), counts(1, 0, 0, 0, 0, 0));
                }
                case AppealDecided e -> {
                    appeals.remove(e.appeal().value());
                    pendingAppeals.merge(e.caseId(), -1, Integer::sum);
                    add(e.at(), e.decision(), switch (e.outcome()) {
                        case AppealOutcome.Upheld ignored -> counts(0, 1, 1, 0, 0, 0);
                        case AppealOutcome.Reversed ignored -> counts(0, 1, 0, 1, 0, 0);
                        case AppealOutcome.Modified ignored -> counts(0, 1, 0, 0, 1, 0);
                    });
                }
                case SubjectDescribed ignored -> { }
                case ProposalApproved ignored -> { }
                case PersonInformed ignored -> { }
            }
        }

        private static RollupCounts counts(long filed, long decided, long upheld, long reversed, long modified, long reinstated) {
            return new RollupCounts(0, filed, decided, upheld, reversed, modified, reinstated, RollupCounts.ZERO.timeToDecide());
        }

        private void add(Instant at, DecisionId decision, RollupCounts counts) {
            rollups.merge(new Key(LocalDate.ofInstant(at, ZoneOffset.UTC), dimensions.get(decision)), counts, RollupCounts::plus);
        }
    }
}
