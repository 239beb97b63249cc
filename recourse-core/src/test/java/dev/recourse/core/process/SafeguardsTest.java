package dev.recourse.core.process;

import static dev.recourse.core.process.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.command.Command.*;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.event.Topic;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.port.InMemoryEventStore;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.core.safeguard.Breakers;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.safeguard.TripCause;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invariants 5 and 6 through the core: circuit breakers and recalls. */
class SafeguardsTest {
    private static final Versioned RULE = new Versioned("political-words", "7");
    private static final PlannedRestriction REMOVE = PlannedRestriction.everywhere(
            new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()));
    /** Trips above 5 actions a minute before it has learned; cohorts of 4 subjects of one owner. */
    private static final BreakerSettings SETTINGS = new BreakerSettings(0.5, 60, 4, 3, 5, 4, Duration.ofMinutes(10));

    private final Fixture f = new Fixture(new InMemoryEventStore(), new SteppingClock(START), 7, new Breakers(SETTINGS));
    private int posts;

    /** A detection of {@link #RULE} about a new post of a new owner, and the rule's enforcing decision on it. */
    private Subject enforceOnNewPost() {
        posts++;
        Subject post = post("post-" + posts, "owner-" + posts);
        enforce(post);
        return post;
    }

    private Result.Accepted enforce(Subject subject) {
        f.accept(new RecordDetection(subject, new Signal.RuleMatch(RULE)));
        DetectionId detection = f.events(DetectionRecorded.class).getLast().detection().id();
        return f.accept(new Decide(subject.ref(), Set.of(), Set.of(detection), new DecidedBy.Rule(AutomatedRule.of(RULE), Mode.ENFORCE),
                new Plan.Restrict(List.of(REMOVE), termsReasons())));
    }

    private void trip() {
        for (int i = 0; i < 6; i++) {
            enforceOnNewPost();
        }
    }

    @Test
    void aRuleBeyondItsCapTripsItsBreakerAndTheActionBecomesAProposalWithTheFiguresRecorded() {
        trip();
        assertThat(f.events(DecisionTaken.class)).hasSize(5);
        DecisionProposed proposed = f.only(DecisionProposed.class);
        assertThat(proposed.why()).contains("tripped the circuit breaker of political-words@7");
        RuleEvent.BreakerTripped tripped = f.only(RuleEvent.BreakerTripped.class);
        assertThat(tripped.rule()).isEqualTo(RULE);
        assertThat(tripped.figures().cause()).isEqualTo(TripCause.CAP);
        assertThat(tripped.figures().rate()).isEqualTo(6);
        assertThat(tripped.figures().cap()).isEqualTo(5);
    }

    @Test
    void whileTrippedEveryEnforcingActionIsOnlyProposedEvenMuchLater() {
        trip();
        f.clock.advance(Duration.ofDays(3));
        enforceOnNewPost();
        assertThat(f.events(DecisionProposed.class)).hasSize(2);
        assertThat(f.events(DecisionProposed.class).getLast().why()).contains("tripped at");
        assertThat(f.events(RuleEvent.BreakerTripped.class)).hasSize(1);
        assertThat(f.events(DecisionTaken.class)).hasSize(5);
    }

    @Test
    void aPersonResetsTheBreakerWithReasonsAndTheRuleEnforcesAgain() {
        trip();
        f.clock.advance(Duration.ofSeconds(10));
        f.accept(new ResetBreaker(RULE, BEA, "Checked the matches: a news event, not a fault."));
        RuleEvent.BreakerReset reset = f.only(RuleEvent.BreakerReset.class);
        assertThat(reset.person()).isEqualTo(BEA);
        enforceOnNewPost();
        assertThat(f.events(DecisionTaken.class)).hasSize(6);
    }

    @Test
    void aBreakerThatIsNotTrippedCannotBeResetAndAResetNeedsReasons() {
        f.reject(new ResetBreaker(RULE, BEA, "Just because."));
        trip();
        f.reject(new ResetBreaker(RULE, BEA, " "));
    }

    @Test
    void aRuleInProposeModeOrAModeratorIsNotCountedByTheBreaker() {
        for (int i = 0; i < 10; i++) {
            posts++;
            Subject post = post("post-" + posts, "owner-" + posts);
            f.accept(new RecordDetection(post, new Signal.RuleMatch(RULE)));
            DetectionId detection = f.events(DetectionRecorded.class).getLast().detection().id();
            f.accept(new Decide(post.ref(), Set.of(), Set.of(detection), new DecidedBy.Rule(AutomatedRule.of(RULE), Mode.PROPOSE),
                    new Plan.Restrict(List.of(REMOVE), termsReasons())));
        }
        assertThat(f.events(RuleEvent.BreakerTripped.class)).isEmpty();
    }

    @Test
    void aCohortOfOneOwnersSubjectsTripsTheBreaker() {
        for (int i = 1; i <= 4; i++) {
            enforce(post("editor-" + i, "news-site"));
            f.clock.advance(Duration.ofMinutes(1));
        }
        RuleEvent.BreakerTripped tripped = f.only(RuleEvent.BreakerTripped.class);
        assertThat(tripped.figures().cause()).isEqualTo(TripCause.COHORT);
        assertThat(tripped.figures().cohortSubjects()).isEqualTo(4);
        assertThat(f.events(DecisionTaken.class)).hasSize(3);
    }

    // ---- recalls ----------------------------------------------------------------------------------------------

    private RecallId startRecall(Optional<Instant> from, Optional<Instant> to) {
        f.accept(new StartRecall(RULE, from, to, BEA, "The rule matched political vocabulary.", "We are sorry: this was our mistake."));
        return f.events(RuleEvent.RecallStarted.class).getLast().recall();
    }

    @Test
    void aRecallLiftsEachStandingRestrictionOnceTellsTheOwnerAndPinsTheSubject() {
        Subject a = enforceOnNewPost();
        Subject b = enforceOnNewPost();
        RecallId recall = startRecall(Optional.empty(), Optional.empty());
        f.accept(new RecallSubject(a.ref(), RULE, recall));
        f.accept(new RecallSubject(b.ref(), RULE, recall));
        Result.Accepted again = f.accept(new RecallSubject(a.ref(), RULE, recall));
        assertThat(again.events()).as("done before: nothing more").isEmpty();
        f.accept(new CompleteRecall(RULE, recall));

        List<RestrictionLifted> lifted = f.events(RestrictionLifted.class);
        assertThat(lifted).hasSize(2).allSatisfy(l -> assertThat(l.cause()).isEqualTo(new LiftCause.Recalled(recall, RULE,
                Optional.of("The rule matched political vocabulary."), Optional.of("We are sorry: this was our mistake."))));
        List<PersonInformed> told = f.events(PersonInformed.class).stream().filter(p -> p.topic() == Topic.RECALLED).toList();
        assertThat(told).hasSize(2).allSatisfy(p -> assertThat(p.recipient()).isInstanceOf(Recipient.Owner.class));
        assertThat(f.only(RuleEvent.RecallCompleted.class).recall()).isEqualTo(recall);
        assertThat(f.events(dev.recourse.core.event.AccountEvent.StrikeRecalled.class)).as("their strikes no longer count")
                .hasSize(2).allSatisfy(s -> assertThat(s.recall()).isEqualTo(recall));

        Result.Accepted refused = enforce(a);
        assertThat(refused.events()).extracting(r -> r.event().getClass().getSimpleName()).contains("PinnedDecisionRefused");
        assertThat(f.events(DecisionTaken.class)).hasSize(2);
        assertThat(f.only(RuleEvent.PinnedDecisionRefused.class).recall()).isEqualTo(recall);
    }

    @Test
    void aRecallLeavesDecisionsOutsideItsTimeAndOtherDecidersAlone() {
        Subject early = enforceOnNewPost();
        f.clock.advance(Duration.ofHours(1));
        Instant from = f.clock.instant();
        Subject late = enforceOnNewPost();
        RecallId recall = startRecall(Optional.of(from), Optional.empty());
        f.accept(new RecallSubject(early.ref(), RULE, recall));
        f.accept(new RecallSubject(late.ref(), RULE, recall));
        assertThat(f.only(RestrictionLifted.class).subject()).isEqualTo(late.ref());
    }

    @Test
    void aRecallThatIsCompletedOrUnknownTakesNoMoreSubjects() {
        Subject a = enforceOnNewPost();
        RecallId recall = startRecall(Optional.empty(), Optional.empty());
        f.accept(new CompleteRecall(RULE, recall));
        f.reject(new RecallSubject(a.ref(), RULE, recall));
        f.reject(new RecallSubject(a.ref(), RULE, new RecallId(java.util.UUID.randomUUID())));
    }

    @Test
    void aRecallNeedsReasonsAnApologyAndATimeThatEndsAfterItBegins() {
        f.reject(new StartRecall(RULE, Optional.empty(), Optional.empty(), BEA, "", "Sorry."));
        f.reject(new StartRecall(RULE, Optional.empty(), Optional.empty(), BEA, "Faulty rule.", " "));
        f.reject(new StartRecall(RULE, Optional.of(START), Optional.of(START), BEA, "Faulty rule.", "Sorry."));
    }

    @Test
    void aRecallsApologyIsRefusedLongerThanItsBoundNamingTheField() {
        Result.Rejected rejected = f.reject(new StartRecall(RULE, Optional.empty(), Optional.empty(), BEA, "Faulty rule.",
                "x".repeat(StartRecall.MAX_APOLOGY + 1)));

        assertThat(rejected.errors()).extracting(dev.recourse.core.FieldError::field).containsExactly("apology");
        f.accept(new StartRecall(RULE, Optional.empty(), Optional.empty(), BEA, "Faulty rule.", "x".repeat(StartRecall.MAX_APOLOGY)));
    }

    @Test
    void aRecalledDecisionIsNotLiftedAgainByAnAppeal() {
        Subject a = enforceOnNewPost();
        DecisionId decision = f.events(DecisionTaken.class).getLast().decision().id();
        RecallId recall = startRecall(Optional.empty(), Optional.empty());
        f.accept(new RecallSubject(a.ref(), RULE, recall));
        f.accept(new FileAppeal(a.ref(), decision, new dev.recourse.core.appeal.Appellant.AffectedPerson(a.owner()), "Wrong."));
        f.accept(new DecideAppeal(a.ref(), f.only(AppealFiled.class).appeal().id(), CEM,
                new dev.recourse.core.appeal.AppealOutcome.Reversed("Not against the terms."), List.of()));
        assertThat(f.events(RestrictionLifted.class)).hasSize(1);
    }
}
