package dev.recourse.store.projection;

import dev.recourse.core.json.Json;
import dev.recourse.core.process.SteppingClock;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import dev.recourse.store.bench.PublicRecordLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans PostgreSQL makes for the portal's searches on a filled table (200,000 decisions, analysed): every
 * combination of filters the search form offers reads the decisions through indexes, never by scanning the table, and
 * a search that matches nothing finds that out in an index of its filters instead of walking every decision by position.
 * Asserted on the node types and indexes of {@code EXPLAIN (FORMAT JSON)}, never on time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionSearchPlanTest {
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final int SEARCHABLE = 200_000;
    private static final Category ABSENT_CATEGORY = Category.STATEMENT_CATEGORY_ANIMAL_WELFARE;
    /** A rule of one decision in forty (the load's decisions 7, 47, 87, ...): all odd, with the second kind of restriction. */
    private static final String RULE = "rule-7@1";

    /** The filters of the search form; the two days count as one. */
    enum Filter { DAYS, CATEGORY, GROUND, RESTRICTION, AUTOMATION, SOURCE, RULE, APPEAL }

    private Path data;
    private RecourseStore store;
    private PublicDecision sample;

    @BeforeAll
    void fill() throws Exception {
        data = Files.createTempDirectory("recourse-search-plans");
        store = RecourseStore.open(TestCases.settings(data), new SteppingClock(Instant.parse("2025-06-01T00:00:00Z")), new SecureRandom());
        PublicRecordLoad.fill(store.dataSource(), FIRST, 60, 10_000, 40, SEARCHABLE);
        // One value of each filter that no decision has, for searches that match nothing.
        try (Connection connection = store.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("UPDATE public_decision SET category = CASE category WHEN '" + ABSENT_CATEGORY.name() + "' THEN '"
                    + Category.STATEMENT_CATEGORY_SCAMS_AND_FRAUD.name() + "' ELSE category END,"
                    + " ground = 'DECISION_GROUND_INCOMPATIBLE_CONTENT',"
                    + " restriction_kind = replace(restriction_kind, 'MONETARY', 'SERVICE'),"
                    + " automation = replace(automation, 'PARTIALLY', 'FULLY'),"
                    + " appeal = replace(appeal, 'MODIFIED', 'UPHELD')");
            // One old decision of rule-7@1 (whose decisions otherwise all restrict visibility and the account) that
            // restricts the service: a combination of the rule with a common filter that is rare.
            statement.execute("UPDATE public_decision SET restriction_kind = 'SERVICE' WHERE position = (SELECT min(position)"
                    + " FROM public_decision WHERE rule = '" + RULE + "')");
            // The appeals pending (decisions 6, 16, 26, ..., never a government's request, which the load gives to odd
            // ones) among the oldest tenth are a government's request, each by one of 700 rules: two broad filters,
            // each on tens of thousands of decisions, that occur together in hundreds of combinations, but only long ago.
            statement.execute("UPDATE public_decision SET source = '" + DecisionSource.GOVERNMENT_REQUEST.name() + "',"
                    + " rule = 'rule-of-old-' || position % 700 || '@1' WHERE appeal = '" + AppealStatus.PENDING.name() + "'"
                    + " AND position < " + (PublicRecordLoad.FIRST_POSITION + SEARCHABLE / 10));
            statement.execute("VACUUM ANALYZE public_decision");
        }
        // A decision by a rule, so that every combination of its values matches at least this decision.
        sample = new PublicRecord(store.dataSource()).search(DecisionQuery.ALL, Optional.of(new Cursor(PublicRecordLoad.FIRST_POSITION + SEARCHABLE / 3)), 3)
                .items().stream().filter(d -> d.rule().isPresent()).findFirst().orElseThrow();
    }

    @AfterAll
    void close() throws Exception {
        TestCases.close(store);
        TestCases.deleteTree(data);
    }

    @Test
    void everyCombinationOfFiltersReadsThroughIndexesOnly() throws SQLException {
        List<Filter> filters = List.of(Filter.values());
        for (int mask = 0; mask < 1 << filters.size(); mask++) {
            Set<Filter> chosen = EnumSet.noneOf(Filter.class);
            for (int i = 0; i < filters.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    chosen.add(filters.get(i));
                }
            }
            DecisionQuery query = queryOf(chosen, sample.rule().orElse("rule-1@1"), sample.appeal());
            PublicRecord record = new PublicRecord(store.dataSource());

            // The walk of one filter's index, the statement the search runs (by combination with several filters),
            // and the one it runs when the filters are broad.
            PublicRecord broad = new PublicRecord(store.dataSource(), new PublicRecord.Bounds(1, PublicRecord.WALKED_ENTRIES));
            for (PublicRecord.Search search : List.of(PublicRecord.Search.of(query, Optional.empty(), 51),
                    record.plan(query, Optional.empty(), 51).orElseThrow(() -> new AssertionError(chosen + " matches " + sample)),
                    broad.plan(query, Optional.empty(), 51).orElseThrow())) {
                assertThat(scansOfTheDecisions(plan(search))).as("the scans of " + chosen).isNotEmpty()
                        .allSatisfy(scan -> assertThat(string(scan, "Node Type")).as(chosen + ": " + scan)
                                .isIn("Index Scan", "Index Only Scan", "Bitmap Index Scan"));
            }
        }
    }

    @Test
    void aRuleAndAnAppealOutcomeThatNeverOccurTogetherAreAnsweredWithoutReadingADecision() {
        // The load gives rule-7@1 to decisions 7, 47, 87...: all of them end with 7, so their appeals are all UPHELD.
        DecisionQuery query = queryOf(EnumSet.of(Filter.RULE, Filter.APPEAL), RULE, AppealStatus.REVERSED);
        PublicRecord record = new PublicRecord(store.dataSource());

        assertThat(record.plan(query, Optional.empty(), 11)).isEmpty();
        assertThat(record.search(query, Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void aRuleWithACommonFilterItNeverOccursWithReadsNoneOfTheRulesDecisions() throws SQLException {
        // rule-7@1 decides only on odd decisions; the load's first source (Art. 16 notices) comes with even ones.
        DecisionQuery query = new DecisionQuery(none(), none(), none(), none(), none(), none(), Optional.of(DecisionSource.ARTICLE_16),
                Optional.of(RULE), none());
        PublicRecord record = new PublicRecord(store.dataSource());
        DecisionQuery narrowed = record.narrowed(query).orElseThrow();

        // A walk down the rule's index reads every decision of the rule to find that none is from that source.
        assertThat(rowsRead(PublicRecord.Search.of(narrowed, Optional.empty(), 11))).isGreaterThanOrEqualTo(rulesDecisions());
        assertThat(record.plan(query, Optional.empty(), 11)).isEmpty();
        assertThat(record.search(query, Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void aRareCombinationOfARuleIsFoundByReadingItsOwnDecisionsOnly() throws SQLException {
        DecisionQuery query = new DecisionQuery(none(), none(), none(), none(), Optional.of(RestrictionKind.SERVICE), none(), none(),
                Optional.of(RULE), none());
        PublicRecord record = new PublicRecord(store.dataSource());
        DecisionQuery narrowed = record.narrowed(query).orElseThrow();

        assertThat(record.search(query, Optional.empty(), 10).items()).singleElement()
                .satisfies(d -> assertThat(d.restrictions()).containsExactly(RestrictionKind.SERVICE));
        // The walk reaches the rule's oldest decision last.
        assertThat(rowsRead(PublicRecord.Search.of(narrowed, Optional.empty(), 11))).isGreaterThanOrEqualTo(rulesDecisions());
        // By combination: the one entry of the only combination that matches, and the decision it names.
        assertThat(rowsRead(record.plan(query, Optional.empty(), 11).orElseThrow())).isLessThanOrEqualTo(2);
    }

    @Test
    void broadFiltersThatOccurTogetherOnlyLongAgoReadABoundedNumberOfEntries() throws SQLException {
        DecisionQuery query = new DecisionQuery(none(), none(), none(), none(), none(), none(),
                Optional.of(DecisionSource.GOVERNMENT_REQUEST), none(), Optional.of(AppealStatus.PENDING));
        PublicRecord record = new PublicRecord(store.dataSource());
        int combinations = record.combinations(query).length;
        int rows = 51;
        assertThat((long) combinations * rows).as("a page of each combination").isGreaterThan(PublicRecord.MERGED_ENTRIES);

        // The walk of a filter's index reads through the newer nine tenths to reach them.
        long walked = rowsRead(PublicRecord.Search.of(record.narrowed(query).orElseThrow(), Optional.empty(), rows));
        long read = rowsRead(record.plan(query, Optional.empty(), rows).orElseThrow());
        long m = Math.max(1, Math.round(rows / Math.sqrt(combinations)));
        long bound = PublicRecord.WALKED_ENTRIES + combinations * m + (rows / m + 1) * rows + rows;
        assertThat(read).as("rows read of %d combinations", combinations).isLessThanOrEqualTo(bound);
        assertThat(walked).isGreaterThan(bound);
        assertThat(record.search(query, Optional.empty(), rows - 1).items()).hasSize(rows - 1)
                .allSatisfy(d -> assertThat(d.position()).isLessThan(PublicRecordLoad.FIRST_POSITION + SEARCHABLE / 10));
    }

    @Test
    void broadFiltersWhoseDecisionsAreCommonFillThePageFromTheNewestDecisions() throws SQLException {
        DecisionQuery query = new DecisionQuery(none(), none(), none(), none(), none(), Optional.of(sample.automation()), none(), none(),
                Optional.of(AppealStatus.NONE));
        // Broad whenever two filters are given: the load's decisions have a few hundred combinations, not thousands.
        PublicRecord record = new PublicRecord(store.dataSource(), new PublicRecord.Bounds(1, PublicRecord.WALKED_ENTRIES));
        int rows = 51;

        // About one decision in three matches: the walk reads a few pages' worth, and no combination is read.
        long read = rowsRead(record.plan(query, Optional.empty(), rows).orElseThrow());
        assertThat(read).isLessThanOrEqualTo(10L * rows);
        assertThat(record.search(query, Optional.empty(), rows - 1).items()).hasSize(rows - 1);
    }

    /** How many decisions rule-7@1 took. */
    private long rulesDecisions() throws SQLException {
        try (Connection connection = store.dataSource().getConnection(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM public_decision WHERE rule = '" + RULE + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * How many rows of public_decision and its indexes {@code search} reads, as {@code EXPLAIN ANALYZE} counts them: those
     * its scans yield and those they throw away.
     */
    private long rowsRead(PublicRecord.Search search) throws SQLException {
        List<Json.Obj> scans = scansOfTheDecisions(plan(search, "ANALYZE, "));
        long read = 0;
        for (Json.Obj scan : scans) {
            read += Math.round(number(scan, "Actual Rows") * number(scan, "Actual Loops") + number(scan, "Rows Removed by Filter")
                    * number(scan, "Actual Loops") + number(scan, "Rows Removed by Index Recheck"));
        }
        return read;
    }

    private static double number(Json.Obj node, String name) {
        return node.get(name) instanceof Json.Num n ? n.value() : 0;
    }

    @Test
    void aDayLongAgoIsReadWithinItsPositionsNotByWalkingEveryLaterDecision() throws SQLException {
        Optional<LocalDate> longAgo = Optional.of(FIRST.plusDays(3));
        PublicRecord record = new PublicRecord(store.dataSource());

        for (DecisionQuery query : List.of(new DecisionQuery(longAgo, longAgo, none(), none(), none(), none(), none(), none(), none()),
                new DecisionQuery(longAgo, longAgo, Optional.of(sample.category().orElseThrow()), none(), none(), none(), none(), none(),
                        none()),
                new DecisionQuery(longAgo, longAgo, none(), none(), none(), none(), Optional.of(DecisionSource.TRUSTED_FLAGGER),
                        Optional.of(RULE), none()))) {
            // Without the day's positions, PostgreSQL walks the later decisions (of a filter) newest first to reach
            // the day. Within them, it reads a page (of each combination of rule-7@1 and that source), or as many of
            // the day's decisions as it takes to find a page of the filter's: never more than the day's.
            long walked = rowsRead(PublicRecord.Search.of(query, Optional.empty(), 11));
            long read = rowsRead(record.plan(query, Optional.empty(), 11).orElseThrow());
            assertThat(read).as(query.toString()).isLessThanOrEqualTo(SEARCHABLE / 60 + 11);
            assertThat(walked).as(query.toString()).isGreaterThan(10 * read);
            assertThat(record.search(query, Optional.empty(), 10).items()).as(query.toString()).isNotEmpty()
                    .allSatisfy(d -> assertThat(LocalDate.ofInstant(d.decidedAt(), ZoneOffset.UTC)).isEqualTo(longAgo.get()))
                    .isSortedAccordingTo(java.util.Comparator.comparingLong(PublicDecision::position).reversed());
        }
    }

    @Test
    void aCombinationTheRollupsNeverCountedIsAnsweredWithoutReadingADecision() {
        PublicRecord record = new PublicRecord(store.dataSource());
        // The load gives a trusted flagger's notices to decisions 1, 7, 13...: never to those not automated (2, 5, 8...).
        DecisionQuery never = new DecisionQuery(none(), none(), none(), none(), none(),
                Optional.of(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED), Optional.of(DecisionSource.TRUSTED_FLAGGER), none(), none());
        DecisionQuery some = new DecisionQuery(none(), none(), none(), none(), none(), none(), Optional.of(DecisionSource.TRUSTED_FLAGGER),
                none(), none());

        assertThat(record.narrowed(never)).isEmpty();
        assertThat(record.search(never, Optional.empty(), 10).items()).isEmpty();
        DecisionQuery narrowed = record.narrowed(some).orElseThrow();
        assertThat(narrowed.from()).contains(FIRST);
        assertThat(narrowed.to()).contains(FIRST.plusDays(59));
        assertThat(record.search(some, Optional.empty(), 10).items()).hasSize(10);
    }

    @Test
    void aFilterWhoseValueNoDecisionHasIsLookedUpInAnIndexOfThatFilter() throws SQLException {
        Optional<LocalDate> after = Optional.of(FIRST.plusDays(400));
        // Days without decisions have no span of positions.
        assertThat(new PublicRecord(store.dataSource()).plan(new DecisionQuery(after, after, none(), none(), none(), none(), none(),
                none(), none()), Optional.empty(), 11)).isEmpty();
        assertLookedUpIn(new DecisionQuery(none(), none(), Optional.of(ABSENT_CATEGORY), none(), none(), none(), none(), none(), none()),
                "public_decision_category");
        assertLookedUpIn(new DecisionQuery(none(), none(), none(), Optional.of(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT), none(),
                none(), none(), none(), none()), "public_decision_ground");
        assertLookedUpIn(new DecisionQuery(none(), none(), none(), none(), Optional.of(RestrictionKind.MONETARY), none(), none(), none(),
                none()), "public_decision_monetary");
        assertLookedUpIn(new DecisionQuery(none(), none(), none(), none(), none(), Optional.of(AutomatedDecision.AUTOMATED_DECISION_PARTIALLY),
                none(), none(), none()), "public_decision_automation");
        // The load never states no source.
        assertLookedUpIn(new DecisionQuery(none(), none(), none(), none(), none(), none(), Optional.of(DecisionSource.NOT_STATED), none(),
                none()), "public_decision_source");
        assertLookedUpIn(new DecisionQuery(none(), none(), none(), none(), none(), none(), none(), Optional.of("rule-that-never-acted@1"),
                none()), "public_decision_rule", "public_decision_rule_appeal");
        assertLookedUpIn(new DecisionQuery(none(), none(), none(), none(), none(), none(), none(), none(),
                Optional.of(AppealStatus.MODIFIED)), "public_decision_appeal");
    }

    private void assertLookedUpIn(DecisionQuery query, String... indexes) throws SQLException {
        assertThat(new PublicRecord(store.dataSource()).search(query, Optional.empty(), 10).items()).as(query.toString()).isEmpty();
        assertThat(scansOfTheDecisions(plan(query))).as(query.toString()).extracting(scan -> string(scan, "Index Name"))
                .isNotEmpty().allSatisfy(index -> assertThat(index).isIn((Object[]) indexes));
    }

    private static <T> Optional<T> none() {
        return Optional.empty();
    }

    /** A query with the filters {@code chosen}, each set to the sample decision's value (or {@code rule}, {@code appeal}). */
    private DecisionQuery queryOf(Set<Filter> chosen, String rule, AppealStatus appeal) {
        LocalDate day = LocalDate.ofInstant(sample.decidedAt(), ZoneOffset.UTC);
        Optional<LocalDate> days = chosen.contains(Filter.DAYS) ? Optional.of(day) : Optional.empty();
        return new DecisionQuery(days, days.map(d -> d.plusDays(6)),
                when(chosen, Filter.CATEGORY, sample.category().orElse(Category.STATEMENT_CATEGORY_SCAMS_AND_FRAUD)),
                when(chosen, Filter.GROUND, sample.ground().orElse(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)),
                when(chosen, Filter.RESTRICTION, sample.restrictions().stream().findFirst().orElse(RestrictionKind.ACCOUNT)),
                when(chosen, Filter.AUTOMATION, sample.automation()),
                when(chosen, Filter.SOURCE, sample.source()),
                when(chosen, Filter.RULE, rule),
                when(chosen, Filter.APPEAL, appeal));
    }

    private static <T> Optional<T> when(Set<Filter> chosen, Filter filter, T value) {
        return chosen.contains(filter) ? Optional.of(value) : Optional.empty();
    }

    /** {@code EXPLAIN (FORMAT JSON)} of the search the portal runs for {@code query}'s first page. */
    private Json.Obj plan(DecisionQuery query) throws SQLException {
        return plan(PublicRecord.Search.of(query, Optional.empty(), 51));
    }

    /** {@code EXPLAIN (FORMAT JSON)} of {@code search}. */
    private Json.Obj plan(PublicRecord.Search search) throws SQLException {
        return plan(search, "");
    }

    /** {@code EXPLAIN (options FORMAT JSON)} of {@code search}. */
    private Json.Obj plan(PublicRecord.Search search, String options) throws SQLException {
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN (" + options + "FORMAT JSON) " + search.sql())) {
            search.set(explain);
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                Json.Arr plans = (Json.Arr) Json.parse(rows.getString(1)).orElseThrow();
                return (Json.Obj) ((Json.Obj) plans.elements().getFirst()).get("Plan");
            }
        }
    }

    /** The nodes of {@code plan} that read public_decision or one of its indexes, bitmaps' heap scans left out. */
    private static List<Json.Obj> scansOfTheDecisions(Json.Obj plan) {
        List<Json.Obj> scans = new ArrayList<>();
        collect(plan, scans);
        return scans;
    }

    private static void collect(Json.Obj node, List<Json.Obj> scans) {
        String type = string(node, "Node Type");
        boolean onTheTable = "public_decision".equals(string(node, "Relation Name"));
        boolean onAnIndex = string(node, "Index Name") != null && string(node, "Index Name").startsWith("public_decision");
        if ((onTheTable || onAnIndex) && !type.equals("Bitmap Heap Scan")) {
            scans.add(node);
        }
        if (node.get("Plans") instanceof Json.Arr children) {
            children.elements().forEach(child -> collect((Json.Obj) child, scans));
        }
    }

    private static String string(Json.Obj node, String name) {
        return node.get(name) instanceof Json.Str s ? s.value() : null;
    }
}
