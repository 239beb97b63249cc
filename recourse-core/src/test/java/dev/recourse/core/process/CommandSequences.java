package dev.recourse.core.process;

import static dev.recourse.core.process.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.command.Command.*;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random command sequences over a small world of subjects, people and notifiers, taken through the core step by
 * step: what the properties of the core drive it with.
 */
public final class CommandSequences {
    private CommandSequences() {}

    /** What a step does. */
    public enum Kind { NOTICE, AUTHORITY, DETECT, DECIDE, APPROVE, DECLINE, APPEAL, DECIDE_APPEAL, UNFOUNDED, REVERSE, ADVANCE }

    /** One step: its kind, and three numbers that choose the subject, the person and the variant of the command. */
    public record Step(Kind kind, int a, int b, int c) {}

    /** 15 to 50 steps. */
    public static Arbitrary<List<Step>> steps() {
        return step().list().ofMinSize(15).ofMaxSize(50);
    }

    private static Arbitrary<Step> step() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(4, Kind.NOTICE), Tuple.of(1, Kind.AUTHORITY), Tuple.of(1, Kind.DETECT), Tuple.of(5, Kind.DECIDE),
                Tuple.of(3, Kind.APPROVE), Tuple.of(1, Kind.DECLINE), Tuple.of(4, Kind.APPEAL), Tuple.of(4, Kind.DECIDE_APPEAL),
                Tuple.of(1, Kind.UNFOUNDED), Tuple.of(2, Kind.REVERSE), Tuple.of(2, Kind.ADVANCE));
        Arbitrary<Integer> choice = Arbitraries.integers().between(0, 11);
        return Combinators.combine(kinds, choice, choice, choice).as(Step::new);
    }

    // ---- the world --------------------------------------------------------------------------------------------

    private static final List<Subject> SUBJECTS = List.of(
            post("post-1", "owner-1"),
            journalistAccount("acct-journalist"),
            new Subject(new SubjectRef(SubjectKind.PAGE, "page-big"), new AccountId("owner-3"), 500_000, new LanguageCode("it"),
                    new CountryCode("IT"), Optional.empty(), java.time.LocalDate.of(2021, 1, 1), Optional.empty()),
            new Subject(new SubjectRef(SubjectKind.CONTENT, "post-small"), new AccountId("owner-4"), 3, new LanguageCode("pl"),
                    new CountryCode("PL"), Optional.empty(), java.time.LocalDate.of(2024, 1, 1), Optional.empty()));
    private static final List<Person> PEOPLE = List.of(ADA, BEA, CEM, DAN, new Person(new Pseudonym("sen-eve"), Role.SENIOR_MODERATOR));
    private static final List<NoticeSource> NOTIFIERS = List.of(new NoticeSource.User(new NotifierId("u-1")),
            new NoticeSource.User(new NotifierId("u-2")), new NoticeSource.TrustedFlagger(new NotifierId("tf-1"), "Example Flaggers e.V."));
    private static final AutomatedRule RULE = AutomatedRule.of(new Versioned("hate-keywords", "12"));
    static final Authority AUTHORITY = new Authority("Autorità per le Garanzie nelle Comunicazioni", new CountryCode("IT"));

    private static <T> T pick(List<T> from, int i) {
        return from.get(i % from.size());
    }

    /** A command the core handled: what, when, its result, and what was stored before. */
    public record Attempted(Command command, Instant at, Result result, List<RecordedEvent> before) {}

    /** Takes {@code step}: hands its command, if it has one now, to the core, and for ADVANCE moves the clock and runs the timers. */
    public static Optional<Attempted> take(Fixture f, Step step) {
        Optional<Attempted> attempted = command(f, step).map(command -> {
            List<RecordedEvent> before = List.copyOf(f.all());
            Result result = f.core.handle(command);
            return new Attempted(command, f.clock.instant(), result, before);
        });
        if (step.kind() == Kind.ADVANCE) {
            f.clock.advance(Duration.ofDays(1 + step.a() * 17L));
            f.runTimers();
        }
        return attempted;
    }

    private static Optional<Command> command(Fixture f, Step s) {
        // Steps about proposals, decisions and appeals go to a case that has some, if any does.
        Subject subject = pick(SUBJECTS, s.a());
        View v = new View(f.all(), subject.ref());
        for (int i = 0; i < SUBJECTS.size() && !v.has(s.kind()); i++) {
            subject = pick(SUBJECTS, s.a() + i);
            v = new View(f.all(), subject.ref());
        }
        Person person = pick(PEOPLE, s.b());
        return switch (s.kind()) {
            case NOTICE -> Optional.of(new SubmitNotice(subject, pick(NOTIFIERS, s.b()), Optional.empty(), "Please look at this.",
                    new Location("https://social.example/reported"), GoodFaith.AFFIRMED));
            case AUTHORITY -> Optional.of(new RegisterAuthorityRequest(subject, AuthorityKind.ORDER, AUTHORITY, new LegalBasis("Art. 9 DSA"),
                    Optional.empty(), "Order.", s.b() % 2 == 0 ? Optional.empty()
                            : Optional.of(new LegalHold(f.clock.instant().plus(Duration.ofDays(10 + s.c() * 5L)), "investigation"))));
            case DETECT -> Optional.of(new RecordDetection(subject, new Signal.RuleMatch(RULE.rule())));
            case DECIDE -> {
                if (v.notices.isEmpty() && v.detections.isEmpty()) {
                    yield Optional.empty();
                }
                Set<NoticeId> notices = v.notices.isEmpty() ? Set.of() : Set.of(pick(v.notices, s.c()));
                DecidedBy by = s.b() % 4 == 0 ? new DecidedBy.Rule(RULE, s.c() % 2 == 0 ? Mode.ENFORCE : Mode.PROPOSE) : new DecidedBy.Moderator(person);
                Plan plan = switch (s.c() % 4) {
                    case 0 -> new Plan.Restrict(List.of(PlannedRestriction.everywhere(
                            new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()))), illegalReasons());
                    case 1 -> new Plan.Restrict(List.of(new PlannedRestriction(new Measure.Account(DecisionAccount.DECISION_ACCOUNT_SUSPENDED),
                            TerritorialScope.EVERYWHERE, Optional.of(f.clock.instant().plus(Duration.ofDays(20))))), termsReasons());
                    case 2 -> new Plan.Restrict(List.of(new PlannedRestriction(
                            new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_DEMOTED, Optional.empty()),
                            new TerritorialScope.Countries(Set.of(new CountryCode("DE"), new CountryCode("AT"))),
                            Optional.of(f.clock.instant().plus(Duration.ofDays(3))))), termsReasons());
                    default -> new Plan.TakeNoAction("Within the law and the terms.");
                };
                yield Optional.of(new Decide(subject.ref(), notices, v.detections.isEmpty() ? Set.of() : Set.copyOf(v.detections), by, plan));
            }
            case APPROVE -> v.proposals.isEmpty() ? Optional.empty()
                    : Optional.of(new ApproveProposal(subject.ref(), pick(v.proposals, s.c()), person));
            case DECLINE -> v.proposals.isEmpty() ? Optional.empty()
                    : Optional.of(new DeclineProposal(subject.ref(), pick(v.proposals, s.c()), person, "Not enough evidence."));
            case APPEAL -> {
                if (v.decisions.isEmpty()) {
                    yield Optional.empty();
                }
                Decision d = pick(v.decisions, s.c());
                Appellant appellant = s.b() % 2 == 0 || d.notices().isEmpty() ? new Appellant.AffectedPerson(subject.owner())
                        : new Appellant.Notifier(d.notices().iterator().next());
                yield Optional.of(new FileAppeal(subject.ref(), d.id(), appellant, "I disagree."));
            }
            case DECIDE_APPEAL -> {
                if (v.appeals.isEmpty()) {
                    yield Optional.empty();
                }
                AppealOutcome outcome = switch (s.c() % 4) {
                    case 0 -> new AppealOutcome.Upheld("The decision was right.");
                    case 1, 2 -> new AppealOutcome.Reversed("The decision was wrong.");
                    default -> new AppealOutcome.Modified("A label is enough.", List.of(PlannedRestriction.everywhere(
                            new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_LABELLED, Optional.empty()))), illegalReasons());
                };
                yield Optional.of(new DecideAppeal(subject.ref(), pick(v.appeals, s.c()), person, outcome,
                        s.c() % 3 == 0 ? List.of(pick(PEOPLE, s.b() + 1)) : List.of()));
            }
            case UNFOUNDED -> v.notices.isEmpty() ? Optional.empty()
                    : Optional.of(new FindNoticeUnfounded(subject.ref(), pick(v.notices, s.c()), person, "Manifestly unfounded."));
            // Every person may try: the core refuses whoever is not a senior moderator or an administrator.
            case REVERSE -> v.decisions.isEmpty() ? Optional.empty()
                    : Optional.of(new ReverseDecision(subject.ref(), pick(v.decisions, s.c()).id(), person, "A mistake found in review."));
            case ADVANCE -> Optional.empty();
        };
    }

    /** What the harness sees of one case, to pick ids from. */
    private static final class View {
        final List<NoticeId> notices = new ArrayList<>();
        final List<dev.recourse.core.notice.DetectionId> detections = new ArrayList<>();
        final List<DecisionId> proposals = new ArrayList<>();
        final List<Decision> decisions = new ArrayList<>();
        final List<AppealId> appeals = new ArrayList<>();

        View(List<RecordedEvent> all, SubjectRef subject) {
            for (RecordedEvent r : all) {
                if (!r.stream().equals(dev.recourse.core.event.StreamId.of(subject))) {
                    continue;
                }
                switch (r.event()) {
                    case NoticeReceived e -> notices.add(e.notice().id());
                    case DetectionRecorded e -> detections.add(e.detection().id());
                    case DecisionProposed e -> proposals.add(e.proposal());
                    case DecisionTaken e -> decisions.add(e.decision());
                    case AppealFiled e -> appeals.add(e.appeal().id());
                    case AppealDecided e -> appeals.remove(e.appeal());
                    case ProposalDeclined e -> proposals.remove(e.proposal());
                    default -> { }
                }
            }
            proposals.removeIf(p -> decisions.stream().anyMatch(d -> d.id().equals(p)));
        }

        boolean has(Kind kind) {
            return switch (kind) {
                case APPROVE, DECLINE -> !proposals.isEmpty();
                case APPEAL -> !decisions.isEmpty();
                case DECIDE_APPEAL -> !appeals.isEmpty();
                default -> true;
            };
        }
    }
}
