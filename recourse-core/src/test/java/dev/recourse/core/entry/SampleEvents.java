package dev.recourse.core.entry;

import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.event.CaseEvent.DecisionTaken;
import dev.recourse.core.event.CaseEvent.DetectionRecorded;
import dev.recourse.core.event.CaseEvent.NoticeReceived;
import dev.recourse.core.event.CaseEvent.SubjectDescribed;
import dev.recourse.core.event.RuleEvent.BreakerTripped;
import dev.recourse.core.event.Event;
import dev.recourse.core.notice.Contact;
import dev.recourse.core.notice.Detection;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.GoodFaith;
import dev.recourse.core.notice.Location;
import dev.recourse.core.notice.Notice;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.ContentType;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.statement.Keyword;
import dev.recourse.core.statement.Redress;
import dev.recourse.core.statement.SourceType;
import dev.recourse.core.statement.StatementOfReasons;
import dev.recourse.core.statement.YesNo;
import dev.recourse.core.safeguard.Cohort;
import dev.recourse.core.safeguard.TripCause;
import dev.recourse.core.safeguard.TripFigures;
import dev.recourse.core.statement.AccountType;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.NetworkId;
import dev.recourse.core.subject.ProtectedMark;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Events with every kind of value in them (sets of more than one element, optionals present and empty, nested
 * variants, escaped and non-ASCII text, fractions, sub-second times), with fixed ids and times: the events the golden
 * files pin, and that every {@link dev.recourse.core.port.EventStore} must give back equal.
 */
public final class SampleEvents {
    private SampleEvents() {}

    public static final Instant AT = Instant.parse("2025-03-14T09:00:00Z");
    public static final CaseId CASE = new CaseId(UUID.fromString("7b0c8a52-3f1e-4c2a-9d4e-5f6a7b8c9d0e"));
    public static final NoticeId NOTICE_1 = new NoticeId(UUID.fromString("11111111-2222-4333-8444-555555555555"));
    public static final NoticeId NOTICE_2 = new NoticeId(UUID.fromString("0fffffff-2222-4333-8444-555555555555"));
    public static final Person ADA = new Person(new Pseudonym("mod-ada"), Role.MODERATOR);

    /** A restrictive decision with its whole statement of reasons, answering two notices, in two countries. */
    public static DecisionTaken decisionTaken() {
        DsaStatement dsa = DsaStatement.builder()
                .decisionVisibility(Set.of(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED))
                .decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                .illegalContentLegalGround("\u00a7 130 StGB")
                .illegalContentExplanation("Incites hatred against a religious group.")
                .contentType(Set.of(ContentType.CONTENT_TYPE_VIDEO, ContentType.CONTENT_TYPE_TEXT))
                .category(Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH)
                .categorySpecification(Set.of(Keyword.KEYWORD_INCITEMENT_VIOLENCE_HATRED, Keyword.KEYWORD_HATE_SPEECH))
                .territorialScope(List.of("DE", "AT"))
                .contentLanguage("DE")
                .contentDate(LocalDate.of(2025, 3, 1))
                .applicationDate(LocalDate.of(2025, 3, 14))
                .decisionFacts("Two user notices; a moderator reviewed the video against the law.")
                .sourceType(SourceType.SOURCE_ARTICLE_16)
                .automatedDetection(YesNo.No)
                .automatedDecision(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED)
                .puid("d0d0d0d0-0000-4000-8000-000000000001")
                .build();
        Redress redress = new Redress(Instant.parse("2025-09-14T00:00:00Z"), "A certified dispute settlement body: https://ods.example.eu",
                "The courts where you live.");
        StatementOfReasons statement = new StatementOfReasons(dsa, redress, new LanguageCode("de"), Deciders.person(ADA));
        Restriction removed = new Restriction(new RestrictionId(UUID.fromString("a1a2a3a4-b1b2-4c1c-8d1d-e1e2e3e4e5e6")),
                new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()),
                new TerritorialScope.Countries(Set.of(new CountryCode("DE"), new CountryCode("AT"))), Optional.of(AT.plusSeconds(86_400 * 30)));
        Decision decision = new Decision(new DecisionId(UUID.fromString("d0d0d0d0-0000-4000-8000-000000000001")), AT,
                Set.of(NOTICE_1, NOTICE_2), Set.of(), new Outcome.Restrict(List.of(removed), statement));
        return new DecisionTaken(CASE, decision, Optional.empty(), AT);
    }

    /**
     * A trusted flagger's notice with the sender's contact, an explanation that needs escaping, the content's location
     * and the statement of good faith.
     */
    public static NoticeReceived noticeReceived() {
        Notice notice = new Notice(NOTICE_1, new NoticeSource.TrustedFlagger(new NotifierId("tf-17"), "Beispiel Meldestelle e.V."),
                Optional.of(new Contact("Zoë Øster", "zoe@example.org")), "Zitat: \u201eraus mit \"denen\"\u201c\n\u2014 siehe Anhang \ud83d\udcce",
                AT.minusSeconds(3600), Optional.of(new Location("https://social.example/p/4711?lang=de&ref=\u00fc")),
                Optional.of(GoodFaith.AFFIRMED));
        return new NoticeReceived(CASE, notice, AT);
    }

    /** {@link #noticeReceived} as it was stored before notices recorded the location and the statement of good faith. */
    public static NoticeReceived noticeReceivedWithoutLocation() {
        Notice notice = noticeReceived().notice();
        return new NoticeReceived(CASE, new Notice(notice.id(), notice.source(), notice.contact(), notice.explanation(),
                notice.received(), Optional.empty(), Optional.empty()), AT);
    }

    /** A recall lifted a restriction, and the owner is told the recall's reasons and apology. */
    public static dev.recourse.core.event.CaseEvent.RestrictionLifted restrictionLiftedByRecall() {
        return recalledLift(new dev.recourse.core.event.LiftCause.Recalled(RECALL, new Versioned("political-words", "7"),
                Optional.of("The rule matched political vocabulary."), Optional.of("Wir bitten um Entschuldigung — unser Fehler.")));
    }

    /** {@link #restrictionLiftedByRecall} as it was stored before lifts carried the recall's reasons and apology. */
    public static dev.recourse.core.event.CaseEvent.RestrictionLifted restrictionLiftedByRecallWithoutTexts() {
        return recalledLift(new dev.recourse.core.event.LiftCause.Recalled(RECALL, new Versioned("political-words", "7")));
    }

    private static dev.recourse.core.event.CaseEvent.RestrictionLifted recalledLift(dev.recourse.core.event.LiftCause cause) {
        return new dev.recourse.core.event.CaseEvent.RestrictionLifted(CASE,
                new DecisionId(UUID.fromString("d0d0d0d0-0000-4000-8000-000000000001")),
                new dev.recourse.core.subject.SubjectRef(dev.recourse.core.subject.SubjectKind.CONTENT, "post-4711"),
                new dev.recourse.core.decision.RestrictionId(UUID.fromString("e0e0e0e0-0000-4000-8000-000000000002")), cause, AT);
    }

    private static final dev.recourse.core.safeguard.RecallId RECALL =
            new dev.recourse.core.safeguard.RecallId(UUID.fromString("f0f0f0f0-0000-4000-8000-000000000003"));

    /** A classifier's score: a number with a fraction. */
    public static DetectionRecorded detectionRecorded() {
        Detection detection = new Detection(new DetectionId(UUID.fromString("5c0e5c0e-0000-4000-8000-00000000000a")),
                new Signal.ClassifierScore(new Versioned("toxicity/de", "2025.03+b1"), 0.875), AT.plusNanos(120_000_000));
        return new DetectionRecorded(CASE, detection, AT.plusNanos(120_000_000));
    }

    /** An editor's post on a news site's page, in the newsroom's network. */
    public static SubjectDescribed subjectDescribed() {
        Subject subject = new Subject(new SubjectRef(SubjectKind.CONTENT, "post-4711"), new AccountId("editor-ana"), 120_000,
                new LanguageCode("de"), new CountryCode("DE"), Optional.of(ProtectedMark.JOURNALIST), LocalDate.of(2025, 3, 1),
                Optional.of(AccountType.ACCOUNT_TYPE_PRIVATE), Optional.of(new NetworkId("org:tagesblatt")),
                Optional.of(new SubjectRef(SubjectKind.PAGE, "tagesblatt")));
        return new SubjectDescribed(CASE, subject, AT);
    }

    /** {@link #subjectDescribed} as it was stored before subjects had a network and a page. */
    public static SubjectDescribed subjectDescribedWithoutGroups() {
        Subject s = subjectDescribed().subject();
        return new SubjectDescribed(CASE, new Subject(s.ref(), s.owner(), s.reach(), s.language(), s.territory(), s.protectedMark(),
                s.since(), s.accountType()), AT);
    }

    /** A breaker tripped by the cohort check on one network. */
    public static BreakerTripped breakerTripped() {
        return new BreakerTripped(new Versioned("political-words", "2"), new TripFigures(TripCause.COHORT, 4, 1.5, 30, 30, 1_000, 3, 3,
                Duration.ofMinutes(10), Optional.of(new Cohort.Network(new NetworkId("org:tagesblatt")))), AT);
    }

    /** {@link #breakerTripped} as it was stored before trips named their cohort. */
    public static BreakerTripped breakerTrippedWithoutCohort() {
        TripFigures f = breakerTripped().figures();
        return new BreakerTripped(breakerTripped().rule(), new TripFigures(f.cause(), f.rate(), f.baseline(), f.history(), f.threshold(),
                f.cap(), f.cohortSubjects(), f.cohortLimit(), f.cohortWindow(), Optional.empty()), AT);
    }

    /** The three samples. */
    public static List<Event> all() {
        return List.of(decisionTaken(), noticeReceived(), detectionRecorded());
    }
}
