package dev.recourse.store.projection;

import dev.recourse.core.process.SteppingClock;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import dev.recourse.store.bench.PublicRecordLoad;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's search finds exactly what a filter over every decision finds, newest first, page after page, whichever
 * way it reads them (walking an index of one filter, or by the combinations of dimensions that match several). Over
 * random decisions with few values in each dimension, so that some combinations are common, some rare and many never
 * occur; rules decide on one category and ground each, as their statement templates do; some decisions are changed
 * afterwards, as appeals and disclosed authority requests change them; their times are off their positions' order by
 * hours, across days.
 */
class DecisionSearchProperties {
    private static final LocalDate FIRST = LocalDate.of(2025, 4, 1);
    private static final int DAYS = 30;
    private static final int DECISIONS = 2_000;
    private static final List<Category> CATEGORIES = List.of(Category.STATEMENT_CATEGORY_SCAMS_AND_FRAUD,
            Category.STATEMENT_CATEGORY_VIOLENCE, Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH);
    private static final List<String> KINDS = List.of("VISIBILITY", "ACCOUNT", "VISIBILITY+ACCOUNT", "MONETARY", "SERVICE");
    private static final List<String> RULES = List.of("rule-1@1", "rule-2@1", "rule-3@2", "rule-4@1", "rule-5@1", "rule-6@3");
    /** The pages of a search compared, at most: enough to cross from one way of reading to the next. */
    private static final int PAGES = 6;

    private static Path data;
    private static RecourseStore store;
    /** Every decision, newest first. */
    private static List<PublicDecision> all;

    @BeforeContainer
    static void fill() throws Exception {
        data = Files.createTempDirectory("recourse-search-properties");
        store = RecourseStore.open(TestCases.settings(data), new SteppingClock(Instant.parse("2025-06-01T00:00:00Z")), new SecureRandom());
        RandomGenerator random = new Random(20_251_202);
        try (Connection connection = store.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO public_decision (decision_id, position, case_id,"
                    + " decided_at, category, ground, restriction_kind, automation, source, rule, appeal)"
                    + " VALUES (gen_random_uuid(), ?, gen_random_uuid(), ?::timestamptz, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < DECISIONS; i++) {
                    insert.setLong(1, 1_000 + i);
                    // Stamped by the callers' clocks: the positions follow the times only roughly, across days too.
                    insert.setString(2, FIRST.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds((long) i * DAYS * 86_400 / DECISIONS
                            + random.nextInt(-4 * 3_600, 4 * 3_600)).toString());
                    int rule = random.nextInt(-3, RULES.size());
                    boolean noAction = random.nextInt(10) == 0;
                    insert.setString(3, noAction ? "" : CATEGORIES.get(rule >= 0 ? rule % 3 : random.nextInt(3)).name());
                    insert.setString(4, noAction ? "" : DecisionGround.values()[rule >= 0 ? rule % 2 : random.nextInt(2)].name());
                    insert.setString(5, noAction ? "" : KINDS.get(weighted(random, KINDS.size())));
                    insert.setString(6, AutomatedDecision.values()[rule >= 0 ? random.nextInt(2) : 2 - weighted(random, 2)].name());
                    insert.setString(7, noAction ? DecisionSource.NOT_STATED.name()
                            : DecisionSource.values()[weighted(random, DecisionSource.values().length - 1)].name());
                    insert.setString(8, rule >= 0 ? RULES.get(rule) : "");
                    insert.setString(9, random.nextInt(4) == 0 ? AppealStatus.values()[weighted(random, AppealStatus.values().length)].name()
                            : AppealStatus.NONE.name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement appealed = connection.prepareStatement("UPDATE public_decision SET appeal = ? WHERE position = ?");
                 PreparedStatement disclosed = connection.prepareStatement(
                         "UPDATE public_decision SET source = 'AUTHORITY_ORDER' WHERE position = ? AND source = 'OTHER_NOTICE'")) {
                for (int i = 0; i < DECISIONS / 10; i++) {
                    appealed.setString(1, AppealStatus.values()[1 + random.nextInt(AppealStatus.values().length - 1)].name());
                    appealed.setLong(2, 1_000 + random.nextInt(DECISIONS));
                    appealed.addBatch();
                    disclosed.setLong(1, 1_000 + random.nextInt(DECISIONS));
                    disclosed.addBatch();
                }
                appealed.executeBatch();
                disclosed.executeBatch();
            }
            PublicRecordLoad.countTheSearchable(connection);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("VACUUM ANALYZE public_decision");
            }
        }
        all = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<PublicDecision> page = new PublicRecord(store.dataSource()).search(DecisionQuery.ALL, after, PublicRecord.MAX_PAGE);
            all.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
    }

    /** 0 most often, then 1, and so on: {@code n} values of falling frequency. */
    private static int weighted(RandomGenerator random, int n) {
        return Math.min(n - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.2));
    }

    @AfterContainer
    static void close() throws Exception {
        TestCases.close(store);
        TestCases.deleteTree(data);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void aSearchFindsWhatAFilterOverEveryDecisionFinds(@ForAll("queries") DecisionQuery query, @ForAll @IntRange(min = 1, max = 30) int limit) {
        assertFindsWhatTheFilterFinds(new PublicRecord(store.dataSource()), query, limit);
    }

    /**
     * As {@link #aSearchFindsWhatAFilterOverEveryDecisionFinds}, with the bounds of the ways of reading made small, so
     * that on these few decisions searches with several filters are broad ({@link PublicRecord.Search#broad}) as on
     * millions: their walk fills the page or does not, and by combination a few or many entries of each are read.
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void aBroadSearchFindsWhatAFilterOverEveryDecisionFinds(@ForAll("queries") DecisionQuery query,
            @ForAll @IntRange(min = 1, max = 30) int limit, @ForAll @IntRange(min = 1, max = 400) int merged,
            @ForAll @IntRange(min = 1, max = 80) int walked) {
        assertFindsWhatTheFilterFinds(new PublicRecord(store.dataSource(), new PublicRecord.Bounds(merged, walked)), query, limit);
    }

    /** Pages of {@code record}'s search by {@code query} are those of a filter over every decision, in order. */
    private static void assertFindsWhatTheFilterFinds(PublicRecord record, DecisionQuery query, int limit) {
        List<PublicDecision> expected = all.stream().filter(d -> matches(query, d)).toList();

        List<PublicDecision> found = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        for (int page = 0; page < PAGES; page++) {
            Page<PublicDecision> items = record.search(query, after, limit);
            assertThat(items.items()).hasSizeLessThanOrEqualTo(limit);
            found.addAll(items.items());
            after = items.next();
            assertThat(after.isPresent()).as("a next page after " + found.size() + " of " + expected.size())
                    .isEqualTo(found.size() < expected.size());
            if (after.isEmpty()) {
                break;
            }
        }
        assertThat(found).isEqualTo(expected.subList(0, found.size()));
        assertThat(found.size()).isEqualTo(Math.min(expected.size(), PAGES * limit));
    }

    @Provide
    Arbitrary<DecisionQuery> queries() {
        Arbitrary<Optional<LocalDate>> day = Arbitraries.integers().between(-2, DAYS + 1).map(FIRST::plusDays).optional(0.3);
        Arbitrary<Optional<Category>> category = Arbitraries.oneOf(Arbitraries.of(CATEGORIES),
                Arbitraries.just(Category.STATEMENT_CATEGORY_ANIMAL_WELFARE)).optional(0.35);
        Arbitrary<Optional<DecisionGround>> ground = Arbitraries.of(DecisionGround.class).optional(0.35);
        Arbitrary<Optional<RestrictionKind>> restriction = Arbitraries.of(RestrictionKind.class).optional(0.35);
        Arbitrary<Optional<AutomatedDecision>> automation = Arbitraries.of(AutomatedDecision.class).optional(0.35);
        Arbitrary<Optional<DecisionSource>> source = Arbitraries.of(DecisionSource.class).optional(0.35);
        Arbitrary<Optional<String>> rule = Arbitraries.oneOf(Arbitraries.of(RULES), Arbitraries.just("rule-that-never-acted@1"))
                .optional(0.35);
        Arbitrary<Optional<AppealStatus>> appeal = Arbitraries.of(AppealStatus.class).optional(0.35);
        return Combinators.combine(day, day, category, ground, restriction, automation, source, rule).flatAs(
                (from, to, c, g, r, a, s, ru) -> appeal.map(ap -> {
                    boolean backwards = from.isPresent() && to.isPresent() && to.get().isBefore(from.get());
                    return new DecisionQuery(backwards ? to : from, backwards ? from : to, c, g, r, a, s, ru, ap);
                }));
    }

    /** Whether {@code decision} matches every filter of {@code query}, tested one by one. */
    private static boolean matches(DecisionQuery query, PublicDecision decision) {
        LocalDate day = LocalDate.ofInstant(decision.decidedAt(), ZoneOffset.UTC);
        return query.from().map(from -> !day.isBefore(from)).orElse(true)
                && query.to().map(to -> !day.isAfter(to)).orElse(true)
                && query.category().map(c -> decision.category().equals(Optional.of(c))).orElse(true)
                && query.ground().map(g -> decision.ground().equals(Optional.of(g))).orElse(true)
                && query.restriction().map(r -> decision.restrictions().contains(r)).orElse(true)
                && query.automation().map(a -> decision.automation() == a).orElse(true)
                && query.source().map(s -> decision.source() == s).orElse(true)
                && query.rule().map(r -> decision.rule().equals(Optional.of(r))).orElse(true)
                && query.appeal().map(a -> decision.appeal() == a).orElse(true);
    }
}
