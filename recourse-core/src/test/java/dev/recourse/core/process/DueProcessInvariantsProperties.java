package dev.recourse.core.process;

import static dev.recourse.core.process.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
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
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.notice.Notice;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.SourceType;
import dev.recourse.core.statement.StatementOfReasons;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;

/**
 * Random command sequences driven through the core against the in-memory store and a stepping clock; after every
 * step, due-process invariants 1 to 4 and 8 of DESIGN.md are checked over everything stored.
 */
class DueProcessInvariantsProperties {

    enum Kind { NOTICE, AUTHORITY, DETECT, DECIDE, APPROVE, DECLINE, APPEAL, DECIDE_APPEAL, UNFOUNDED, ADVANCE }

    record Step(Kind kind, int a, int b, int c) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return step().list().ofMinSize(15).ofMaxSize(50);
    }

    private Arbitrary<Step> step() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(4, Kind.NOTICE), Tuple.of(1, Kind.AUTHORITY), Tuple.of(1, Kind.DETECT), Tuple.of(5, Kind.DECIDE),
                Tuple.of(3, Kind.APPROVE), Tuple.of(1, Kind.DECLINE), Tuple.of(4, Kind.APPEAL), Tuple.of(4, Kind.DECIDE_APPEAL),
                Tuple.of(1, Kind.UNFOUNDED), Tuple.of(2, Kind.ADVANCE));
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
    private static final Authority AUTHORITY = new Authority("Autorità per le Garanzie nelle Comunicazioni", new CountryCode("IT"));

    private static <T> T pick(List<T> from, int i) {
        return from.get(i % from.size());
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void everyInvariantHoldsAfterEveryStep(@ForAll("steps") List<Step> steps) {
        Fixture f = new Fixture(steps.size());
        List<Attempted> attempts = new ArrayList<>();
        for (Step step : steps) {
            Optional<Command> command = command(f, step);
            if (command.isPresent()) {
                List<RecordedEvent> before = List.copyOf(f.all());
                Result result = f.core.handle(command.get());
                attempts.add(new Attempted(command.get(), f.clock.instant(), result, before));
                net.jqwik.api.statistics.Statistics.label("outcomes").collect(command.get().getClass().getSimpleName(),
                        result.getClass().getSimpleName());
            }
            if (step.kind() == Kind.ADVANCE) {
                f.clock.advance(Duration.ofDays(1 + step.a() * 17L));
                f.runTimers();
            }
            check(f, attempts);
        }
    }

    record Attempted(Command command, Instant at, Result result, List<RecordedEvent> before) {}

    private Optional<Command> command(Fixture f, Step s) {
        // Steps about proposals, decisions and appeals go to a case that has some, if any does.
        Subject subject = pick(SUBJECTS, s.a());
        View v = new View(f.all(), subject.ref());
        for (int i = 0; i < SUBJECTS.size() && !v.has(s.kind()); i++) {
            subject = pick(SUBJECTS, s.a() + i);
            v = new View(f.all(), subject.ref());
        }
        Person person = pick(PEOPLE, s.b());
        return switch (s.kind()) {
            case NOTICE -> Optional.of(new SubmitNotice(subject, pick(NOTIFIERS, s.b()), Optional.empty(), "Please look at this."));
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

    // ---- the invariants ---------------------------------------------------------------------------------------

    private void check(Fixture f, List<Attempted> attempts) {
        List<RecordedEvent> all = f.all();
        List<Event> events = all.stream().map(RecordedEvent::event).toList();
        invariant1(events);
        invariant2(events);
        invariant3(f, all, attempts);
        invariant4(all);
        invariant8(f, events);
    }

    /** 1. No restriction takes effect before a complete statement of reasons is recorded. */
    private void invariant1(List<Event> events) {
        Set<RestrictionId> stated = new HashSet<>();
        for (Event e : events) {
            if (e instanceof DecisionTaken t && t.decision().outcome() instanceof Outcome.Restrict r) {
                StatementOfReasons s = r.statement();
                assertThat(StatementOfReasons.validate(s.dsa(), s.redress(), s.language(), s.deciders()).errors()).isEmpty();
                r.restrictions().forEach(x -> stated.add(x.id()));
            }
            if (e instanceof RestrictionApplied a) {
                assertThat(stated).as("restriction applied before its statement").contains(a.restriction().id());
            }
        }
    }

    /** 2. Every decision names its deciders and its source; an authority's requests name the authority. */
    private void invariant2(List<Event> events) {
        java.util.Map<NoticeId, Notice> notices = new java.util.HashMap<>();
        for (Event e : events) {
            if (e instanceof NoticeReceived n) {
                notices.put(n.notice().id(), n.notice());
            }
            if (e instanceof DecisionTaken t) {
                var deciders = t.decision().outcome().deciders();
                assertThat(deciders.rule().isPresent() || deciders.reviewer().isPresent()).isTrue();
                if (t.decision().outcome() instanceof Outcome.Restrict r) {
                    List<NoticeSource> sources = t.decision().notices().stream().map(notices::get).map(Notice::source).toList();
                    SourceType expected = sources.stream().anyMatch(NoticeSource.FromAuthority.class::isInstance) ? SourceType.SOURCE_TYPE_OTHER_NOTIFICATION
                            : sources.stream().anyMatch(NoticeSource.TrustedFlagger.class::isInstance) ? SourceType.SOURCE_TRUSTED_FLAGGER
                            : sources.isEmpty() ? SourceType.SOURCE_VOLUNTARY : SourceType.SOURCE_ARTICLE_16;
                    assertThat(r.statement().dsa().sourceType()).contains(expected);
                }
            }
            if (e instanceof AuthorityEvent.AuthorityRequestRegistered r) {
                assertThat(r.authority().name()).isNotBlank();
                assertThat(r.legalBasis().citation()).isNotBlank();
            }
        }
    }

    /**
     * 3. An appeal can be filed for at least 6 months; it is decided by a person who took no part; the outcome has
     * reasons; a reversal restores the subject and informs the affected person and the notifier.
     */
    private void invariant3(Fixture f, List<RecordedEvent> all, List<Attempted> attempts) {
        for (Attempted a : attempts) {
            if (a.command() instanceof FileAppeal c && a.result() instanceof Result.Rejected r
                    && r.errors().stream().anyMatch(e -> e.field().equals("decision") && e.problem().startsWith("the time to appeal"))) {
                Decision d = decisions(a.before()).stream().filter(x -> x.id().equals(c.decision())).findFirst().orElseThrow();
                assertThat(a.at()).as("refused as late").isAfter(d.decidedAt().atZone(ZoneOffset.UTC).plusMonths(6).toInstant());
            }
        }
        List<Event> events = all.stream().map(RecordedEvent::event).toList();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof AppealDecided ad)) {
                continue;
            }
            List<Event> before = events.subList(0, i);
            assertThat(ad.outcome().reasons()).isNotBlank();
            assertThat(participants(before, ad.decision())).noneMatch(ad.reviewer()::isSamePersonAs);
            if (ad.outcome() instanceof AppealOutcome.Reversed) {
                Decision d = decisionIn(before, ad.decision());
                Set<RestrictionId> lifted = new HashSet<>();
                events.stream().filter(RestrictionLifted.class::isInstance).map(RestrictionLifted.class::cast).forEach(l -> lifted.add(l.restriction()));
                assertThat(lifted).containsAll(d.outcome().restrictions().stream().map(Restriction::id).toList());
                List<PersonInformed> told = events.stream().filter(PersonInformed.class::isInstance).map(PersonInformed.class::cast)
                        .filter(p -> p.appeal().equals(Optional.of(ad.appeal()))).toList();
                assertThat(told).anyMatch(p -> p.recipient() instanceof Recipient.Owner);
                for (NoticeId n : d.notices()) {
                    assertThat(told).anyMatch(p -> p.recipient() instanceof Recipient.NoticeSender s && s.notice().equals(n));
                }
            }
        }
        // Whoever the affected person is, an appeal of a standing decision within six months is accepted.
        for (Attempted a : attempts) {
            if (a.command() instanceof FileAppeal c && c.appellant() instanceof Appellant.AffectedPerson) {
                Decision d = decisions(a.before()).stream().filter(x -> x.id().equals(c.decision())).findFirst().orElseThrow();
                boolean within = !a.at().isAfter(d.decidedAt().atZone(ZoneOffset.UTC).plusMonths(6).toInstant());
                boolean open = a.before().stream().map(RecordedEvent::event).noneMatch(e ->
                        e instanceof AppealFiled af && af.appeal().decision().equals(d.id()) && a.before().stream().map(RecordedEvent::event)
                                .noneMatch(x -> x instanceof AppealDecided x2 && x2.appeal().equals(af.appeal().id())));
                boolean standing = a.before().stream().map(RecordedEvent::event).noneMatch(e -> e instanceof AppealDecided x
                        && x.decision().equals(d.id()) && !(x.outcome() instanceof AppealOutcome.Upheld));
                if (within && open && standing) {
                    assertThat(a.result()).as("an appeal within six months").isInstanceOf(Result.Accepted.class);
                }
            }
        }
    }

    /** 4. High-impact actions need two different people; automation may only propose them. */
    private void invariant4(List<RecordedEvent> all) {
        java.util.Map<String, Subject> subjects = new java.util.HashMap<>();
        for (RecordedEvent r : all) {
            if (r.event() instanceof SubjectDescribed sd) {
                subjects.put(r.stream().key(), sd.subject());
            }
            if (r.event() instanceof DecisionTaken t && !t.decision().outcome().restrictions().isEmpty()) {
                Subject s = subjects.get(r.stream().key());
                boolean accountLevel = s.ref().kind() != SubjectKind.CONTENT
                        || t.decision().outcome().restrictions().stream().anyMatch(x -> x.measure().isAccountLevel());
                if (accountLevel && s.isSensitive(100_000)) {
                    List<Person> people = t.decision().outcome().deciders().people();
                    assertThat(people.stream().map(Person::pseudonym).distinct().count()).as("high-impact by two people").isGreaterThanOrEqualTo(2);
                }
            }
        }
    }

    /** 8. Authority requests: legal basis, linked to their actions, disclosed unless held, holds expire. */
    private void invariant8(Fixture f, List<Event> events) {
        for (Event e : events) {
            if (!(e instanceof AuthorityEvent.AuthorityRequestRegistered reg)) {
                continue;
            }
            AuthorityRequestId id = reg.request();
            boolean disclosed = events.stream().anyMatch(x -> x instanceof AuthorityEvent.AuthorityRequestDisclosed d && d.request().equals(id));
            boolean holdEnded = reg.hold().map(h -> !h.until().isAfter(f.clock.instant())).orElse(true);
            assertThat(disclosed).as("disclosed exactly when no hold delays it").isEqualTo(holdEnded);
            for (Event x : events) {
                if (x instanceof DecisionTaken t && t.decision().notices().contains(reg.notice())) {
                    assertThat(events).anyMatch(l -> l instanceof AuthorityEvent.AuthorityActionLinked link
                            && link.request().equals(id) && link.decision().equals(t.decision().id()));
                }
            }
        }
        // While a hold lasts, no statement names the authority for that request.
        Set<AuthorityRequestId> held = new HashSet<>();
        java.util.Map<NoticeId, AuthorityRequestId> requestOf = new java.util.HashMap<>();
        for (Event e : events) {
            switch (e) {
                case AuthorityEvent.AuthorityRequestRegistered r -> {
                    requestOf.put(r.notice(), r.request());
                    r.hold().ifPresent(h -> held.add(r.request()));
                }
                case AuthorityEvent.LegalHoldExpired x -> held.remove(x.request());
                case DecisionTaken t when t.decision().outcome() instanceof Outcome.Restrict r -> {
                    List<AuthorityRequestId> requests = t.decision().notices().stream().map(requestOf::get).filter(java.util.Objects::nonNull).toList();
                    if (!requests.isEmpty() && held.containsAll(requests)) {
                        assertThat(r.statement().dsa().sourceIdentity().orElse("")).doesNotContain(AUTHORITY.name());
                    }
                }
                default -> { }
            }
        }
    }

    private static List<Decision> decisions(List<RecordedEvent> all) {
        return all.stream().map(RecordedEvent::event).filter(DecisionTaken.class::isInstance).map(e -> ((DecisionTaken) e).decision()).toList();
    }

    private static Decision decisionIn(List<Event> events, DecisionId id) {
        return events.stream().filter(DecisionTaken.class::isInstance).map(e -> ((DecisionTaken) e).decision())
                .filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** Computed independently of the core: deciders of the decision and its predecessors, and earlier reviewers. */
    private static List<Person> participants(List<Event> before, DecisionId decision) {
        List<Person> people = new ArrayList<>();
        Optional<DecisionId> current = Optional.of(decision);
        while (current.isPresent()) {
            DecisionId d = current.get();
            DecisionTaken taken = before.stream().filter(DecisionTaken.class::isInstance).map(DecisionTaken.class::cast)
                    .filter(t -> t.decision().id().equals(d)).findFirst().orElseThrow();
            people.addAll(taken.decision().outcome().deciders().people());
            before.stream().filter(AppealDecided.class::isInstance).map(AppealDecided.class::cast)
                    .filter(a -> a.decision().equals(d)).forEach(a -> people.add(a.reviewer()));
            current = taken.replacing().map(appeal -> before.stream().filter(AppealFiled.class::isInstance).map(AppealFiled.class::cast)
                    .filter(af -> af.appeal().id().equals(appeal)).findFirst().orElseThrow().appeal().decision());
        }
        return people;
    }
}
