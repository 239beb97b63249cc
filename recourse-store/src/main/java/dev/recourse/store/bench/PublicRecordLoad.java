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
import java.util.Arrays;
import java.util.List;
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

    private PublicRecordLoad() {}

    /**
     * Fills the rollups of {@code days} days from {@code first} with about {@code decisions} decisions by {@code rules}
     * rules and people, and {@code searchable} rows of searchable decisions.
     *
     * @return how many decisions the rollups count
     */
    public static long fill(DataSource dataSource, LocalDate first, int days, long decisions, int rules, long searchable)
            throws SQLException {
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
            if (searchable > 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO public_decision (decision_id, position,"
                        + " case_id, decided_at, category, ground, restriction_kind, automation, source, rule, appeal)"
                        + " SELECT gen_random_uuid(), i, gen_random_uuid(), ?::timestamptz + (i * ?::float8) * interval '1 second',"
                        + " (?::text[])[1 + i % ?], (?::text[])[1 + i % 2], (?::text[])[1 + i % 5],"
                        + " (?::text[])[1 + i % 3], (ARRAY['ARTICLE_16', 'TRUSTED_FLAGGER', 'OTHER_NOTICE', 'OWN_INITIATIVE',"
                        + " 'AUTHORITY_ORDER', 'GOVERNMENT_REQUEST'])[1 + i % 6],"
                        + " CASE WHEN i % 3 = 2 THEN '' ELSE 'rule-' || (i % ?) || '@1' END,"
                        + " (ARRAY['NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'NONE', 'PENDING', 'UPHELD', 'REVERSED', 'MODIFIED'])[1 + i % 10]"
                        + " FROM generate_series(0, ? - 1) i")) {
                    insert.setString(1, first + "T00:00:00Z");
                    insert.setDouble(2, days * 86_400.0 / searchable);
                    insert.setArray(3, connection.createArrayOf("text", categories));
                    insert.setInt(4, categories.length);
                    insert.setArray(5, connection.createArrayOf("text", grounds));
                    insert.setArray(6, connection.createArrayOf("text", KINDS.toArray()));
                    insert.setArray(7, connection.createArrayOf("text", automation));
                    insert.setInt(8, Math.max(1, rules));
                    insert.setLong(9, searchable);
                    insert.execute();
                }
            }
            connection.commit();
            try (Statement analyze = connection.createStatement()) {
                connection.setAutoCommit(true);
                analyze.execute("ANALYZE transparency_rollup; ANALYZE transparency_facet; ANALYZE rule_rollup; ANALYZE public_decision");
            }
            return counted;
        }
    }
}
