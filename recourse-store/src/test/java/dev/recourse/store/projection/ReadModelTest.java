package dev.recourse.store.projection;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.SteppingClock;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.SourceType;
import dev.recourse.core.subject.Subject;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.TestCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The read model follows a case through notice, decision, appeal and reversal, on a real database. */
class ReadModelTest {
    private static final Instant START = Instant.parse("2025-03-14T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    @TempDir
    Path data;

    private final SteppingClock clock = new SteppingClock(START);
    private StoreSettings settings;
    private RecourseStore store;
    private final Subject post = TestCases.post("post-1", "owner-1");

    @BeforeEach
    void open() throws Exception {
        settings = TestCases.settings(data);
        store = RecourseStore.open(settings, clock, new SecureRandom());
    }

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    private ReadModel model() {
        return store.readModel();
    }

    private List<RecordedEvent> accept(Command command) {
        return TestCases.accept(store, command);
    }

    private static <E extends Event> E only(List<RecordedEvent> events, Class<E> type) {
        return TestCases.only(events, type);
    }

    private NoticeId notice() {
        return only(accept(TestCases.notice(post, "u-1")), CaseEvent.NoticeReceived.class).notice().id();
    }

    private DecisionId removal(NoticeId notice) {
        return only(accept(TestCases.removal(post.ref(), Set.of(notice), TestCases.ADA)), CaseEvent.DecisionTaken.class)
                .decision().id();
    }

    private AppealId appeal(DecisionId decision) {
        return only(accept(new Command.FileAppeal(post.ref(), decision, new Appellant.AffectedPerson(post.owner()),
                "It was satire.")), CaseEvent.AppealFiled.class).appeal().id();
    }

    private static final Dimensions REMOVAL = new Dimensions(Optional.of(Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH),
            Optional.of(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT), Set.of(RestrictionKind.VISIBILITY),
            AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED, Optional.of(SourceType.SOURCE_ARTICLE_16));

    @Test
    void aNoticeOpensACaseThatAwaitsADecision() {
        notice();

        CaseView view = model().caseOf(post.ref()).orElseThrow();

        assertThat(view.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(view.awaitingSince()).contains(START);
        assertThat(view.latestDecision()).isEmpty();
        assertThat(model().caseById(view.id())).contains(view);
        assertThat(model().rollups(DAY, DAY)).isEmpty();
    }

    @Test
    void aDecisionIsCountedWithItsTimeToDecideAndItsRestrictionStands() {
        NoticeId notice = notice();
        clock.advance(Duration.ofHours(2));

        DecisionId decision = removal(notice);

        CaseView view = model().caseOf(post.ref()).orElseThrow();
        Instant decidedAt = START.plus(Duration.ofHours(2));
        assertThat(view.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(view.latestDecision()).contains(decision);
        assertThat(view.decidedAt()).contains(decidedAt);
        assertThat(view.appealDeadline()).contains(settings.process().appealDeadline(decidedAt));
        assertThat(view.awaitingSince()).isEmpty();
        List<StandingRestriction> standing = model().standingRestrictions(post.ref());
        assertThat(standing).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo(decision);
            assertThat(r.measure()).isEqualTo(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()));
            assertThat(r.scope()).isEqualTo(TerritorialScope.EVERYWHERE);
            assertThat(r.endsAt()).isEmpty();
        });
        Rollup rollup = model().rollups(DAY, DAY).getFirst();
        assertThat(rollup.dimensions()).isEqualTo(REMOVAL);
        assertThat(rollup.counts().decisions()).isEqualTo(1);
        assertThat(rollup.counts().timeToDecide().get(RollupCounts.bucket(Duration.ofHours(2)))).isEqualTo(1);
        assertThat(rollup.counts().medianTimeToDecideBound()).contains(Duration.ofHours(4));
    }

    @Test
    void anAppealWaitsForAReviewerAndIsCountedOnTheDayItIsFiled() {
        DecisionId decision = removal(notice());
        clock.advance(Duration.ofDays(1));

        AppealId appeal = appeal(decision);

        CaseView view = model().caseOf(post.ref()).orElseThrow();
        assertThat(view.status()).isEqualTo(CaseStatus.APPEALED);
        assertThat(view.pendingAppeals()).isEqualTo(1);
        Page<PendingAppeal> queue = model().appeals(Optional.empty(), 10);
        assertThat(queue.items()).singleElement().satisfies(a -> {
            assertThat(a.appeal()).isEqualTo(appeal);
            assertThat(a.decision()).isEqualTo(decision);
            assertThat(a.appellant()).isEqualTo(PendingAppeal.AppellantKind.AFFECTED_PERSON);
            assertThat(a.subject()).isEqualTo(post.ref());
        });
        assertThat(queue.next()).isEmpty();
        assertThat(model().pendingAppeal(appeal)).contains(queue.items().getFirst());
        Rollup filed = model().rollups(DAY.plusDays(1), DAY.plusDays(1)).getFirst();
        assertThat(filed.dimensions()).isEqualTo(REMOVAL);
        assertThat(filed.counts().appealsFiled()).isEqualTo(1);
        assertThat(filed.counts().decisions()).isZero();
    }

    @Test
    void aReversalRestoresTheSubjectEmptiesTheQueueAndCountsTheReinstatement() {
        DecisionId decision = removal(notice());
        AppealId appeal = appeal(decision);
        clock.advance(Duration.ofDays(2));

        accept(new Command.DecideAppeal(post.ref(), appeal, TestCases.CEM, new AppealOutcome.Reversed("It is satire."), List.of()));

        assertThat(model().caseOf(post.ref()).orElseThrow().status()).isEqualTo(CaseStatus.REVERSED);
        assertThat(model().caseOf(post.ref()).orElseThrow().pendingAppeals()).isZero();
        assertThat(model().appeals(Optional.empty(), 10).items()).isEmpty();
        assertThat(model().pendingAppeal(appeal)).isEmpty();
        assertThat(model().standingRestrictions(post.ref())).isEmpty();
        RollupCounts decided = model().rollups(DAY.plusDays(2), DAY.plusDays(2)).getFirst().counts();
        assertThat(decided.appealsDecided()).isEqualTo(1);
        assertThat(decided.appealsReversed()).isEqualTo(1);
        assertThat(decided.reinstatements()).isEqualTo(1);
        assertThat(decided.appealsUpheld() + decided.appealsModified()).isZero();
    }

    @Test
    void aReversalOutsideAnAppealRestoresTheSubjectAndMarksTheCaseReversed() {
        DecisionId decision = removal(notice());

        accept(new Command.ReverseDecision(post.ref(), decision, TestCases.BEA, "A mistake found in review."));

        assertThat(model().standingRestrictions(post.ref())).isEmpty();
        assertThat(model().caseOf(post.ref()).orElseThrow().status()).isEqualTo(CaseStatus.REVERSED);
    }

    @Test
    void aCaseIsReadWithItsRestrictionsInOneQueryAsTheTwoReadsTellThem() {
        NoticeId notice = notice();
        accept(new Command.Decide(post.ref(), Set.of(notice), Set.of(), new Command.DecidedBy.Moderator(TestCases.ADA),
                new Command.Plan.Restrict(List.of(
                        new PlannedRestriction(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_DEMOTED,
                                Optional.empty()), TerritorialScope.EVERYWHERE, Optional.of(START.plus(Duration.ofDays(3)))),
                        new PlannedRestriction(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_LABELLED,
                                Optional.empty()), TerritorialScope.EVERYWHERE, Optional.of(START.plus(Duration.ofDays(5))))),
                        TestCases.illegalReasons())));
        CaseId id = model().caseOf(post.ref()).orElseThrow().id();

        for (int days : new int[] {0, 4, 6}) {
            clock.advance(Duration.ofDays(days));
            CaseWithRestrictions both = model().caseWithRestrictions(id).orElseThrow();

            assertThat(both.view()).as("after %d days", days).isEqualTo(model().caseById(id).orElseThrow());
            assertThat(both.restrictions()).as("after %d days", days).isEqualTo(model().standingRestrictions(post.ref()));
        }
    }

    @Test
    void aCaseWithoutRestrictionsIsReadWithNoneAndAnUnknownCaseNotAtAll() {
        notice();
        CaseView view = model().caseOf(post.ref()).orElseThrow();

        assertThat(model().caseWithRestrictions(view.id())).contains(new CaseWithRestrictions(view, List.of()));
        assertThat(model().caseWithRestrictions(new CaseId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aRestrictionPastItsEndNoLongerStandsEvenBeforeItsExpiryIsRecorded() {
        NoticeId notice = notice();
        accept(new Command.Decide(post.ref(), Set.of(notice), Set.of(), new Command.DecidedBy.Moderator(TestCases.ADA),
                new Command.Plan.Restrict(List.of(new PlannedRestriction(new Measure.Visibility(
                        DecisionVisibility.DECISION_VISIBILITY_CONTENT_DEMOTED, Optional.empty()), TerritorialScope.EVERYWHERE,
                        Optional.of(START.plus(Duration.ofDays(3))))), TestCases.illegalReasons())));
        assertThat(model().caseOf(post.ref()).orElseThrow().nextRestrictionEnd()).contains(START.plus(Duration.ofDays(3)));

        clock.advance(Duration.ofDays(4));

        assertThat(model().standingRestrictions(post.ref())).isEmpty();
        assertThat(model().caseOf(post.ref()).orElseThrow().nextRestrictionEnd()).isEmpty();
    }

    @Test
    void proposalsWaitInTheOrderTheyCameAndPageByCursor() {
        AutomatedRule rule = AutomatedRule.of(new Versioned("hate-keywords", "12"));
        for (int i = 0; i < 5; i++) {
            Subject subject = TestCases.post("post-" + i, "owner-" + i);
            NoticeId notice = only(accept(TestCases.notice(subject, "u-1")), CaseEvent.NoticeReceived.class).notice().id();
            accept(new Command.Decide(subject.ref(), Set.of(notice), Set.of(),
                    new Command.DecidedBy.Rule(rule, Command.Mode.PROPOSE), TestCases.removal(subject.ref(), Set.of(), TestCases.ADA).plan()));
            clock.advance(Duration.ofMinutes(1));
        }

        Page<PendingProposal> first = model().proposals(Optional.empty(), 2);
        Page<PendingProposal> second = model().proposals(first.next(), 2);
        Page<PendingProposal> last = model().proposals(second.next(), 2);

        assertThat(first.items()).extracting(p -> p.subject().platformId()).containsExactly("post-0", "post-1");
        assertThat(second.items()).extracting(p -> p.subject().platformId()).containsExactly("post-2", "post-3");
        assertThat(last.items()).extracting(p -> p.subject().platformId()).containsExactly("post-4");
        assertThat(last.next()).isEmpty();
        assertThat(first.items()).allSatisfy(p -> assertThat(p.approvals()).isZero());
    }

    @Test
    void anApprovedProposalLeavesTheQueue() {
        AutomatedRule rule = AutomatedRule.of(new Versioned("hate-keywords", "12"));
        NoticeId notice = notice();
        DecisionId proposal = only(accept(new Command.Decide(post.ref(), Set.of(notice), Set.of(),
                new Command.DecidedBy.Rule(rule, Command.Mode.PROPOSE), TestCases.removal(post.ref(), Set.of(), TestCases.ADA).plan())),
                CaseEvent.DecisionProposed.class).proposal();
        assertThat(model().proposals(Optional.empty(), 10).items()).extracting(PendingProposal::proposal).containsExactly(proposal);

        accept(new Command.ApproveProposal(post.ref(), proposal, TestCases.ADA));

        assertThat(model().proposals(Optional.empty(), 10).items()).isEmpty();
        assertThat(model().caseOf(post.ref()).orElseThrow().latestDecision()).contains(proposal);
    }

    /**
     * Behind the events two ways: its head set back (an operator's way to have it rebuilt), or built by an earlier
     * version, as in a database from before the newest read models: their tables were added empty by the migrations
     * while the read model's head stayed after the last event, and no version was stored.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"UPDATE read_model_head SET next_position = 0",
        "UPDATE read_model_head SET version = 0"})
    void aReadModelBehindTheEventsIsRebuiltFromThemWhenTheStoreOpens(String fallingBehind) throws Exception {
        DecisionId decision = removal(notice());
        appeal(decision);
        CaseView before = model().caseOf(post.ref()).orElseThrow();
        List<Rollup> rollups = model().rollups(DAY, DAY.plusDays(1));
        PublicRecord record = new PublicRecord(store.dataSource());
        PublicDecision searched = record.search(DecisionQuery.ALL, Optional.empty(), 10).items().getFirst();
        Statistics figures = record.statistics(DAY, DAY);
        onTheStoppedDatabase(EMPTY_THE_READ_MODEL, fallingBehind);

        store = RecourseStore.open(settings, clock, new SecureRandom());

        record = new PublicRecord(store.dataSource());
        assertThat(model().caseOf(post.ref())).contains(before);
        assertThat(model().rollups(DAY, DAY.plusDays(1))).isEqualTo(rollups);
        assertThat(model().appeals(Optional.empty(), 10).items()).hasSize(1);
        assertThat(record.search(DecisionQuery.ALL, Optional.empty(), 10).items()).containsExactly(searched);
        assertThat(record.statistics(DAY, DAY)).isEqualTo(figures);
        assertThat(version()).isEqualTo(ReadModel.VERSION);
    }

    @Test
    void aReadModelOfVersionOneIsRebuiltWithTheCombinationsAndDaysTheSearchLooksDecisionsUpBy() throws Exception {
        DecisionId decision = removal(notice());
        appeal(decision);
        PublicRecord record = new PublicRecord(store.dataSource());
        PublicDecision searched = record.search(DecisionQuery.ALL, Optional.empty(), 10).items().getFirst();
        // Two filters: the search looks the decision up by its combination.
        DecisionQuery query = new DecisionQuery(Optional.empty(), Optional.empty(), searched.category(), searched.ground(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(AppealStatus.PENDING));
        assertThat(record.search(query, Optional.empty(), 10).items()).containsExactly(searched);
        // As version 1 left it: the column and the tables added empty by V250 and V251. Setting the column alone is not a
        // change of the dimensions that would look the combination up again.
        DecisionQuery itsDay = new DecisionQuery(Optional.of(DAY), Optional.of(DAY), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(record.search(itsDay, Optional.empty(), 10).items()).containsExactly(searched);
        onTheStoppedDatabase("UPDATE public_decision SET combination = NULL", "TRUNCATE decision_combination, decision_day",
                "UPDATE read_model_head SET version = 1");

        store = RecourseStore.open(settings, clock, new SecureRandom());

        assertThat(version()).isEqualTo(ReadModel.VERSION);
        record = new PublicRecord(store.dataSource());
        assertThat(record.search(query, Optional.empty(), 10).items()).containsExactly(searched);
        assertThat(record.search(itsDay, Optional.empty(), 10).items()).containsExactly(searched);
    }

    @Test
    void aReadModelOfTheCurrentVersionIsNotRebuilt() throws Exception {
        removal(notice());
        onTheStoppedDatabase("UPDATE public_decision SET rule = 'left-alone@1'");

        store = RecourseStore.open(settings, clock, new SecureRandom());

        assertThat(new PublicRecord(store.dataSource()).search(DecisionQuery.ALL, Optional.empty(), 10).items())
                .extracting(PublicDecision::rule).containsExactly(Optional.of("left-alone@1"));
    }

    @Test
    void aNewDatabaseIsStampedWithTheReadModelsVersion() throws Exception {
        assertThat(version()).isEqualTo(ReadModel.VERSION);
    }

    private static final String EMPTY_THE_READ_MODEL = "TRUNCATE case_view, review_queue, standing_restriction, decision_dimensions,"
            + " transparency_rollup, transparency_facet, public_decision, decision_combination, decision_day, authority_register,"
            + " authority_action, rule_rollup";

    /** Stops the store and runs {@code statements} on its database, as an operator or an older version would. */
    private void onTheStoppedDatabase(String... statements) throws Exception {
        store.close();
        try (var database = dev.recourse.store.database.Database.start(settings.database());
             Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private int version() throws Exception {
        try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT version FROM read_model_head")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void timesReadBackToTheMicrosecond() {
        clock.advance(Duration.ofNanos(123_456_789));
        notice();

        assertThat(model().caseOf(post.ref()).orElseThrow().openedAt())
                .isEqualTo(START.plus(Duration.ofNanos(123_456_789)).truncatedTo(ChronoUnit.MICROS));
    }
}
