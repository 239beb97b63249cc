package dev.recourse.core.process;

import static dev.recourse.core.process.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.command.Command;
import dev.recourse.core.command.Command.*;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.port.InMemoryEventStore;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.core.safeguard.Breakers;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.safeguard.TripFigures;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.ProtectedMark;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Invariants 4, 5 and 6 of DESIGN.md under random sequences of automated decisions in bursts and lulls, approvals,
 * breaker resets and recalls (started, applied to subjects twice over, completed), checked after every step over
 * everything stored.
 */
class SafeguardProperties {
    private static final Versioned RULE = new Versioned("political-words", "7");
    private static final Versioned OTHER = new Versioned("spam-links", "2");
    /** Small numbers, so that random sequences trip: cap 6 a minute, learning after 3 minutes, cohorts of 3. */
    private static final BreakerSettings SETTINGS = new BreakerSettings(0.5, 3, 3, 2, 6, 3, Duration.ofMinutes(5));
    private static final List<Person> PEOPLE = List.of(ADA, BEA, CEM, new Person(new Pseudonym("sen-eve"), Role.SENIOR_MODERATOR));

    enum Kind { ENFORCE, PROPOSE, APPROVE, RESET, RECALL, RECALL_SUBJECT, COMPLETE, ADVANCE }

    record Step(Kind kind, int a, int b, int c) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(12, Kind.ENFORCE), Tuple.of(2, Kind.PROPOSE), Tuple.of(3, Kind.APPROVE),
                Tuple.of(1, Kind.RESET), Tuple.of(1, Kind.RECALL), Tuple.of(3, Kind.RECALL_SUBJECT), Tuple.of(1, Kind.COMPLETE),
                Tuple.of(3, Kind.ADVANCE));
        Arbitrary<Integer> choice = Arbitraries.integers().between(0, 23);
        return Combinators.combine(kinds, choice, choice, choice).as(Step::new).list().ofMinSize(20).ofMaxSize(80);
    }

    /** Twelve subjects: posts of three owners (cohorts), a protected account, a big page, a small page. */
    private static Subject subject(int i) {
        int n = i % 12;
        if (n == 9) {
            return new Subject(new SubjectRef(SubjectKind.ACCOUNT, "acct-editor"), new AccountId("acct-editor"), 900, new LanguageCode("fr"),
                    new CountryCode("FR"), Optional.of(ProtectedMark.JOURNALIST), LocalDate.of(2019, 1, 1), Optional.empty());
        }
        if (n == 10 || n == 11) {
            return new Subject(new SubjectRef(SubjectKind.PAGE, "page-" + n), new AccountId("org-" + n), n == 10 ? 250_000 : 40,
                    new LanguageCode("en"), new CountryCode("IE"), Optional.empty(), LocalDate.of(2020, 1, 1), Optional.empty());
        }
        return post("post-" + n, "owner-" + n % 3);
    }

    @Property(tries = 120, edgeCases = EdgeCasesMode.NONE)
    void theSafeguardsHoldAfterEveryStep(@ForAll("steps") List<Step> steps) {
        Fixture f = new Fixture(new InMemoryEventStore(), new SteppingClock(START), steps.size(), new Breakers(SETTINGS));
        List<Recalled> recalled = new ArrayList<>();
        for (Step step : steps) {
            command(f, step).ifPresent(command -> {
                long before = f.all().size();
                Result result = f.core.handle(command);
                net.jqwik.api.statistics.Statistics.label("outcomes").collect(command.getClass().getSimpleName(),
                        result.getClass().getSimpleName());
                if (command instanceof RecallSubject rs && result instanceof Result.Accepted) {
                    recalled.add(new Recalled(rs.subject(), rs.recall(), before));
                }
            });
            if (step.kind() == Kind.ADVANCE) {
                f.clock.advance(Duration.ofSeconds(5L + step.a() * step.b() * 11L));
            } else {
                f.clock.advance(Duration.ofSeconds(step.c() % 4));
            }
            check(f.all(), recalled);
        }
    }

    private static Optional<Command> command(Fixture f, Step s) {
        Subject subject = subject(s.a());
        Versioned rule = s.c() % 5 == 0 ? OTHER : RULE;
        return switch (s.kind()) {
            case ENFORCE, PROPOSE -> {
                f.core.handle(new RecordDetection(subject, new Signal.RuleMatch(rule)));
                DetectionId detection = f.events(DetectionRecorded.class).getLast().detection().id();
                PlannedRestriction restriction = s.b() % 3 == 0
                        ? PlannedRestriction.everywhere(new Measure.Account(DecisionAccount.DECISION_ACCOUNT_SUSPENDED))
                        : PlannedRestriction.everywhere(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()));
                yield Optional.of(new Decide(subject.ref(), Set.of(), Set.of(detection), new DecidedBy.Rule(AutomatedRule.of(rule),
                        s.kind() == Kind.ENFORCE ? Mode.ENFORCE : Mode.PROPOSE), new Plan.Restrict(List.of(restriction), termsReasons())));
            }
            case APPROVE -> {
                List<DecisionProposed> open = openProposals(f.all());
                yield open.isEmpty() ? Optional.empty() : Optional.of(new ApproveProposal(subjectOf(f.all(), open.get(s.b() % open.size())),
                        open.get(s.b() % open.size()).proposal(), PEOPLE.get(s.c() % PEOPLE.size())));
            }
            case RESET -> Optional.of(new ResetBreaker(rule, BEA, "Looked at the matches."));
            case RECALL -> Optional.of(new StartRecall(rule, s.b() % 2 == 0 ? Optional.empty() : Optional.of(START.plusSeconds(s.b() * 30L)),
                    Optional.empty(), BEA, "The rule matched political vocabulary.", "We are sorry."));
            case RECALL_SUBJECT, COMPLETE -> {
                List<RuleEvent.RecallStarted> recalls = f.events(RuleEvent.RecallStarted.class);
                if (recalls.isEmpty()) {
                    yield Optional.empty();
                }
                RuleEvent.RecallStarted r = recalls.get(s.b() % recalls.size());
                yield s.kind() == Kind.COMPLETE ? Optional.of(new CompleteRecall(r.rule(), r.recall()))
                        : Optional.of(new RecallSubject(subject.ref(), r.rule(), r.recall()));
            }
            case ADVANCE -> Optional.empty();
        };
    }

    private static List<DecisionProposed> openProposals(List<RecordedEvent> all) {
        Map<DecisionId, DecisionProposed> open = new java.util.LinkedHashMap<>();
        for (RecordedEvent r : all) {
            switch (r.event()) {
                case DecisionProposed p -> open.put(p.proposal(), p);
                case DecisionTaken t -> open.remove(t.decision().id());
                case ProposalDeclined d -> open.remove(d.proposal());
                default -> { }
            }
        }
        return List.copyOf(open.values());
    }

    private static SubjectRef subjectOf(List<RecordedEvent> all, DecisionProposed p) {
        return all.stream().filter(r -> r.event() instanceof CaseOpened o && o.caseId().equals(p.caseId()))
                .map(r -> ((CaseOpened) r.event()).subject()).findFirst().orElseThrow();
    }

    // ---- the invariants ---------------------------------------------------------------------------------------

    /** A recall that was applied to a subject when {@code before} events were stored. */
    private record Recalled(SubjectRef subject, RecallId recall, long before) {}

    private static void check(List<RecordedEvent> all, List<Recalled> recalled) {
        Map<String, Subject> subjects = new HashMap<>();
        Set<Versioned> tripped = new HashSet<>();
        Set<RestrictionId> lifted = new HashSet<>();
        Map<RestrictionId, RestrictionApplied> standing = new HashMap<>();
        Map<DecisionId, Decision> decisions = new HashMap<>();
        Map<String, Set<Versioned>> pinned = new HashMap<>();
        Map<RecallId, RuleEvent.RecallStarted> recalls = new HashMap<>();
        for (RecordedEvent r : all) {
            String stream = r.stream().key();
            switch (r.event()) {
                case SubjectDescribed d -> subjects.put(stream, d.subject());
                case RuleEvent.BreakerTripped t -> {
                    assertThat(tripped.add(t.rule())).as("a tripped breaker does not trip again before a reset").isTrue();
                    TripFigures fig = t.figures();
                    boolean due = switch (fig.cause()) {
                        case CAP -> fig.rate() > fig.cap();
                        case RATE -> fig.history() >= SETTINGS.minimumHistory() && fig.rate() > fig.threshold();
                        case COHORT -> fig.cohortSubjects() >= fig.cohortLimit();
                    };
                    assertThat(due).as("5: the figures recorded show the trip was due: %s", fig).isTrue();
                }
                case RuleEvent.BreakerReset x -> assertThat(tripped.remove(x.rule())).as("only a tripped breaker is reset").isTrue();
                case RuleEvent.RecallStarted s -> recalls.put(s.recall(), s);
                case DecisionTaken t -> {
                    Decision d = t.decision();
                    decisions.put(d.id(), d);
                    var deciders = d.outcome().deciders();
                    Subject s = subjects.get(stream);
                    boolean accountLevel = s.ref().kind() != SubjectKind.CONTENT
                            || d.outcome().restrictions().stream().anyMatch(x -> x.measure().isAccountLevel());
                    if (accountLevel && s.isSensitive(100_000)) {
                        assertThat(deciders.people().stream().map(Person::pseudonym).distinct().count())
                                .as("4: a high-impact action needs two different people").isGreaterThanOrEqualTo(2);
                    }
                    if (deciders.people().isEmpty()) {
                        Versioned rule = deciders.rule().orElseThrow().rule();
                        assertThat(tripped).as("5: a tripped rule version does not act alone").doesNotContain(rule);
                        assertThat(pinned.getOrDefault(stream, Set.of())).as("6: a recalled rule version does not act again on the subject")
                                .doesNotContain(rule);
                    }
                }
                case DecisionProposed p -> assertThat(pinned.getOrDefault(stream, Set.of()))
                        .as("6: a recalled rule version does not even propose again on the subject")
                        .doesNotContain(p.proposers().rule().map(AutomatedRule::rule).orElse(null));
                case RestrictionApplied a -> standing.put(a.restriction().id(), a);
                case RestrictionLifted l -> {
                    assertThat(lifted.add(l.restriction())).as("6: each restriction is lifted once").isTrue();
                    standing.remove(l.restriction());
                    if (l.cause() instanceof LiftCause.Recalled rc) {
                        pinned.computeIfAbsent(stream, k -> new HashSet<>()).add(rc.rule());
                        assertThat(DueProcess.recalls(recalls.get(rc.recall()), decisions.get(l.decision())))
                                .as("6: a recall lifts only what it covers").isTrue();
                    }
                }
                default -> { }
            }
        }
        // 6: once a recall was applied to a subject, nothing it covers that stood then stands any more.
        for (Recalled done : recalled) {
            RuleEvent.RecallStarted r = recalls.get(done.recall());
            standing.values().stream().filter(a -> a.subject().equals(done.subject()) && position(all, a) < done.before())
                    .forEach(a -> assertThat(DueProcess.recalls(r, decisions.get(a.decision())))
                            .as("6: a recalled subject keeps nothing the recall covers").isFalse());
        }
    }

    private static long position(List<RecordedEvent> all, Event event) {
        return all.stream().filter(e -> e.event() == event).mapToLong(RecordedEvent::position).findFirst().orElseThrow();
    }
}
