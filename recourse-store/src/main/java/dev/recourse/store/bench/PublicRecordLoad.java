package dev.recourse.store.bench;

import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.SourceType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Fills the public record of an empty database as if it held a given number of decisions, for the portal's
 * benchmark: the rollups per day and dimensions (a random share of all combinations each day, with counts that add up
 * to about the decisions asked for), the rollups per rule, and optionally the searchable decisions themselves. Written
 * straight into the tables with set-based SQL, seeded, so that runs compare; no events are made.
 */
public final class PublicRecordLoad {
    private static final List<String> KINDS = List.of("VISIBILITY", "ACCOUNT", "VISIBILITY+ACCOUNT", "MONETARY", "SERVICE");
    /** The share of all combinations of dimensions that has decisions on a given day. */
    private static final double COMBINATIONS_USED = 0.3;
    /**
     * The log position of the first searchable decision the load writes: far above those of the events a benchmark
     * then records through the core, so that both fit in the table.
     */
    public static final long FIRST_POSITION = 1L << 40;
    /** How many searchable decisions one statement writes, between reports of progress. */
    private static final long CHUNK = 1_000_000;

    private PublicRecordLoad() {}

    /**
     * Fills the rollups of {@code days} days from {@code first} with about {@code decisions} decisions by {@code rules}
     * rules and people, and {@code searchable} rows of searchable decisions. With searchable decisions, the rollups per
     * day and dimensions count exactly those instead, as the read model would ({@code decisions} then only sizes the
     * rollups per rule).
     *
     * @return how many decisions the rollups count
     */
    public static long fill(DataSource dataSource, LocalDate first, int days, long decisions, int rules, long searchable)
            throws SQLException {
        return fill(dataSource, first, days, decisions, rules, searchable, message -> { });
    }

    /**
     * As {@link #fill(DataSource, LocalDate, int, long, int, long)}, telling {@code progress} how far it got (a line
     * such as "3000000 of 10000000 searchable decisions written").
     *
     * <p>The searchable decisions MUST go into an empty table: the table's indexes are dropped while they are written
     * and built again afterwards, which is many times faster than keeping them row by row (ten million rows: minutes
     * instead of most of an hour).
     */
    public static long fill(DataSource dataSource, LocalDate first, int days, long decisions, int rules, long searchable,
            Consumer<String> progress) throws SQLException {
        String[] categories = Arrays.stream(Category.values()).map(Enum::name).toArray(String[]::new);
        String[] grounds = Arrays.stream(DecisionGround.values()).map(Enum::name).toArray(String[]::new);
        String[] automation = Arrays.stream(AutomatedDecision.values()).map(Enum::name).toArray(String[]::new);
        String[] sources = Arrays.stream(SourceType.values()).map(Enum::name).toArray(String[]::new);
        long combinations = (long) categories.length * grounds.length * KINDS.size() * automation.length * sources.length;
        double mean = (double) decisions / (days * combinations * COMBINATIONS_USED);
        LocalDate last = first.plusDays(days - 1L);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement seed = connection.createStatement()) {
                seed.execute("SELECT setseed(0.42)");
            }
            if (searchable > 0) {
                fillSearchable(connection, first, days, rules, searchable, categories, grounds, automation, progress);
                // The rollups count exactly the searchable decisions, as the read model keeps them.
                progress.accept("counting the searchable decisions into the rollups");
                countTheSearchable(connection);
            } else {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transparency_rollup (day, category, ground,"
                        + " restriction_kind, automation, source_type, decisions, appeals_filed, appeals_decided, appeals_upheld,"
                        + " appeals_reversed, appeals_modified, reinstatements, time_to_decide)"
                        + " SELECT day, c, g, k, a, s, n, n / 20, n / 25, n / 40, n / 120, n / 400, n / 120,"
                        + " ARRAY[n / 20, n / 10, n / 10, n / 5, n / 5, n / 10, n / 10, n / 20, n / 40, n / 80, 0]::bigint[]"
                        + " FROM (SELECT d::date AS day, c, g, k, a, s, 1 + floor(random() * (2 * ?::float8 - 1))::bigint AS n"
                        + " FROM generate_series(?::date, ?::date, interval '1 day') d, unnest(?::text[]) c, unnest(?::text[]) g,"
                        + " unnest(?::text[]) k, unnest(?::text[]) a, unnest(?::text[]) s WHERE random() < ?::float8) t")) {
                    insert.setDouble(1, mean);
                    insert.setString(2, first.toString());
                    insert.setString(3, last.toString());
                    insert.setArray(4, connection.createArrayOf("text", categories));
                    insert.setArray(5, connection.createArrayOf("text", grounds));
                    insert.setArray(6, connection.createArrayOf("text", KINDS.toArray()));
                    insert.setArray(7, connection.createArrayOf("text", automation));
                    insert.setArray(8, connection.createArrayOf("text", sources));
                    insert.setDouble(9, COMBINATIONS_USED);
                    insert.execute();
                }
                facets(connection);
            }
            long counted;
            try (Statement sum = connection.createStatement(); ResultSet rows = sum.executeQuery(
                    "SELECT coalesce(sum(decisions), 0) FROM transparency_rollup")) {
                rows.next();
                counted = rows.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rule_rollup (day, rule, decisions, appeals_filed,"
                    + " appeals_decided, appeals_upheld, appeals_reversed, appeals_modified, reinstated_on_appeal,"
                    + " reinstated_without_appeal, time_to_decide_appeal)"
                    + " SELECT day, r, n, n / 20, n / 25, n / 40, n / 120, n / 400, n / 120, n / 1000,"
                    + " ARRAY[0, 0, 0, n / 400, n / 200, n / 100, n / 100, n / 200, n / 400, n / 1000, 0]::bigint[]"
                    + " FROM (SELECT d::date AS day, CASE WHEN r = 0 THEN '' ELSE 'rule-' || r || '@' || (1 + r % 3) END AS r,"
                    + " 1 + floor(random() * (2 * ?::float8 / (?::int + 1) - 1))::bigint AS n"
                    + " FROM generate_series(?::date, ?::date, interval '1 day') d, generate_series(0, ?) r) t")) {
                insert.setDouble(1, (double) counted / days);
                insert.setInt(2, rules);
                insert.setString(3, first.toString());
                insert.setString(4, last.toString());
                insert.setInt(5, rules);
                insert.execute();
            }
            connection.commit();
            try (Statement analyze = connection.createStatement()) {
                connection.setAutoCommit(true);
                analyze.execute("ANALYZE transparency_rollup; ANALYZE transparency_facet; ANALYZE rule_rollup; ANALYZE public_decision");
            }
            return counted;
        }
    }

    /**
     * Counts the decisions of {@code public_decision} into the rollups per day and dimensions and their facets, and
     * the positions of each day's decisions into {@code decision_day}, in place of what they held, as the read model
     * would have counted them (the times to decide and the appeals' outcomes made up from the decisions' numbers):
     * for a test or a benchmark that writes the searchable decisions itself.
     */
    public static void countTheSearchable(Connection connection) throws SQLException {
        try (Statement rollups = connection.createStatement()) {
            rollups.execute("DELETE FROM transparency_rollup");
            rollups.execute("DELETE FROM transparency_facet");
            rollups.execute("DELETE FROM decision_day");
            rollups.execute("INSERT INTO decision_day SELECT (decided_at AT TIME ZONE 'UTC')::date, min(position), max(position)"
                    + " FROM public_decision GROUP BY 1");
            rollups.execute("INSERT INTO transparency_rollup (day, category, ground, restriction_kind, automation, source_type,"
                    + " decisions, appeals_filed, appeals_decided, appeals_upheld, appeals_reversed, appeals_modified,"
                    + " reinstatements, time_to_decide)"
                    + " SELECT day, category, ground, restriction_kind, automation, source_type, n, f, u + r + m, u, r, m, r,"
                    + " ARRAY[n / 20, n / 10, n / 10, n / 5, n / 5, n / 10, n / 10, n / 20, n / 40, n / 80, 0]::bigint[]"
                    + " FROM (SELECT (decided_at AT TIME ZONE 'UTC')::date AS day, category, ground, restriction_kind, automation,"
                    + " CASE source WHEN 'ARTICLE_16' THEN 'SOURCE_ARTICLE_16' WHEN 'TRUSTED_FLAGGER' THEN 'SOURCE_TRUSTED_FLAGGER'"
                    + " WHEN 'OWN_INITIATIVE' THEN 'SOURCE_VOLUNTARY' WHEN 'NOT_STATED' THEN ''"
                    + " ELSE 'SOURCE_TYPE_OTHER_NOTIFICATION' END AS source_type, count(*) AS n,"
                    + " count(*) FILTER (WHERE appeal <> 'NONE') AS f, count(*) FILTER (WHERE appeal = 'UPHELD') AS u,"
                    + " count(*) FILTER (WHERE appeal = 'REVERSED') AS r, count(*) FILTER (WHERE appeal = 'MODIFIED') AS m"
                    + " FROM public_decision GROUP BY 1, 2, 3, 4, 5, 6) t");
        }
        facets(connection);
    }

    /** Sums the rollups per day and dimensions into their facets. */
    private static void facets(Connection connection) throws SQLException {
        try (Statement facets = connection.createStatement()) {
            StringBuilder buckets = new StringBuilder("ARRAY[");
            for (int i = 1; i <= 11; i++) {
                buckets.append(i == 1 ? "" : ", ").append("sum(time_to_decide[").append(i).append("])");
            }
            String sums = "sum(decisions), sum(appeals_filed), sum(appeals_decided), sum(appeals_upheld), sum(appeals_reversed),"
                    + " sum(appeals_modified), sum(reinstatements), " + buckets + "]::bigint[]";
            for (String[] facet : List.of(new String[] {"ALL", "''"}, new String[] {"AUTOMATION", "automation"},
                    new String[] {"CATEGORY", "category"}, new String[] {"SOURCE", "source_type"})) {
                facets.execute("INSERT INTO transparency_facet SELECT day, '" + facet[0] + "', " + facet[1] + ", " + sums
                        + " FROM transparency_rollup GROUP BY day, " + facet[1].replace("''", "1"));
            }
        }
    }

    private static void fillSearchable(Connection connection, LocalDate first, int days, int rules, long searchable, String[] categories,
            String[] grounds, String[] automation, Consumer<String> progress) throws SQLException {
        List<String> rebuild = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM public_decision")) {
                rows.next();
                if (rows.getLong(1) != 0) {
                    throw new IllegalStateException("the load writes searchable decisions into an empty table only, not into one with "
                            + rows.getLong(1));
                }
            }
            List<String> drop = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = 'public_decision'::regclass AND contype IN ('p', 'u')")) {
                while (rows.next()) {
                    drop.add("ALTER TABLE public_decision DROP CONSTRAINT " + rows.getString(1));
                    rebuild.add("ALTER TABLE public_decision ADD CONSTRAINT " + rows.getString(1) + " " + rows.getString(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'public_decision'"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname"
                    + " AND c.conrelid = 'public_decision'::regclass)")) {
                while (rows.next()) {
                    drop.add("DROP INDEX " + rows.getString(1));
                    rebuild.add(rows.getString(2));
                }
            }
            for (String sql : drop) {
                statement.execute(sql);
            }
        }
        // The rows of a range of decisions, each a function of its number i; its parameters are set by generated().
        String generate = "SELECT i, (?::text[])[1 + i % ?] AS category, (?::text[])[1 + i % 2] AS ground,"
                + " (?::text[])[1 + i % 5] AS restriction_kind, (?::text[])[1 + i % 3] AS automation,"
                + " (ARRAY['ARTICLE_16', 'TRUSTED_FLAGGER', 'OTHER_NOTICE', 'OWN_INITIATIVE', 'AUTHORITY_ORDER',"
                + " 'GOVERNMENT_REQUEST'])[1 + i % 6] AS source,"
                + " CASE WHEN i % 3 = 2 THEN '' ELSE 'rule-' || (i % ?) || '@1' END AS rule,"
                + " (ARRAY['NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'PENDING', 'UPHELD', 'REVERSED', 'MODIFIED'])[1 + i % 10]"
                + " AS appeal FROM generate_series(?::bigint, ?::bigint) i";
        // The trigger that keeps the combinations would look each row's up one by one; the load writes its
        // combinations first and gives each row its own, set-based.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE public_decision DISABLE TRIGGER public_decision_combination");
        }
        try (PreparedStatement combinations = connection.prepareStatement("INSERT INTO decision_combination (rule, category, ground,"
                + " restriction_kind, automation, source, appeal) SELECT DISTINCT rule, category, ground, restriction_kind, automation,"
                + " source, appeal FROM (" + generate + ") g ON CONFLICT DO NOTHING");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO public_decision (decision_id, position,"
                + " case_id, decided_at, category, ground, restriction_kind, automation, source, rule, appeal, combination)"
                + " SELECT gen_random_uuid(), ?::bigint + i, gen_random_uuid(), ?::timestamptz + (i * ?::float8) * interval '1 second',"
                + " category, ground, restriction_kind, automation, source, rule, appeal, c.id FROM (" + generate + ") g"
                + " JOIN decision_combination c USING (rule, category, ground, restriction_kind, automation, source, appeal)")) {
            insert.setLong(1, FIRST_POSITION);
            insert.setString(2, first + "T00:00:00Z");
            insert.setDouble(3, days * 86_400.0 / searchable);
            for (long from = 0; from < searchable; from += CHUNK) {
                long to = Math.min(searchable, from + CHUNK);
                generated(combinations, 1, connection, categories, grounds, automation, rules, from, to - 1);
                combinations.execute();
                generated(insert, 4, connection, categories, grounds, automation, rules, from, to - 1);
                insert.execute();
                progress.accept(to + " of " + searchable + " searchable decisions written");
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL maintenance_work_mem = '512MB'");
            for (String sql : rebuild) {
                progress.accept("building: " + sql);
                statement.execute(sql);
            }
            statement.execute("ALTER TABLE public_decision ENABLE TRIGGER public_decision_combination");
        }
    }

    /** Sets the parameters of the generated rows (decisions {@code from} to {@code to}) from the {@code first}. */
    private static void generated(PreparedStatement statement, int first, Connection connection, String[] categories, String[] grounds,
            String[] automation, int rules, long from, long to) throws SQLException {
        statement.setArray(first, connection.createArrayOf("text", categories));
        statement.setInt(first + 1, categories.length);
        statement.setArray(first + 2, connection.createArrayOf("text", grounds));
        statement.setArray(first + 3, connection.createArrayOf("text", KINDS.toArray()));
        statement.setArray(first + 4, connection.createArrayOf("text", automation));
        statement.setInt(first + 5, Math.max(1, rules));
        statement.setLong(first + 6, from);
        statement.setLong(first + 7, to);
    }
}
