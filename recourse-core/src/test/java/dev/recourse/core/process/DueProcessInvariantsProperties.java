package dev.recourse.core.process;

import static dev.recourse.core.process.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.command.Command.*;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.Notice;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.process.CommandSequences.Attempted;
import dev.recourse.core.process.CommandSequences.Step;
import dev.recourse.core.statement.SourceType;
import dev.recourse.core.statement.StatementOfReasons;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random command sequences driven through the core against the in-memory store and a stepping clock; after every
 * step, due-process invariants 1 to 4 and 8 of DESIGN.md are checked over everything stored.
 */
class DueProcessInvariantsProperties {

    @Provide
    Arbitrary<List<Step>> steps() {
        return CommandSequences.steps();
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void everyInvariantHoldsAfterEveryStep(@ForAll("steps") List<Step> steps) {
        Fixture f = new Fixture(steps.size());
        List<Attempted> attempts = new ArrayList<>();
        for (Step step : steps) {
            CommandSequences.take(f, step).ifPresent(a -> {
                attempts.add(a);
                net.jqwik.api.statistics.Statistics.label("outcomes").collect(a.command().getClass().getSimpleName(),
                        a.result().getClass().getSimpleName());
            });
            check(f, attempts);
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
        // A reversal outside an appeal, by a senior moderator or an administrator only, restores the subject and
        // informs the affected person and every notifier of the decision.
        for (Attempted a : attempts) {
            if (!(a.command() instanceof ReverseDecision c)) {
                continue;
            }
            boolean entitled = c.person().role() == dev.recourse.core.decider.Role.SENIOR_MODERATOR
                    || c.person().role() == dev.recourse.core.decider.Role.ADMINISTRATOR;
            if (!entitled) {
                assertThat(a.result()).as("a reversal by " + c.person()).isInstanceOf(Result.Rejected.class);
            }
            if (!(a.result() instanceof Result.Accepted accepted)) {
                continue;
            }
            assertThat(entitled).as("accepted from " + c.person()).isTrue();
            Decision d = decisions(a.before()).stream().filter(x -> x.id().equals(c.decision())).findFirst().orElseThrow();
            List<Event> done = accepted.events().stream().map(RecordedEvent::event).toList();
            Set<RestrictionId> liftedBefore = new HashSet<>();
            a.before().stream().map(RecordedEvent::event).filter(RestrictionLifted.class::isInstance).map(RestrictionLifted.class::cast)
                    .forEach(l -> liftedBefore.add(l.restriction()));
            Set<RestrictionId> liftedNow = new HashSet<>(liftedBefore);
            done.stream().filter(RestrictionLifted.class::isInstance).map(RestrictionLifted.class::cast).forEach(l -> {
                assertThat(l.cause()).isEqualTo(new dev.recourse.core.event.LiftCause.Corrected(c.person(), c.reasons()));
                liftedNow.add(l.restriction());
            });
            assertThat(liftedNow).containsAll(d.outcome().restrictions().stream().map(Restriction::id).toList());
            assertThat(liftedNow).hasSizeGreaterThan(liftedBefore.size());
            List<PersonInformed> told = done.stream().filter(PersonInformed.class::isInstance).map(PersonInformed.class::cast)
                    .filter(p -> p.topic() == dev.recourse.core.event.Topic.CORRECTED).toList();
            assertThat(told).anyMatch(p -> p.recipient() instanceof Recipient.Owner);
            for (NoticeId n : d.notices()) {
                assertThat(told).anyMatch(p -> p.recipient() instanceof Recipient.NoticeSender s && s.notice().equals(n));
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
                        assertThat(r.statement().dsa().sourceIdentity().orElse("")).doesNotContain(CommandSequences.AUTHORITY.name());
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
