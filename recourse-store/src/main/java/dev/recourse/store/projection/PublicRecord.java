package dev.recourse.store.projection;

import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.SourceType;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.store.StoreException;
import dev.recourse.store.database.Queries;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public record that the transparency portal shows: the decisions, searchable by their public dimensions; the
 * register of authority requests; and the statistics, summed from the rollups. Every query reads through an index or
 * reads rollups, never all decisions. Nothing it answers is personal data, and nothing of a request under a legal hold
 * but that it exists and when the hold ends.
 *
 * <p>Kept by the read model's projection ({@link PublicRecordProjector}). Thread-safe; queries throw
 * {@link StoreException} when the database fails.
 */
public final class PublicRecord {
    /** The most items one page holds. */
    public static final int MAX_PAGE = 200;
    /**
     * How many entries of the index by combination a search with several filters reads at most by taking a page of
     * each combination it matches. Some twenty thousand entries of an index read in order take milliseconds.
     */
    static final int MERGED_ENTRIES = 20_000;
    /**
     * How many decisions a search whose filters match more combinations than that walks, newest first, before it
     * turns to their combinations ({@link Search#broad}).
     */
    static final int WALKED_ENTRIES = 2_000;

    private static final String DECISION_COLUMNS = "decision_id, position, case_id, decided_at, category, ground,"
            + " restriction_kind, automation, source, rule, appeal";
    private static final String ENTRY = "SELECT public_entry FROM event WHERE position = ?";
    private static final String REQUESTS = "SELECT r.request_id, r.position, r.registered_at, r.held_until, r.disclosed_at,"
            // Held requests: the database answers nothing of them but their existence and the hold's end.
            + " CASE WHEN r.disclosed_at IS NULL THEN NULL ELSE r.kind END,"
            + " CASE WHEN r.disclosed_at IS NULL THEN NULL ELSE r.authority END,"
            + " CASE WHEN r.disclosed_at IS NULL THEN NULL ELSE r.country END,"
            + " CASE WHEN r.disclosed_at IS NULL THEN NULL ELSE r.legal_basis END,"
            + " CASE WHEN r.disclosed_at IS NULL THEN NULL ELSE c.subject_kind END"
            + " FROM authority_register r LEFT JOIN case_view c ON c.case_id = r.case_id"
            + " WHERE r.position < ? ORDER BY r.position DESC LIMIT ?";
    private static final String REQUEST_DECISIONS = "SELECT a.request_id, d." + DECISION_COLUMNS.replace(", ", ", d.")
            + " FROM authority_action a JOIN authority_register r ON r.request_id = a.request_id AND r.disclosed_at IS NOT NULL"
            + " JOIN public_decision d ON d.decision_id = a.decision_id WHERE a.request_id = ANY(?) ORDER BY d.position";
    private static final int BUCKETS = RollupCounts.BUCKET_BOUNDS.size() + 1;
    private static final String ROLLUP_SUMS;
    private static final String RULE_SUMS;

    static {
        StringBuilder sums = new StringBuilder("SELECT facet, value, CASE WHEN facet IN ('ALL', 'AUTOMATION') THEN day END,"
                + " sum(decisions), sum(appeals_filed), sum(appeals_decided), sum(appeals_upheld), sum(appeals_reversed),"
                + " sum(appeals_modified), sum(reinstatements)");
        StringBuilder rules = new StringBuilder("SELECT GROUPING(rule), rule, sum(decisions), sum(appeals_decided),"
                + " sum(appeals_upheld), sum(appeals_reversed), sum(appeals_modified), sum(reinstated_on_appeal),"
                + " sum(reinstated_without_appeal)");
        for (int i = 1; i <= BUCKETS; i++) {
            sums.append(", sum(time_to_decide[").append(i).append("])");
            rules.append(", sum(time_to_decide_appeal[").append(i).append("])");
        }
        ROLLUP_SUMS = sums.append(" FROM transparency_facet WHERE day BETWEEN ? AND ? GROUP BY 1, 2, 3 ORDER BY 3, 1, 2").toString();
        RULE_SUMS = rules.append(" FROM rule_rollup WHERE day BETWEEN ? AND ? GROUP BY GROUPING SETS ((rule), ())").toString();
    }

    private final DataSource dataSource;
    private final Bounds bounds;

    /** The public record in {@code dataSource}. */
    public PublicRecord(DataSource dataSource) {
        this(dataSource, new Bounds(MERGED_ENTRIES, WALKED_ENTRIES));
    }

    /** The public record in {@code dataSource}, whose searches with several filters keep to {@code bounds}. */
    PublicRecord(DataSource dataSource, Bounds bounds) {
        this.dataSource = dataSource;
        this.bounds = bounds;
    }

    /**
     * Where a search with several filters changes its way of reading (tests make them small, to take every way on
     * a few decisions).
     *
     * @param merged the most index entries read by taking a page of each matching combination
     *     ({@link Search#merging}); more, and the search is {@link Search#broad}
     * @param walked the most decisions a broad search walks before it turns to the combinations
     */
    record Bounds(int merged, int walked) {
        Bounds {
            if (merged < 1 || walked < 1) {
                throw new IllegalArgumentException("a search reads at least one entry each way, not " + merged + " and " + walked);
            }
        }
    }

    /**
     * The decisions that {@code query} finds, newest first: up to {@code limit} after {@code after} (from the newest if
     * empty).
     *
     * @param limit 1 to {@value #MAX_PAGE}
     */
    public Page<PublicDecision> search(DecisionQuery query, Optional<Cursor> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " items, not " + limit);
        }
        Optional<Search> search = plan(query, after, limit + 1);
        if (search.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<PublicDecision> found = query(search.get().sql(), search.get()::set, rows -> decision(rows, 1));
        if (found.size() <= limit) {
            return new Page<>(found, Optional.empty());
        }
        return new Page<>(found.subList(0, limit), Optional.of(new Cursor(found.get(limit - 1).position())));
    }

    /**
     * The statement that finds up to {@code rows} decisions that {@code query} matches after {@code after}; empty when the
     * read model tells without reading a decision that none does.
     *
     * <p>A search with one filter (or none) walks the index of its filter, newest first, where every entry it reads
     * matches (but for the days). A search with two filters or more cannot: each filter's index may hold millions of
     * decisions of which none has the other filter's value (a rule and a ground it never decides on), and a walk
     * would read them all to find that out. It looks up the combinations of dimensions that match all its filters
     * in {@code decision_combination} (V250) instead: none, and the answer is empty; a few, and it reads the newest
     * decisions of each through the index by combination, a page at most per combination
     * ({@link Search#merging}), so its work is bounded by the number of combinations, never by the number of
     * decisions. Rollups per rule and dimension would have told only whether each pair of filters ever occurs
     * together, not a third filter with them, nor found a rare combination's decisions without a walk; an index
     * covering the dimensions would still have been read entry by entry over all the rule's decisions. When more than
     * {@value #MERGED_ENTRIES} entries could be read that way (hundreds of combinations match: broad filters, whose
     * decisions are mostly common), the search is {@link Search#broad}: it walks a bounded number of the newest
     * decisions, where common filters fill a page, and otherwise reads the combinations' newest entries down to the
     * page's last; bounded either way, by the number of combinations and the size of a page.
     *
     * <p>Days are read within the positions of their decisions ({@link #span}), either way: a day long ago costs no
     * more than the newest.
     */
    Optional<Search> plan(DecisionQuery query, Optional<Cursor> after, int rows) {
        if (filters(query) >= 2) {
            int[] combinations = combinations(query);
            if (combinations.length == 0) {
                return Optional.empty();
            }
            // Bounded by its combinations already: the rollups are not asked for its days.
            if ((long) combinations.length * rows <= bounds.merged()) {
                return span(query).map(span -> Search.merging(query, combinations, after, rows, span));
            }
            return span(query).map(span -> Search.broad(query, combinations, after, rows, span, bounds.walked()));
        }
        return narrowed(query).flatMap(narrowed -> span(narrowed).map(span -> Search.of(narrowed, after, rows, span)));
    }

    /** How many of {@code query}'s filters name a dimension, the days aside. */
    private static long filters(DecisionQuery query) {
        return java.util.stream.Stream.of(query.category(), query.ground(), query.restriction(), query.automation(), query.source(),
                query.rule(), query.appeal()).filter(Optional::isPresent).count();
    }

    /**
     * The combinations of dimensions (their ids) that decisions have had and that {@code query} matches: a read of the
     * small table of combinations, which grows with the rules and the values they decide with, not with the decisions.
     */
    int[] combinations(DecisionQuery query) {
        StringBuilder sql = new StringBuilder("SELECT id FROM decision_combination WHERE true");
        List<Object> parameters = new ArrayList<>();
        alike(sql, parameters, query);
        query.source().ifPresent(v -> equal(sql, parameters, "source", v.name()));
        query.rule().ifPresent(v -> equal(sql, parameters, "rule", v));
        query.appeal().ifPresent(v -> equal(sql, parameters, "appeal", v.name()));
        return query(sql.toString(), new Search(sql.toString(), parameters)::set, rows -> rows.getInt(1)).stream()
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Appends the conditions on {@code query}'s category, ground, kind of restriction and automation, which the rollups
     * and the combinations keep alike (the kinds joined by {@code +}).
     */
    private static void alike(StringBuilder sql, List<Object> parameters, DecisionQuery query) {
        query.category().ifPresent(v -> equal(sql, parameters, "category", v.name()));
        query.ground().ifPresent(v -> equal(sql, parameters, "ground", v.name()));
        query.restriction().ifPresent(v -> {
            sql.append(" AND ? = ANY (string_to_array(restriction_kind, '+'))");
            parameters.add(v.name());
        });
        query.automation().ifPresent(v -> equal(sql, parameters, "automation", v.name()));
    }

    /**
     * {@code query} with its days narrowed to those on which the rollups counted decisions with its category, ground,
     * restriction, automation and source; empty if there are none, so the search can answer without reading a decision.
     * The rollups are kept in the same transaction as the decisions, so they count exactly the decisions there are; per
     * day and combination of these five, they tell in a few hundred rows a year whether a combination whose values are
     * each common ever occurs. A query with none of the five is returned as it is: its other filters (days, rule,
     * appeal) have indexes that bound the search on their own.
     */
    Optional<DecisionQuery> narrowed(DecisionQuery query) {
        if (query.category().isEmpty() && query.ground().isEmpty() && query.restriction().isEmpty() && query.automation().isEmpty()
                && query.source().isEmpty()) {
            return Optional.of(query);
        }
        StringBuilder sql = new StringBuilder("SELECT min(day), max(day) FROM transparency_rollup WHERE decisions > 0");
        List<Object> parameters = new ArrayList<>();
        days(sql, parameters, "day", query);
        alike(sql, parameters, query);
        // The rollups keep the DSA's source type, which the finer sources of the public record map onto.
        query.source().ifPresent(v -> equal(sql, parameters, "source_type", switch (v) {
            case ARTICLE_16 -> SourceType.SOURCE_ARTICLE_16.name();
            case TRUSTED_FLAGGER -> SourceType.SOURCE_TRUSTED_FLAGGER.name();
            case OTHER_NOTICE, AUTHORITY_ORDER, GOVERNMENT_REQUEST -> SourceType.SOURCE_TYPE_OTHER_NOTIFICATION.name();
            case OWN_INITIATIVE -> SourceType.SOURCE_VOLUNTARY.name();
            case NOT_STATED -> "";
        }));
        List<LocalDate[]> span = query(sql.toString(), statement -> new Search(sql.toString(), parameters).set(statement),
                rows -> new LocalDate[] {rows.getObject(1, LocalDate.class), rows.getObject(2, LocalDate.class)});
        LocalDate[] days = span.getFirst();
        if (days[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new DecisionQuery(Optional.of(days[0]), Optional.of(days[1]), query.category(), query.ground(),
                query.restriction(), query.automation(), query.source(), query.rule(), query.appeal()));
    }

    /**
     * The log positions between which every decision of {@code query}'s days lies, from {@code decision_day} (V251):
     * {@link Span#ALL} without days; empty if no decision was taken on them. The positions follow the decisions' times
     * only roughly (each is stamped by its caller's clock), so a search keeps its condition on the days too; but with
     * the span it starts reading at its days' last decision instead of walking every later one, and stops at their
     * first.
     */
    Optional<Span> span(DecisionQuery query) {
        if (query.from().isEmpty() && query.to().isEmpty()) {
            return Optional.of(Span.ALL);
        }
        Long[] span = query("SELECT min(first_position), max(last_position) FROM decision_day"
                + " WHERE day >= coalesce(?, '-infinity'::date) AND day <= coalesce(?, 'infinity'::date)", statement -> {
                    statement.setObject(1, query.from().orElse(null), java.sql.Types.DATE);
                    statement.setObject(2, query.to().orElse(null), java.sql.Types.DATE);
                }, rows -> new Long[] {rows.getObject(1, Long.class), rows.getObject(2, Long.class)}).getFirst();
        return span[0] == null ? Optional.empty() : Optional.of(new Span(span[0], span[1]));
    }

    /**
     * Log positions from {@code first} to {@code last}, both included.
     *
     * @param first the first position
     * @param last the last position, not before {@code first}
     */
    record Span(long first, long last) {
        /** Every position. */
        static final Span ALL = new Span(Long.MIN_VALUE, Long.MAX_VALUE);

        Span {
            if (last < first) {
                throw new IllegalArgumentException("a span of positions runs from " + first + " to a later one, not to " + last);
            }
        }

        /** Appends the condition that a decision's position lies in this span, unless it is {@link #ALL}. */
        void condition(StringBuilder sql, List<Object> parameters) {
            if (!equals(ALL)) {
                sql.append(" AND position BETWEEN ? AND ?");
                parameters.add(first);
                parameters.add(last);
            }
        }
    }

    /** The statement of a search: its SQL and the values of its parameters. */
    record Search(String sql, List<Object> parameters) {
        /**
         * A decision's day (UTC), as the searches test it: an expression no index has, so that PostgreSQL reads within
         * the days' span of positions (through the filters' indexes) and tests the day of each decision it finds there,
         * rather than read every decision of the days through the index by time to intersect them with a filter's.
         */
        private static final String DAY = "(decided_at AT TIME ZONE 'UTC')::date";

        /**
         * The statement that finds up to {@code rows} decisions that {@code query} matches, after {@code after}, walking
         * the decisions newest first (through the index of a filter) until enough match.
         */
        static Search of(DecisionQuery query, Optional<Cursor> after, int rows) {
            return of(query, after, rows, Span.ALL);
        }

        /**
         * As {@link #of(DecisionQuery, Optional, int)}, within {@code span}, the positions of the query's days: the walk
         * starts at the last of them rather than at the newest decision. PostgreSQL does not know that log positions
         * follow the days, so for a few days long ago it would otherwise walk through every later decision.
         */
        static Search of(DecisionQuery query, Optional<Cursor> after, int rows, Span span) {
            StringBuilder sql = new StringBuilder("SELECT ").append(DECISION_COLUMNS).append(" FROM public_decision WHERE position < ?");
            List<Object> parameters = new ArrayList<>();
            parameters.add(after.map(Cursor::position).orElse(Long.MAX_VALUE));
            span.condition(sql, parameters);
            matching(sql, parameters, query);
            sql.append(" ORDER BY position DESC LIMIT ?");
            parameters.add(rows);
            return new Search(sql.toString(), List.copyOf(parameters));
        }

        /** Appends the conditions that a decision lies on {@code query}'s days and has the values of its filters. */
        private static void matching(StringBuilder sql, List<Object> parameters, DecisionQuery query) {
            days(sql, parameters, DAY, query);
            query.category().ifPresent(v -> equal(sql, parameters, "category", v.name()));
            query.ground().ifPresent(v -> equal(sql, parameters, "ground", v.name()));
            // Written as the predicate of the kind's partial index (V210), with the kind's name as a literal: the
            // planner uses a partial index only for a condition it can see implies the index's. The name is an
            // enum constant's, never input.
            query.restriction().ifPresent(v -> sql.append(" AND '").append(v.name())
                    .append("' = ANY (string_to_array(restriction_kind, '+'))"));
            query.automation().ifPresent(v -> equal(sql, parameters, "automation", v.name()));
            query.source().ifPresent(v -> equal(sql, parameters, "source", v.name()));
            query.rule().ifPresent(v -> equal(sql, parameters, "rule", v));
            query.appeal().ifPresent(v -> equal(sql, parameters, "appeal", v.name()));
        }

        /**
         * The statement that finds up to {@code rows} decisions of {@code combinations} on {@code query}'s days, after
         * {@code after}: the newest {@code rows} of each combination, read from the index by combination (and the day it
         * carries), and of those the newest {@code rows}. Every decision of a combination matches the filters the
         * combinations were looked up by, so no entry is read to be thrown away but for the days, and within
         * {@code span} (the positions of the query's days) only those stamped out of order are.
         */
        static Search merging(DecisionQuery query, int[] combinations, Optional<Cursor> after, int rows, Span span) {
            List<Object> parameters = new ArrayList<>();
            parameters.add(combinations.clone());
            String newest = newest(query, after, span, "c.id", "", parameters);
            parameters.add(rows);
            parameters.add(rows);
            return new Search("SELECT " + DECISION_COLUMNS + " FROM public_decision WHERE position = ANY (ARRAY("
                    + "SELECT p.position FROM unnest(?::integer[]) AS c(id) CROSS JOIN LATERAL (" + newest
                    + " ORDER BY position DESC LIMIT ?) p ORDER BY p.position DESC LIMIT ?)) ORDER BY position DESC",
                    List.copyOf(parameters));
        }

        /**
         * The statement that finds up to {@code rows} decisions of {@code combinations} on {@code query}'s days, after
         * {@code after}, when so many combinations match that a page of each ({@link #merging}) would be too many to
         * read. It reads in two bounded ways, the second only if the first does not fill the page:
         * <ol>
         *   <li>a walk of at most {@code walked} of the newest decisions (within {@code span}), by position, testing
         *       each against the filters: broad filters are mostly common, and then fill a page within it;</li>
         *   <li>otherwise, by combination: the newest {@code m} entries of each of the {@code K} combinations
         *       ({@code m} about {@code rows / sqrt(K)}), whose {@code rows}-th newest is a threshold {@code t} below
         *       which no decision of the page lies (those entries are matches already); a combination of which fewer
         *       than {@code m} entries were read has no more, and each other one may hold more in the positions from
         *       {@code t} to its oldest entry read, of which the newest {@code rows} are read. At most {@code rows / m}
         *       combinations have all {@code m} entries above {@code t}; for the others that range is empty. The page
         *       is the newest {@code rows} of all entries read.</li>
         * </ol>
         * So it reads at most {@code walked} decisions, {@code K * m} entries and {@code (rows / m + 1) * rows} more:
         * bounded by the number of combinations and the size of a page, never by the number of decisions (but for the
         * entries of the query's days stamped out of order, as with {@link #merging}).
         */
        static Search broad(DecisionQuery query, int[] combinations, Optional<Cursor> after, int rows, Span span, int walked) {
            int m = Math.max(1, (int) Math.round(rows / Math.sqrt(combinations.length)));
            List<Object> parameters = new ArrayList<>();
            StringBuilder sql = new StringBuilder("WITH walked AS (SELECT position FROM (SELECT ").append(DECISION_COLUMNS)
                    .append(" FROM public_decision WHERE position < ?");
            parameters.add(after.map(Cursor::position).orElse(Long.MAX_VALUE));
            span.condition(sql, parameters);
            sql.append(" ORDER BY position DESC LIMIT ?) d WHERE true");
            parameters.add(walked);
            matching(sql, parameters, query);
            sql.append(" ORDER BY position DESC LIMIT ?),");
            parameters.add(rows);
            sql.append(" heads AS (SELECT c.id, p.position FROM unnest(?::integer[]) AS c(id) CROSS JOIN LATERAL (");
            parameters.add(combinations.clone());
            sql.append(newest(query, after, span, "c.id", "", parameters)).append(" ORDER BY position DESC LIMIT ?) p),");
            parameters.add(m);
            // The combinations of which all m entries were read, with the oldest of them.
            sql.append(" saturated AS (SELECT id, min(position) AS below FROM heads GROUP BY id HAVING count(*) = ?),");
            parameters.add(m);
            // No decision of the page lies below the rows-th newest entry read (Long.MIN_VALUE: fewer were read).
            sql.append(" threshold AS (SELECT coalesce((SELECT position FROM heads ORDER BY position DESC OFFSET ? LIMIT 1), ?)"
                    + " AS least),");
            parameters.add(rows - 1);
            parameters.add(Long.MIN_VALUE);
            sql.append(" more AS (SELECT p.position FROM saturated s CROSS JOIN threshold t CROSS JOIN LATERAL (")
                    .append(newest(query, after, span, "s.id", " AND position < s.below AND position >= t.least", parameters))
                    .append(" ORDER BY position DESC LIMIT ?) p)");
            parameters.add(rows);
            // Whether the walk filled the page decides which way answers; the other is never read.
            sql.append(" SELECT ").append(DECISION_COLUMNS).append(" FROM public_decision WHERE position = ANY (ARRAY(")
                    .append("SELECT position FROM walked WHERE (SELECT count(*) FROM walked) = ?")
                    .append(" UNION ALL SELECT position FROM (SELECT position FROM heads UNION ALL SELECT position FROM more")
                    .append(" ORDER BY position DESC LIMIT ?) merged WHERE (SELECT count(*) FROM walked) < ?))")
                    .append(" ORDER BY position DESC");
            parameters.add(rows);
            parameters.add(rows);
            parameters.add(rows);
            return new Search(sql.toString(), List.copyOf(parameters));
        }

        /**
         * The statement that reads the positions of the decisions of the combination {@code combination} (an expression
         * of the enclosing statement) on {@code query}'s days after {@code after} within {@code span} and {@code more}
         * conditions, through the index by combination; without its order and limit.
         */
        private static String newest(DecisionQuery query, Optional<Cursor> after, Span span, String combination, String more,
                List<Object> parameters) {
            StringBuilder newest = new StringBuilder("SELECT position FROM public_decision WHERE combination = ").append(combination)
                    .append(" AND position < ?").append(more);
            parameters.add(after.map(Cursor::position).orElse(Long.MAX_VALUE));
            span.condition(newest, parameters);
            days(newest, parameters, DAY, query);
            return newest.toString();
        }

        /** Sets the parameters of {@code statement}, prepared from {@link #sql}. */
        void set(java.sql.PreparedStatement statement) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
        }
    }

    /** Appends the conditions that {@code day}, an expression of a row's day, lies within {@code query}'s days. */
    private static void days(StringBuilder sql, List<Object> parameters, String day, DecisionQuery query) {
        query.from().ifPresent(from -> {
            sql.append(" AND ").append(day).append(" >= ?");
            parameters.add(from);
        });
        query.to().ifPresent(to -> {
            sql.append(" AND ").append(day).append(" <= ?");
            parameters.add(to);
        });
    }

        private static void equal(StringBuilder sql, List<Object> parameters, String column, String value) {
        sql.append(" AND ").append(column).append(" = ?");
        parameters.add(value);
    }

    /** The decision {@code id}, if it was taken. */
    public Optional<PublicDecision> decision(DecisionId id) {
        return query("SELECT " + DECISION_COLUMNS + " FROM public_decision WHERE decision_id = ?",
                statement -> statement.setObject(1, id.value()), rows -> decision(rows, 1)).stream().findFirst();
    }

    /** The public entry of the log at {@code position}: canonical JSON, exactly as the log holds it. */
    public Optional<byte[]> entry(long position) {
        return query(ENTRY, statement -> statement.setLong(1, position), rows -> rows.getBytes(1)).stream().findFirst();
    }

    /**
     * The register of authority requests, newest first: up to {@code limit} after {@code after} (from the newest if
     * empty), each disclosed one with the decisions it led to.
     *
     * @param limit 1 to {@value #MAX_PAGE}
     */
    public Page<RegisteredRequest> authorityRequests(Optional<Cursor> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " items, not " + limit);
        }
        List<Long> positions = new ArrayList<>();
        List<RegisteredRequest> found = query(REQUESTS, statement -> {
            statement.setLong(1, after.map(Cursor::position).orElse(Long.MAX_VALUE));
            statement.setInt(2, limit + 1);
        }, rows -> {
            positions.add(rows.getLong(2));
            AuthorityRequestId id = new AuthorityRequestId(rows.getObject(1, UUID.class));
            var registered = Rows.instant(rows, 3).orElseThrow();
            var heldUntil = Rows.instant(rows, 4);
            var disclosed = Rows.instant(rows, 5);
            if (disclosed.isEmpty()) {
                return new RegisteredRequest.Held(id, registered, heldUntil.orElseThrow(() -> new SQLException(
                        "request " + id + " is neither disclosed nor held")));
            }
            return new RegisteredRequest.Disclosed(id, registered, AuthorityKind.valueOf(rows.getString(6)), rows.getString(7),
                    rows.getString(8), rows.getString(9), SubjectKind.valueOf(rows.getString(10)), heldUntil, disclosed.get(),
                    List.of());
        });
        List<RegisteredRequest> page = found.size() <= limit ? found : found.subList(0, limit);
        Map<UUID, List<PublicDecision>> decisions = new HashMap<>();
        UUID[] disclosed = page.stream().filter(RegisteredRequest.Disclosed.class::isInstance).map(r -> r.id().value())
                .toArray(UUID[]::new);
        if (disclosed.length > 0) {
            query(REQUEST_DECISIONS, statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", disclosed)),
                    rows -> decisions.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>()).add(decision(rows, 2)));
        }
        List<RegisteredRequest> items = page.stream().map(r -> switch (r) {
            case RegisteredRequest.Held held -> (RegisteredRequest) held;
            case RegisteredRequest.Disclosed d -> new RegisteredRequest.Disclosed(d.id(), d.registeredAt(), d.kind(), d.authority(),
                    d.country(), d.legalBasis(), d.subject(), d.heldUntil(), d.disclosedAt(),
                    decisions.getOrDefault(d.id().value(), List.of()));
        }).toList();
        return new Page<>(items, found.size() <= limit ? Optional.empty() : Optional.of(new Cursor(positions.get(limit - 1))));
    }

    /** The figures of the days {@code from} to {@code to}, both included, summed from the rollups. */
    public Statistics statistics(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the days run from " + from + " to a later day, not to " + to);
        }
        Map<LocalDate, Map<AutomatedDecision, Long>> byDay = new java.util.TreeMap<>();
        Map<LocalDate, long[]> appealsByDay = new HashMap<>();
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        Map<SourceType, Long> bySource = new EnumMap<>(SourceType.class);
        long[] noAction = new long[1];
        RollupCounts[] total = {RollupCounts.ZERO};
        query(ROLLUP_SUMS, statement -> {
            statement.setObject(1, from);
            statement.setObject(2, to);
        }, rows -> {
            String value = rows.getString(2);
            long decisions = rows.getLong(4);
            switch (Facets.Facet.valueOf(rows.getString(1))) {
                case ALL -> {
                    LocalDate day = rows.getObject(3, LocalDate.class);
                    long[] appeals = appealsByDay.computeIfAbsent(day, d -> new long[2]);
                    appeals[0] += rows.getLong(6);
                    appeals[1] += rows.getLong(8) + rows.getLong(9);
                    total[0] = total[0].plus(new RollupCounts(decisions, rows.getLong(5), rows.getLong(6), rows.getLong(7),
                            rows.getLong(8), rows.getLong(9), rows.getLong(10), buckets(rows, 11)));
                }
                case AUTOMATION -> byDay.computeIfAbsent(rows.getObject(3, LocalDate.class), d -> new EnumMap<>(AutomatedDecision.class))
                        .merge(AutomatedDecision.valueOf(value), decisions, Long::sum);
                case CATEGORY -> {
                    if (value.isEmpty()) {
                        noAction[0] += decisions;
                    } else {
                        byCategory.merge(Category.valueOf(value), decisions, Long::sum);
                    }
                }
                case SOURCE -> {
                    if (!value.isEmpty()) {
                        bySource.merge(SourceType.valueOf(value), decisions, Long::sum);
                    }
                }
            }
            return decisions;
        });
        List<Statistics.Day> days = byDay.entrySet().stream().map(e -> new Statistics.Day(e.getKey(), e.getValue(),
                appealsByDay.getOrDefault(e.getKey(), new long[2])[0], appealsByDay.getOrDefault(e.getKey(), new long[2])[1])).toList();
        List<Statistics.RuleFigures> rules = new ArrayList<>();
        List<List<Long>> appealTime = new ArrayList<>(List.of(RollupCounts.ZERO.timeToDecide()));
        long[] reinstated = new long[2];
        query(RULE_SUMS + " ORDER BY 3 DESC, 2", statement -> {
            statement.setObject(1, from);
            statement.setObject(2, to);
        }, rows -> {
            if (rows.getInt(1) == 0) {
                String rule = rows.getString(2);
                rules.add(new Statistics.RuleFigures(rule.isEmpty() ? Optional.empty() : Optional.of(rule), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7)));
            } else {
                reinstated[0] = rows.getLong(8);
                reinstated[1] = rows.getLong(9);
                appealTime.set(0, buckets(rows, 10));
            }
            return rows.getLong(3);
        });
        return new Statistics(from, to, total[0], days, byCategory, bySource, noAction[0], rules, appealTime.getFirst(),
                reinstated[0], reinstated[1]);
    }

    private static List<Long> buckets(ResultSet rows, int first) throws SQLException {
        List<Long> buckets = new ArrayList<>(BUCKETS);
        for (int i = 0; i < BUCKETS; i++) {
            buckets.add(rows.getLong(first + i));
        }
        return buckets;
    }

    /** The decision in the columns of {@link #DECISION_COLUMNS} from {@code first} on. */
    private static PublicDecision decision(ResultSet rows, int first) throws SQLException {
        Dimensions dimensions = Dimensions.ofColumns(rows.getString(first + 4), rows.getString(first + 5),
                rows.getString(first + 6), rows.getString(first + 7), "");
        String rule = rows.getString(first + 9);
        return new PublicDecision(new DecisionId(rows.getObject(first, UUID.class)), rows.getLong(first + 1),
                new CaseId(rows.getObject(first + 2, UUID.class)), Rows.instant(rows, first + 3).orElseThrow(),
                dimensions.category(), dimensions.ground(), dimensions.restrictions(), dimensions.automation(),
                DecisionSource.valueOf(rows.getString(first + 8)), rule.isEmpty() ? Optional.empty() : Optional.of(rule),
                AppealStatus.valueOf(rows.getString(first + 10)));
    }

    private <T> List<T> query(String sql, Queries.Parameters parameters, Queries.Row<T> row) {
        return Queries.list(dataSource, "the public record", sql, parameters, row);
    }
}
