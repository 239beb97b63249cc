package dev.recourse.store.safeguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.command.Command;
import dev.recourse.core.command.Command.DecidedBy;
import dev.recourse.core.command.Command.Mode;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.event.Topic;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.process.Fixture;
import dev.recourse.core.process.Result;
import dev.recourse.core.process.SteppingClock;
import dev.recourse.core.json.Json;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.core.safeguard.Cohort;
import dev.recourse.core.subject.NetworkId;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.TestCases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Breakers, recalls and rule figures on the real (embedded) PostgreSQL. */
class SafeguardsStoreTest {
    private static final Versioned RULE = new Versioned("political-words", "7");
    private static final Versioned OTHER = new Versioned("spam-links", "2");
    private static final Person BEA = new Person(new Pseudonym("sen-bea"), Role.SENIOR_MODERATOR);
    /** Trips above 8 actions a minute. */
    private static final BreakerSettings BREAKERS = new BreakerSettings(0.5, 3, 4, 3, 8, 50, Duration.ofMinutes(10));

    @TempDir
    Path data;
    private final SteppingClock clock = new SteppingClock(Fixture.START);
    private RecourseStore store;
    private int posts;

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    private StoreSettings settings;
    private BreakerSettings breakers = BREAKERS;

    /** Opens the store, on the same database each time. */
    private void open() throws Exception {
        if (settings == null) {
            settings = TestCases.settings(data);
        }
        store = RecourseStore.open(settings, breakers, clock, new SecureRandom());
    }

    private static List<RecordedEvent> accepted(Result result) {
        assertThat(result).as(String.valueOf(result)).isInstanceOf(Result.Accepted.class);
        return ((Result.Accepted) result).events();
    }

    /** A new post that {@code rule} acts on in {@code mode}; returns the events of the decision. */
    private List<RecordedEvent> act(Versioned rule, Mode mode) {
        posts++;
        return act(rule, mode, TestCases.post("post-" + posts, "owner-" + posts));
    }

    /** {@code rule} acts on {@code post} in {@code mode}; returns the events of the decision. */
    private List<RecordedEvent> act(Versioned rule, Mode mode, Subject post) {
        CaseEvent.DetectionRecorded detected = accepted(store.dueProcess().handle(new Command.RecordDetection(post,
                new Signal.RuleMatch(rule)))).stream().map(RecordedEvent::event).filter(CaseEvent.DetectionRecorded.class::isInstance)
                .map(CaseEvent.DetectionRecorded.class::cast).findFirst().orElseThrow();
        return accepted(store.dueProcess().handle(new Command.Decide(post.ref(), Set.of(), Set.of(detected.detection().id()),
                new DecidedBy.Rule(AutomatedRule.of(rule), mode), new Command.Plan.Restrict(List.of(PlannedRestriction.everywhere(
                        new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()))),
                        TestCases.illegalReasons()))));
    }

    private List<RecordedEvent> all() {
        return store.events().readAll(0, Integer.MAX_VALUE);
    }

    private <E> List<E> events(Class<E> type) {
        return all().stream().map(RecordedEvent::event).filter(type::isInstance).map(type::cast).toList();
    }

    private Recalls.Request request() {
        return new Recalls.Request(RULE, Optional.empty(), Optional.empty(), BEA, "The rule matched political vocabulary.",
                "We are sorry: our automation made a mistake.");
    }

    /** Five posts the rule removed, one post another rule removed. */
    private void fiveActionsAndAnother() {
        for (int i = 0; i < 5; i++) {
            act(RULE, Mode.ENFORCE);
            clock.advance(Duration.ofSeconds(20));
        }
        act(OTHER, Mode.ENFORCE);
    }

    private void assertEachRestrictionOfTheRuleLiftedOnce(int expected) {
        Map<RestrictionId, Long> lifts = events(CaseEvent.RestrictionLifted.class).stream()
                .collect(Collectors.groupingBy(CaseEvent.RestrictionLifted::restriction, Collectors.counting()));
        assertThat(lifts).hasSize(expected).allSatisfy((r, n) -> assertThat(n).as("lifted once: " + r).isEqualTo(1));
    }

    @Test
    void postsOfDifferentOwnersInOneNetworkTripTheCohortCheckAndKeepTheirNetworkAndPage() throws Exception {
        breakers = new BreakerSettings(0.5, 3, 4, 3, 8, 3, Duration.ofMinutes(10));
        open();
        List<Subject> editors = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Subject post = TestCases.post("editor-post-" + i, "editor-" + i);
            editors.add(new Subject(post.ref(), post.owner(), post.reach(), post.language(), post.territory(), post.protectedMark(),
                    post.since(), post.accountType(), Optional.of(new NetworkId("org:tagesblatt")),
                    Optional.of(new SubjectRef(SubjectKind.PAGE, "tagesblatt"))));
            act(RULE, Mode.ENFORCE, editors.getLast());
            clock.advance(Duration.ofSeconds(20));
        }

        RuleFigures figures = store.safeguards().of(RULE).orElseThrow();
        assertThat(figures.tripped()).isTrue();
        Json.Obj trip = (Json.Obj) Json.parse(figures.lastTrip().orElseThrow()).orElseThrow();
        assertThat(trip.get("cause")).isEqualTo(Json.of("COHORT"));
        assertThat(trip.get("cohort")).isEqualTo(Json.of("network"));
        assertThat(events(RuleEvent.BreakerTripped.class).getFirst().figures().cohort())
                .contains(new Cohort.Network(new NetworkId("org:tagesblatt")));

        store.close();
        open(); // the descriptions as PostgreSQL gives them back
        assertThat(events(CaseEvent.SubjectDescribed.class)).extracting(CaseEvent.SubjectDescribed::subject)
                .containsExactlyElementsOf(editors);
    }

    @Test
    void aDryRunListsWhatARecallWouldLiftAndChangesNothing() throws Exception {
        open();
        fiveActionsAndAnother();
        int before = all().size();
        List<RecallTarget> targets = store.recalls().dryRun(RULE, Optional.empty(), Optional.empty());
        assertThat(targets).hasSize(5).allSatisfy(t -> assertThat(t.measure()).isEqualTo("DECISION_VISIBILITY_CONTENT_REMOVED"));
        assertThat(all()).hasSize(before);
    }

    @Test
    void aRecallLiftsEveryStandingActionOnceTellsEachOwnerAndCountsItsFigures() throws Exception {
        open();
        fiveActionsAndAnother();
        List<long[]> progress = new ArrayList<>();
        Recalls.Outcome outcome = store.recalls().run(request(), (done, total, lifted) -> progress.add(new long[] {done, total, lifted}));

        assertThat(outcome).isInstanceOf(Recalls.Outcome.Completed.class);
        Recalls.Outcome.Completed completed = (Recalls.Outcome.Completed) outcome;
        assertThat(completed.lifted()).isEqualTo(5);
        assertThat(progress.getLast()).containsExactly(5, 5, 5);
        assertEachRestrictionOfTheRuleLiftedOnce(5);
        assertThat(events(CaseEvent.PersonInformed.class).stream().filter(p -> p.topic() == Topic.RECALLED)).hasSize(5);
        assertThat(store.recalls().dryRun(RULE, Optional.empty(), Optional.empty())).isEmpty();
        assertThat(store.recalls().dryRun(OTHER, Optional.empty(), Optional.empty())).hasSize(1);

        RuleFigures figures = store.safeguards().of(RULE).orElseThrow();
        assertThat(figures.actions()).isEqualTo(5);
        assertThat(figures.recalls()).isEqualTo(1);
        assertThat(figures.recalled()).isEqualTo(5);
        assertThat(store.safeguards().recall(completed.recall()).orElseThrow().completedAt()).isPresent();
        assertThat(store.safeguards().recall(completed.recall()).orElseThrow().lifted()).isEqualTo(5);
    }

    @Test
    void aRecallRunTwiceLiftsNothingTheSecondTime() throws Exception {
        open();
        fiveActionsAndAnother();
        store.recalls().run(request(), (done, total, lifted) -> { });
        assertThat(store.recalls().run(request(), (done, total, lifted) -> { })).isInstanceOf(Recalls.Outcome.NothingStands.class);
        assertEachRestrictionOfTheRuleLiftedOnce(5);
        assertThat(events(RuleEvent.RecallStarted.class)).hasSize(1);
    }

    @Test
    void anInterruptedRecallIsTakenUpAndLiftsEveryRestrictionOnce() throws Exception {
        open();
        fiveActionsAndAnother();
        assertThatThrownBy(() -> store.recalls().run(request(), (done, total, lifted) -> {
            if (done == 2) {
                throw new IllegalStateException("killed");
            }
        })).hasMessage("killed");
        assertThat(events(CaseEvent.RestrictionLifted.class)).hasSize(2);
        store.close();
        open(); // as a process that starts again

        Recalls.Outcome.Completed again = (Recalls.Outcome.Completed) store.recalls().run(request(), (done, total, lifted) -> { });
        assertThat(again.resumed()).isTrue();
        assertThat(again.lifted()).isEqualTo(3);
        assertEachRestrictionOfTheRuleLiftedOnce(5);
        assertThat(events(RuleEvent.RecallStarted.class)).hasSize(1);
        assertThat(store.safeguards().recall(again.recall()).orElseThrow().lifted()).isEqualTo(5);
    }

    @Test
    void aRecallBeingCarriedOutIsLeftToItsRunner() throws Exception {
        open();
        fiveActionsAndAnother();
        List<Recalls.Outcome> meanwhile = new ArrayList<>();
        Recalls.Outcome first = store.recalls().run(request(), (done, total, lifted) -> {
            if (done == 2) {
                RecallView running = store.safeguards().unfinished(RULE).getFirst();
                meanwhile.add(store.recalls().carryOut(running, true, (d, t, l) -> { }));
            }
        });

        assertThat(meanwhile).singleElement().isInstanceOf(Recalls.Outcome.Elsewhere.class);
        assertThat(first).isInstanceOf(Recalls.Outcome.Completed.class);
        assertThat(((Recalls.Outcome.Completed) first).lifted()).isEqualTo(5);
        assertEachRestrictionOfTheRuleLiftedOnce(5);
        assertThat(events(RuleEvent.RecallCompleted.class)).hasSize(1);
    }

    @Test
    void twoRecallsAtOnceLiftEveryRestrictionOnce() throws Exception {
        open();
        fiveActionsAndAnother();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> store.recalls().run(request(), (done, total, lifted) -> { }));
            var second = pool.submit(() -> store.recalls().run(request(), (done, total, lifted) -> { }));
            first.get();
            second.get();
        } finally {
            pool.shutdown();
        }
        assertEachRestrictionOfTheRuleLiftedOnce(5);
        assertThat(events(CaseEvent.PersonInformed.class).stream().filter(p -> p.topic() == Topic.RECALLED)).hasSize(5);
        assertThat(store.recalls().dryRun(RULE, Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void aRecalledSubjectIsRefusedTheRuleVersionsFurtherDecisionsAndTheRefusalIsCounted() throws Exception {
        open();
        fiveActionsAndAnother();
        store.recalls().run(request(), (done, total, lifted) -> { });
        SubjectRef first = TestCases.post("post-1", "owner-1").ref();
        CaseEvent.DetectionRecorded detected = accepted(store.dueProcess().handle(new Command.RecordDetection(
                TestCases.post("post-1", "owner-1"), new Signal.RuleMatch(RULE)))).stream().map(RecordedEvent::event)
                .filter(CaseEvent.DetectionRecorded.class::isInstance).map(CaseEvent.DetectionRecorded.class::cast).findFirst().orElseThrow();
        List<RecordedEvent> refused = accepted(store.dueProcess().handle(new Command.Decide(first, Set.of(), Set.of(detected.detection().id()),
                new DecidedBy.Rule(AutomatedRule.of(RULE), Mode.ENFORCE), new Command.Plan.Restrict(List.of(PlannedRestriction.everywhere(
                        new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()))),
                        TestCases.illegalReasons()))));
        assertThat(refused).extracting(r -> r.event().type()).containsExactly("PinnedDecisionRefused");
        assertThat(store.safeguards().of(RULE).orElseThrow().refused()).isEqualTo(1);
    }

    @Test
    void aTrippedBreakerStaysTrippedAfterARestartUntilAPersonResetsIt() throws Exception {
        open();
        for (int i = 0; i < 9; i++) {
            act(RULE, Mode.ENFORCE);
        }
        RuleFigures tripped = store.safeguards().of(RULE).orElseThrow();
        assertThat(tripped.tripped()).isTrue();
        assertThat(tripped.trips()).isEqualTo(1);
        assertThat(tripped.lastTrip().orElseThrow()).contains("\"cause\":\"CAP\"").contains("\"rate\":9").contains("\"cap\":8");
        store.close();
        clock.advance(Duration.ofHours(1));
        open();

        assertThat(act(RULE, Mode.ENFORCE)).extracting(r -> r.event().type()).contains("DecisionProposed").doesNotContain("DecisionTaken");
        accepted(store.dueProcess().handle(new Command.ResetBreaker(RULE, BEA, "A news event; the matches are right.")));
        RuleFigures reset = store.safeguards().of(RULE).orElseThrow();
        assertThat(reset.tripped()).isFalse();
        assertThat(reset.lastReset().orElseThrow().person()).contains("sen-bea");
        assertThat(act(RULE, Mode.ENFORCE)).extracting(r -> r.event().type()).contains("DecisionTaken");
    }

    @Test
    void theBreakersLearnAgainWhatTheyKnewWhenTheStoreStartsAgain() throws Exception {
        open();
        for (int m = 0; m < 5; m++) {
            act(RULE, Mode.ENFORCE);
            act(RULE, Mode.ENFORCE);
            clock.advance(Duration.ofMinutes(1));
        }
        Instant now = clock.instant();
        var before = store.breakers().learned(RULE, now).orElseThrow();
        store.close();
        open();
        assertThat(store.breakers().learned(RULE, now)).contains(before);
    }

    @Test
    void theFiguresCountActionsProposalsAppealsAndOverturns() throws Exception {
        open();
        List<RecordedEvent> taken = act(RULE, Mode.ENFORCE);
        act(RULE, Mode.ENFORCE);
        act(RULE, Mode.PROPOSE);
        CaseEvent.DecisionTaken decision = taken.stream().map(RecordedEvent::event).filter(CaseEvent.DecisionTaken.class::isInstance)
                .map(CaseEvent.DecisionTaken.class::cast).findFirst().orElseThrow();
        SubjectRef subject = TestCases.post("post-1", "owner-1").ref();
        DecisionId id = decision.decision().id();
        List<RecordedEvent> filed = accepted(store.dueProcess().handle(new Command.FileAppeal(subject, id,
                new Appellant.AffectedPerson(TestCases.post("post-1", "owner-1").owner()), "This was satire.")));
        CaseEvent.AppealFiled appeal = filed.stream().map(RecordedEvent::event).filter(CaseEvent.AppealFiled.class::isInstance)
                .map(CaseEvent.AppealFiled.class::cast).findFirst().orElseThrow();
        accepted(store.dueProcess().handle(new Command.DecideAppeal(subject, appeal.appeal().id(), TestCases.CEM,
                new AppealOutcome.Reversed("Satire, within the terms."), List.of())));

        RuleFigures figures = store.safeguards().of(RULE).orElseThrow();
        assertThat(figures.actions()).isEqualTo(2);
        assertThat(figures.automated()).isEqualTo(2);
        assertThat(figures.proposals()).isEqualTo(1);
        assertThat(figures.appealsFiled()).isEqualTo(1);
        assertThat(figures.appealsDecided()).isEqualTo(1);
        assertThat(figures.overturned()).isEqualTo(1);
        assertThat(figures.overturnRate()).contains(1.0);
        assertThat(store.safeguards().all()).extracting(RuleFigures::rule).containsExactly(RULE);
    }
}
