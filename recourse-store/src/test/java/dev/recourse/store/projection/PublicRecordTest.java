package dev.recourse.store.projection;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.SteppingClock;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.SourceType;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The public record the portal reads: searchable decisions, the register of authority requests, the statistics. */
class PublicRecordTest {
    private static final Instant START = Instant.parse("2025-03-14T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    private static final AutomatedRule RULE = AutomatedRule.of(new Versioned("hate-keywords", "12"));

    @TempDir
    Path data;

    private final SteppingClock clock = new SteppingClock(START);
    private RecourseStore store;
    private PublicRecord record;

    @BeforeEach
    void open() throws Exception {
        store = RecourseStore.open(TestCases.settings(data), clock, new SecureRandom());
        record = new PublicRecord(store.dataSource());
    }

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    private List<RecordedEvent> accept(Command command) {
        return TestCases.accept(store, command);
    }

    private static <E extends Event> E only(List<RecordedEvent> events, Class<E> type) {
        return TestCases.only(events, type);
    }

    private NoticeId notice(Subject post) {
        return only(accept(TestCases.notice(post, "u-1")), CaseEvent.NoticeReceived.class).notice().id();
    }

    private DecisionId removalByModerator(Subject post) {
        return only(accept(TestCases.removal(post.ref(), Set.of(notice(post)), TestCases.ADA)), CaseEvent.DecisionTaken.class)
                .decision().id();
    }

    private DecisionId removalByRule(Subject post) {
        NoticeId notice = notice(post);
        return only(accept(new Command.Decide(post.ref(), Set.of(notice), Set.of(), new Command.DecidedBy.Rule(RULE, Command.Mode.ENFORCE),
                TestCases.removal(post.ref(), Set.of(), TestCases.ADA).plan())), CaseEvent.DecisionTaken.class).decision().id();
    }

    private AppealId appeal(Subject post, DecisionId decision) {
        return only(accept(new Command.FileAppeal(post.ref(), decision, new Appellant.AffectedPerson(post.owner()),
                "It was satire.")), CaseEvent.AppealFiled.class).appeal().id();
    }

    private AuthorityRequestId order(Subject post, Optional<LegalHold> hold) {
        return only(accept(new Command.RegisterAuthorityRequest(post, AuthorityKind.ORDER,
                new Authority("Landgericht Berlin", new CountryCode("DE")), new LegalBasis("Art. 9 DSA with § 130 StGB"),
                Optional.empty(), "Remove the post.", hold)), AuthorityEvent.AuthorityRequestRegistered.class).request();
    }

    @Test
    void aDecisionIsFoundWithItsPublicDimensionsAndItsLogEntry() {
        DecisionId decision = removalByModerator(TestCases.post("p-1", "o-1"));

        PublicDecision found = record.search(DecisionQuery.ALL, Optional.empty(), 10).items().getFirst();

        assertThat(found.id()).isEqualTo(decision);
        assertThat(found.decidedAt()).isEqualTo(START);
        assertThat(found.category()).contains(Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH);
        assertThat(found.ground()).contains(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT);
        assertThat(found.restrictions()).containsExactly(RestrictionKind.VISIBILITY);
        assertThat(found.automation()).isEqualTo(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED);
        assertThat(found.source()).isEqualTo(DecisionSource.ARTICLE_16);
        assertThat(found.rule()).isEmpty();
        assertThat(found.appeal()).isEqualTo(AppealStatus.NONE);
        assertThat(record.decision(decision)).contains(found);
        String entry = new String(record.entry(found.position()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(entry).contains("\"decision\":\"" + decision + "\"").contains("\"type\":\"DecisionTaken\"");
    }

    @Test
    void filtersFindOnlyTheDecisionsThatMatchThemAll() {
        DecisionId byPerson = removalByModerator(TestCases.post("p-1", "o-1"));
        DecisionId byRule = removalByRule(TestCases.post("p-2", "o-2"));
        DecisionQuery automated = new DecisionQuery(Optional.of(DAY), Optional.of(DAY), Optional.empty(), Optional.empty(),
                Optional.of(RestrictionKind.VISIBILITY), Optional.of(AutomatedDecision.AUTOMATED_DECISION_FULLY), Optional.empty(),
                Optional.of("hate-keywords@12"), Optional.empty());
        DecisionQuery tomorrow = new DecisionQuery(Optional.of(DAY.plusDays(1)), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(record.search(automated, Optional.empty(), 10).items()).extracting(PublicDecision::id).containsExactly(byRule);
        assertThat(record.search(tomorrow, Optional.empty(), 10).items()).isEmpty();
        assertThat(record.search(DecisionQuery.ALL, Optional.empty(), 10).items()).extracting(PublicDecision::id)
                .containsExactly(byRule, byPerson);
    }

    @Test
    void pagesFollowEachOtherNewestFirstWithoutGapsOrRepeats() {
        DecisionId first = removalByModerator(TestCases.post("p-1", "o-1"));
        DecisionId second = removalByModerator(TestCases.post("p-2", "o-2"));
        DecisionId third = removalByModerator(TestCases.post("p-3", "o-3"));

        Page<PublicDecision> one = record.search(DecisionQuery.ALL, Optional.empty(), 2);
        Page<PublicDecision> two = record.search(DecisionQuery.ALL, one.next(), 2);

        assertThat(one.items()).extracting(PublicDecision::id).containsExactly(third, second);
        assertThat(two.items()).extracting(PublicDecision::id).containsExactly(first);
        assertThat(two.next()).isEmpty();
    }

    @Test
    void anAppealReversedIsShownOnTheDecisionAndCountedForItsRuleWithItsTime() {
        Subject post = TestCases.post("p-1", "o-1");
        DecisionId decision = removalByRule(post);
        AppealId appeal = appeal(post, decision);
        assertThat(record.decision(decision).orElseThrow().appeal()).isEqualTo(AppealStatus.PENDING);
        clock.advance(Duration.ofHours(30));

        accept(new Command.DecideAppeal(post.ref(), appeal, TestCases.CEM, new AppealOutcome.Reversed("It is satire."), List.of()));

        assertThat(record.decision(decision).orElseThrow().appeal()).isEqualTo(AppealStatus.REVERSED);
        Statistics figures = record.statistics(DAY, DAY.plusDays(2));
        assertThat(figures.rules()).singleElement().isEqualTo(new Statistics.RuleFigures(Optional.of("hate-keywords@12"), 1, 1, 0, 1, 0));
        assertThat(figures.appealTime().get(RollupCounts.bucket(Duration.ofHours(30)))).isEqualTo(1);
        assertThat(figures.medianAppealTimeBound()).contains(Duration.ofDays(3));
        assertThat(figures.reinstatedOnAppeal()).isEqualTo(1);
        assertThat(figures.reinstatedWithoutAppeal()).isZero();
    }

    @Test
    void aReversalOutsideAnAppealCountsAsReinstatedWithoutAppeal() {
        Subject post = TestCases.post("p-1", "o-1");
        DecisionId decision = removalByModerator(post);

        accept(new Command.ReverseDecision(post.ref(), decision, TestCases.BEA, "A mistake found in review."));

        Statistics figures = record.statistics(DAY, DAY.plusDays(1));
        assertThat(figures.reinstatedWithoutAppeal()).isEqualTo(1);
        assertThat(figures.reinstatedOnAppeal()).isZero();
    }

    @Test
    void statisticsSumTheRollupsByDayCategorySourceAndAutomation() {
        removalByModerator(TestCases.post("p-1", "o-1"));
        removalByRule(TestCases.post("p-2", "o-2"));
        clock.advance(Duration.ofDays(1));
        removalByModerator(TestCases.post("p-3", "o-3"));

        Statistics figures = record.statistics(DAY, DAY.plusDays(1));

        assertThat(figures.total().decisions()).isEqualTo(3);
        assertThat(figures.days()).extracting(Statistics.Day::day).containsExactly(DAY, DAY.plusDays(1));
        assertThat(figures.days().getFirst().byAutomation()).containsEntry(AutomatedDecision.AUTOMATED_DECISION_FULLY, 1L)
                .containsEntry(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED, 1L);
        assertThat(figures.byCategory()).containsExactlyEntriesOf(java.util.Map.of(Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH, 3L));
        assertThat(figures.bySource()).containsEntry(SourceType.SOURCE_ARTICLE_16, 3L);
        assertThat(figures.byAutomation()).containsEntry(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED, 2L);
        assertThat(record.statistics(DAY.plusDays(5), DAY.plusDays(6)).total().decisions()).isZero();
    }

    @Test
    void aHeldRequestShowsOnlyThatItExistsUntilItsHoldEnds() {
        Subject post = TestCases.post("p-1", "o-1");
        Instant until = START.plus(Duration.ofDays(30));
        AuthorityRequestId request = order(post, Optional.of(new LegalHold(until, "An investigation is ongoing.")));
        NoticeId notice = only(store.events().readAll(0, 100).stream().filter(r -> r.event() instanceof CaseEvent.NoticeReceived).toList(),
                CaseEvent.NoticeReceived.class).notice().id();
        DecisionId decision = only(accept(TestCases.removal(post.ref(), Set.of(notice), TestCases.ADA)), CaseEvent.DecisionTaken.class)
                .decision().id();

        assertThat(record.authorityRequests(Optional.empty(), 10).items()).singleElement()
                .isEqualTo(new RegisteredRequest.Held(request, START, until));
        assertThat(record.decision(decision).orElseThrow().source()).isEqualTo(DecisionSource.OTHER_NOTICE);

        clock.advance(Duration.ofDays(31));
        accept(new Command.ExpireLegalHold(request));

        RegisteredRequest shown = record.authorityRequests(Optional.empty(), 10).items().getFirst();
        assertThat(shown).isInstanceOfSatisfying(RegisteredRequest.Disclosed.class, d -> {
            assertThat(d.authority()).isEqualTo("Landgericht Berlin");
            assertThat(d.kind()).isEqualTo(AuthorityKind.ORDER);
            assertThat(d.legalBasis()).isEqualTo("Art. 9 DSA with § 130 StGB");
            assertThat(d.subject()).isEqualTo(SubjectKind.CONTENT);
            assertThat(d.heldUntil()).contains(until);
            assertThat(d.decisions()).extracting(PublicDecision::id).containsExactly(decision);
        });
        assertThat(record.decision(decision).orElseThrow().source()).isEqualTo(DecisionSource.AUTHORITY_ORDER);
    }

    @Test
    void aRequestWithoutHoldIsDisclosedAtOnceWithTheDecisionsItLedTo() {
        Subject post = TestCases.post("p-1", "o-1");
        AuthorityRequestId request = order(post, Optional.empty());
        NoticeId notice = only(store.events().readAll(0, 100).stream().filter(r -> r.event() instanceof CaseEvent.NoticeReceived).toList(),
                CaseEvent.NoticeReceived.class).notice().id();
        DecisionId decision = only(accept(TestCases.removal(post.ref(), Set.of(notice), TestCases.ADA)), CaseEvent.DecisionTaken.class)
                .decision().id();

        RegisteredRequest shown = record.authorityRequests(Optional.empty(), 10).items().getFirst();

        assertThat(shown.id()).isEqualTo(request);
        assertThat(shown).isInstanceOfSatisfying(RegisteredRequest.Disclosed.class, d -> {
            assertThat(d.heldUntil()).isEmpty();
            assertThat(d.decisions()).extracting(PublicDecision::id).containsExactly(decision);
        });
        assertThat(record.decision(decision).orElseThrow().source()).isEqualTo(DecisionSource.AUTHORITY_ORDER);
    }
}
