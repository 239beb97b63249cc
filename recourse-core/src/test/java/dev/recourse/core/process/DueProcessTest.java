package dev.recourse.core.process;

import static dev.recourse.core.process.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.FieldError;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.command.Command.*;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.event.AccountEvent;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.Topic;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.statement.SourceType;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DueProcessTest {
    private static final Location LOCATION = new Location("https://social.example/posts/1");
    private final Fixture f = new Fixture();
    private final Subject post = post("post-1", "owner-1");

    private static final PlannedRestriction REMOVE = PlannedRestriction.everywhere(
            new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()));
    private static final PlannedRestriction SUSPEND = PlannedRestriction.everywhere(
            new Measure.Account(DecisionAccount.DECISION_ACCOUNT_SUSPENDED));

    private NoticeId notice(Subject subject, String notifier) {
        f.accept(new SubmitNotice(subject, new NoticeSource.User(new NotifierId(notifier)),
                Optional.of(new Contact("Nora Notifier", notifier + "@example.eu")), "This post is hateful.", LOCATION, GoodFaith.AFFIRMED));
        return f.events(NoticeReceived.class).getLast().notice().id();
    }

    private DecisionId removeByAda(NoticeId notice) {
        f.accept(new Decide(post.ref(), Set.of(notice), Set.of(), new DecidedBy.Moderator(ADA),
                new Plan.Restrict(List.of(REMOVE), illegalReasons())));
        return f.events(DecisionTaken.class).getLast().decision().id();
    }

    @Test
    void describingASubjectOpensItsCaseOnceAndRecordsOnlyChangedDescriptions() {
        f.accept(new DescribeSubject(post));
        f.accept(new DescribeSubject(post));
        assertThat(f.events(CaseOpened.class)).hasSize(1);
        assertThat(f.events(SubjectDescribed.class)).hasSize(1);
        f.accept(new DescribeSubject(journalistAccount("acct-9")));
        assertThat(f.events(CaseOpened.class)).hasSize(2);
    }

    @Test
    void aDecisionRecordsItsCompleteStatementBeforeItsRestrictionAndInformsBothSides() {
        NoticeId n = notice(post, "nora");
        DecisionId d = removeByAda(n);
        DecisionTaken taken = f.only(DecisionTaken.class);
        DsaStatement dsa = ((dev.recourse.core.decision.Outcome.Restrict) taken.decision().outcome()).statement().dsa();
        assertThat(dsa.problems()).isEmpty();
        assertThat(dsa.puid()).contains(d.toString());
        assertThat(dsa.sourceType()).contains(SourceType.SOURCE_ARTICLE_16);
        assertThat(dsa.sourceIdentity()).as("users are people: never named").isEmpty();
        assertThat(dsa.contentLanguage()).contains("DE");
        assertThat(dsa.territorialScope()).hasSize(30);
        int decidedAt = f.all().stream().map(e -> e.event()).toList().indexOf(taken);
        int appliedAt = f.all().stream().map(e -> e.event()).toList().indexOf(f.only(RestrictionApplied.class));
        assertThat(decidedAt).isLessThan(appliedAt);
        assertThat(f.events(PersonInformed.class)).extracting(PersonInformed::topic)
                .containsExactly(Topic.NOTICE_RECEIVED, Topic.DECISION, Topic.DECISION);
        assertThat(f.only(AccountEvent.StrikeRecorded.class).decision()).isEqualTo(d);
    }

    @Test
    void anIncompleteStatementIsRefusedNamingTheDsaFieldAndNothingChanges() {
        NoticeId n = notice(post, "nora");
        var reasons = new dev.recourse.core.decision.Reasons(illegalReasons().grounds().toBuilder().illegalContentLegalGround(null).build());
        Result.Rejected r = f.reject(new Decide(post.ref(), Set.of(n), Set.of(), new DecidedBy.Moderator(ADA),
                new Plan.Restrict(List.of(REMOVE), reasons)));
        assertThat(r.errors()).extracting(FieldError::field).containsExactly("illegal_content_legal_ground");
    }

    @Test
    void aRestrictionOutsideTheEeaCannotBeStatedAndIsRefused() {
        NoticeId n = notice(post, "nora");
        var usOnly = new PlannedRestriction(REMOVE.measure(), new TerritorialScope.Countries(Set.of(new CountryCode("US"))), Optional.empty());
        assertThat(f.reject(new Decide(post.ref(), Set.of(n), Set.of(), new DecidedBy.Moderator(ADA),
                new Plan.Restrict(List.of(usOnly), illegalReasons()))).errors()).extracting(FieldError::field).containsExactly("territorial_scope");
    }

    @Test
    void aDecisionAboutAnUnknownSubjectOrNoticeIsRefused() {
        assertThat(f.reject(new Decide(post.ref(), Set.of(), Set.of(), new DecidedBy.Moderator(ADA),
                new Plan.Restrict(List.of(REMOVE), illegalReasons()))).errors()).extracting(FieldError::field).containsExactly("subject");
        notice(post, "nora");
        assertThat(f.reject(new Decide(post.ref(), Set.of(new NoticeId(java.util.UUID.randomUUID())), Set.of(), new DecidedBy.Moderator(ADA),
                new Plan.TakeNoAction("fine"))).errors()).extracting(FieldError::field).containsExactly("notices");
    }

    @Test
    void aHighImpactActionByOnePersonWaitsForASecondDifferentPerson() {
        Subject account = journalistAccount("acct-9");
        f.accept(new SubmitNotice(account, new NoticeSource.User(new NotifierId("nora")), Optional.empty(), "spam account", LOCATION, GoodFaith.AFFIRMED));
        NoticeId n = f.only(NoticeReceived.class).notice().id();
        f.accept(new Decide(account.ref(), Set.of(n), Set.of(), new DecidedBy.Moderator(ADA), new Plan.Restrict(List.of(SUSPEND), termsReasons())));
        assertThat(f.events(DecisionTaken.class)).isEmpty();
        assertThat(f.events(RestrictionApplied.class)).isEmpty();
        DecisionId proposal = f.only(DecisionProposed.class).proposal();
        assertThat(f.reject(new ApproveProposal(account.ref(), proposal, ADA)).errors()).extracting(FieldError::field).containsExactly("approver");
        f.accept(new ApproveProposal(account.ref(), proposal, BEA));
        DecisionTaken taken = f.only(DecisionTaken.class);
        assertThat(taken.decision().outcome().deciders().people()).containsExactly(ADA, BEA);
    }

    @Test
    void automationOnlyProposesHighImpactActionsAndTwoPeopleMustApprove() {
        Subject account = journalistAccount("acct-9");
        f.accept(new RecordDetection(account, new dev.recourse.core.notice.Signal.RuleMatch(new Versioned("mass-spam", "3"))));
        var detection = f.only(DetectionRecorded.class).detection().id();
        f.accept(new Decide(account.ref(), Set.of(), Set.of(detection),
                new DecidedBy.Rule(AutomatedRule.of(new Versioned("mass-spam", "3")), Mode.ENFORCE), new Plan.Restrict(List.of(SUSPEND), termsReasons())));
        DecisionId proposal = f.only(DecisionProposed.class).proposal();
        f.accept(new ApproveProposal(account.ref(), proposal, ADA));
        assertThat(f.events(DecisionTaken.class)).isEmpty();
        f.accept(new ApproveProposal(account.ref(), proposal, BEA));
        DecisionTaken taken = f.only(DecisionTaken.class);
        assertThat(taken.decision().outcome().deciders().rule()).isPresent();
        assertThat(taken.decision().outcome().deciders().people()).hasSize(2);
    }

    @Test
    void anAppealIsOpenForSixMonthsAndNotAfter() {
        NoticeId n = notice(post, "nora");
        DecisionId d = removeByAda(n);
        f.clock.advance(Duration.ofDays(183));
        f.accept(new FileAppeal(post.ref(), d, new Appellant.AffectedPerson(post.owner()), "It was satire."));
        Fixture g = new Fixture();
        Subject p = post;
        g.accept(new SubmitNotice(p, new NoticeSource.User(new NotifierId("nora")), Optional.empty(), "x", LOCATION, GoodFaith.AFFIRMED));
        NoticeId gn = g.only(NoticeReceived.class).notice().id();
        g.accept(new Decide(p.ref(), Set.of(gn), Set.of(), new DecidedBy.Moderator(ADA), new Plan.Restrict(List.of(REMOVE), illegalReasons())));
        DecisionId gd = g.only(DecisionTaken.class).decision().id();
        g.clock.advance(Duration.ofDays(185));
        assertThat(g.reject(new FileAppeal(p.ref(), gd, new Appellant.AffectedPerson(p.owner()), "late")).errors())
                .extracting(FieldError::field).containsExactly("decision");
    }

    @Test
    void aReversalRestoresTheSubjectInformsBothSidesAndWithdrawsTheStrike() {
        NoticeId n = notice(post, "nora");
        DecisionId d = removeByAda(n);
        f.accept(new FileAppeal(post.ref(), d, new Appellant.AffectedPerson(post.owner()), "It was satire."));
        var appeal = f.only(AppealFiled.class).appeal().id();
        assertThat(f.reject(new DecideAppeal(post.ref(), appeal, ADA, new AppealOutcome.Reversed("satire"), List.of())).errors())
                .extracting(FieldError::field).containsExactly("reviewer");
        assertThat(f.reject(new DecideAppeal(post.ref(), appeal, CEM, new AppealOutcome.Reversed(" "), List.of())).errors())
                .extracting(FieldError::field).containsExactly("outcome.reasons");
        f.accept(new DecideAppeal(post.ref(), appeal, CEM, new AppealOutcome.Reversed("Satire, clearly marked as such."), List.of()));
        assertThat(f.only(RestrictionLifted.class).cause()).isEqualTo(new LiftCause.Reversed(appeal));
        List<PersonInformed> told = f.events(PersonInformed.class).stream().filter(p -> p.appeal().isPresent() && p.topic() != Topic.APPEAL_RECEIVED).toList();
        assertThat(told).extracting(PersonInformed::recipient).anyMatch(Recipient.Owner.class::isInstance)
                .anyMatch(r -> r instanceof Recipient.NoticeSender s && s.notice().equals(n));
        assertThat(f.only(AccountEvent.StrikeWithdrawn.class).appeal()).isEqualTo(appeal);
    }

    @Test
    void aSeniorModeratorReversesADecisionOutsideAnAppealAndBothSidesAreTold() {
        NoticeId n = notice(post, "nora");
        DecisionId d = removeByAda(n);
        f.accept(new ReverseDecision(post.ref(), d, BEA, "A mistake found in review."));
        assertThat(f.only(RestrictionLifted.class).cause()).isEqualTo(new LiftCause.Corrected(BEA, "A mistake found in review."));
        List<PersonInformed> told = f.events(PersonInformed.class).stream().filter(p -> p.topic() == Topic.CORRECTED).toList();
        assertThat(told).extracting(PersonInformed::recipient).anyMatch(Recipient.Owner.class::isInstance)
                .anyMatch(r -> r instanceof Recipient.NoticeSender s && s.notice().equals(n));
        assertThat(f.only(AccountEvent.StrikeCorrected.class).decision()).isEqualTo(d);
    }

    @Test
    void aReversalOutsideAnAppealNeedsASeniorModeratorOrAnAdministratorAndReasons() {
        DecisionId d = removeByAda(notice(post, "nora"));
        assertThat(f.reject(new ReverseDecision(post.ref(), d, ADA, "mine was wrong")).errors())
                .extracting(FieldError::field).containsExactly("person");
        assertThat(f.reject(new ReverseDecision(post.ref(), d, BEA, " ")).errors())
                .extracting(FieldError::field).containsExactly("reasons");
        assertThat(f.events(RestrictionLifted.class)).isEmpty();
    }

    @Test
    void aDecisionAlreadyReversedOrLiftedIsNotReversedAgain() {
        DecisionId d = removeByAda(notice(post, "nora"));
        f.accept(new ReverseDecision(post.ref(), d, BEA, "A mistake found in review."));
        assertThat(f.reject(new ReverseDecision(post.ref(), d, BEA, "again")).errors())
                .extracting(FieldError::problem).singleElement().asString().contains("no restriction of this decision stands");
        f.accept(new FileAppeal(post.ref(), d, new Appellant.AffectedPerson(post.owner()), "It was satire."));
        f.accept(new DecideAppeal(post.ref(), f.only(AppealFiled.class).appeal().id(), CEM, new AppealOutcome.Reversed("Satire."), List.of()));
        assertThat(f.reject(new ReverseDecision(post.ref(), d, BEA, "again")).errors())
                .extracting(FieldError::problem).singleElement().asString().contains("already reversed");
    }

    @Test
    void aReviewerOfAnEarlierAppealDoesNotReviewTheNextOne() {
        NoticeId n = notice(post, "nora");
        DecisionId d = removeByAda(n);
        f.accept(new FileAppeal(post.ref(), d, new Appellant.AffectedPerson(post.owner()), "satire"));
        f.accept(new DecideAppeal(post.ref(), f.only(AppealFiled.class).appeal().id(), CEM, new AppealOutcome.Upheld("Not satire."), List.of()));
        f.accept(new FileAppeal(post.ref(), d, new Appellant.AffectedPerson(post.owner()), "really satire"));
        var second = f.events(AppealFiled.class).getLast().appeal().id();
        assertThat(f.reject(new DecideAppeal(post.ref(), second, CEM, new AppealOutcome.Upheld("again"), List.of())).errors())
                .extracting(FieldError::field).containsExactly("reviewer");
        f.accept(new DecideAppeal(post.ref(), second, DAN, new AppealOutcome.Upheld("Still not satire."), List.of()));
    }

    @Test
    void aModifiedDecisionReplacesTheRestrictionsWithAStatementOfItsOwn() {
        NoticeId n = notice(post, "nora");
        DecisionId d = removeByAda(n);
        f.accept(new FileAppeal(post.ref(), d, new Appellant.Notifier(n), "should also label"));
        var appeal = f.only(AppealFiled.class).appeal().id();
        var label = PlannedRestriction.everywhere(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_LABELLED, Optional.empty()));
        f.accept(new DecideAppeal(post.ref(), appeal, CEM, new AppealOutcome.Modified("A label suffices.", List.of(label), illegalReasons()), List.of()));
        assertThat(f.only(RestrictionLifted.class).cause()).isEqualTo(new LiftCause.Replaced(appeal));
        DecisionTaken replacement = f.events(DecisionTaken.class).getLast();
        assertThat(replacement.replacing()).contains(appeal);
        assertThat(replacement.decision().outcome().deciders().people()).containsExactly(CEM);
    }

    @Test
    void aTimedRestrictionExpiresByItselfAsAnEvent() {
        NoticeId n = notice(post, "nora");
        var week = new PlannedRestriction(REMOVE.measure(), TerritorialScope.EVERYWHERE, Optional.of(START.plus(Duration.ofDays(7))));
        f.accept(new Decide(post.ref(), Set.of(n), Set.of(), new DecidedBy.Moderator(ADA), new Plan.Restrict(List.of(week), illegalReasons())));
        var restriction = f.only(RestrictionApplied.class).restriction().id();
        assertThat(f.reject(new ExpireRestriction(post.ref(), restriction)).errors()).extracting(FieldError::field).containsExactly("restriction");
        f.clock.advance(Duration.ofDays(7));
        assertThat(f.runTimers()).isEqualTo(1);
        assertThat(f.only(RestrictionLifted.class).cause()).isEqualTo(new LiftCause.Expired());
        assertThat(f.runTimers()).isZero();
    }

    @Test
    void anAuthorityRequestUnderHoldIsNotNamedUntilTheHoldExpires() {
        Authority police = new Authority("Landeskriminalamt Berlin", new CountryCode("DE"));
        f.accept(new RegisterAuthorityRequest(post, AuthorityKind.ORDER, police, new LegalBasis("Art. 9 DSA with § 130 StGB"),
                Optional.empty(), "Order to remove.", Optional.of(new LegalHold(START.plus(Duration.ofDays(30)), "ongoing investigation"))));
        assertThat(f.events(AuthorityEvent.AuthorityRequestDisclosed.class)).isEmpty();
        NoticeId n = f.only(NoticeReceived.class).notice().id();
        DecisionId d = removeByAda(n);
        var statement = ((dev.recourse.core.decision.Outcome.Restrict) f.only(DecisionTaken.class).decision().outcome()).statement();
        assertThat(statement.dsa().sourceType()).contains(SourceType.SOURCE_TYPE_OTHER_NOTIFICATION);
        assertThat(statement.dsa().sourceIdentity()).isEmpty();
        assertThat(f.only(AuthorityEvent.AuthorityActionLinked.class).held()).isTrue();
        f.clock.advance(Duration.ofDays(30));
        f.runTimers();
        var disclosed = f.only(AuthorityEvent.AuthorityRequestDisclosed.class);
        assertThat(disclosed.authority()).isEqualTo(police);
        assertThat(disclosed.decisions()).containsExactly(d);
    }

    @Test
    void anAuthorityRequestWithoutHoldIsDisclosedAtOnceAndNamedInTheStatement() {
        Authority court = new Authority("Tribunal judiciaire de Paris", new CountryCode("FR"));
        f.accept(new RegisterAuthorityRequest(post, AuthorityKind.ORDER, court, new LegalBasis("Art. 9 DSA"), Optional.empty(), "Remove.", Optional.empty()));
        assertThat(f.events(AuthorityEvent.AuthorityRequestDisclosed.class)).hasSize(1);
        removeByAda(f.only(NoticeReceived.class).notice().id());
        var statement = ((dev.recourse.core.decision.Outcome.Restrict) f.only(DecisionTaken.class).decision().outcome()).statement();
        assertThat(statement.dsa().sourceIdentity()).contains("Tribunal judiciaire de Paris");
    }

    @Test
    void aNotifierOfManifestlyUnfoundedNoticesIsWarnedThenSuspendedThenResumed() {
        for (int i = 0; i < 5; i++) {
            NoticeId n = notice(post("p" + i, "o"), "troll");
            f.accept(new FindNoticeUnfounded(post("p" + i, "o").ref(), n, ADA, "Reports a cat picture as terrorism."));
        }
        assertThat(f.events(NotifierEvent.NotifierWarned.class)).hasSize(1);
        assertThat(f.events(NotifierEvent.NoticeProcessingSuspended.class)).hasSize(1);
        assertThat(f.reject(new SubmitNotice(post, new NoticeSource.User(new NotifierId("troll")), Optional.empty(), "again", LOCATION, GoodFaith.AFFIRMED)).errors())
                .extracting(FieldError::field).containsExactly("source");
        f.clock.advance(Duration.ofDays(30));
        f.runTimers();
        f.accept(new SubmitNotice(post, new NoticeSource.User(new NotifierId("troll")), Optional.empty(), "again", LOCATION, GoodFaith.AFFIRMED));
    }

    @Test
    void strikesExpire() {
        removeByAda(notice(post, "nora"));
        f.clock.advance(Duration.ofDays(365));
        f.runTimers();
        assertThat(f.events(AccountEvent.StrikeExpired.class)).hasSize(1);
    }

    @Test
    void noActionAnswersTheNotifierAndCanBeAppealedByThem() {
        NoticeId n = notice(post, "nora");
        f.accept(new Decide(post.ref(), Set.of(n), Set.of(), new DecidedBy.Moderator(ADA), new Plan.TakeNoAction("Not illegal; criticism of a politician.")));
        DecisionId d = f.only(DecisionTaken.class).decision().id();
        assertThat(f.events(RestrictionApplied.class)).isEmpty();
        f.accept(new FileAppeal(post.ref(), d, new Appellant.Notifier(n), "It is illegal."));
        assertThat(f.reject(new FileAppeal(post.ref(), d, new Appellant.Notifier(n), "again")).errors()).extracting(FieldError::field).containsExactly("decision");
        var appeal = f.only(AppealFiled.class).appeal().id();
        assertThat(f.reject(new DecideAppeal(post.ref(), appeal, CEM, new AppealOutcome.Reversed("x"), List.of())).errors())
                .extracting(FieldError::field).containsExactly("outcome");
        f.accept(new DecideAppeal(post.ref(), appeal, CEM, new AppealOutcome.Upheld("Criticism is protected."), List.of()));
    }
}
