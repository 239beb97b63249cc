package dev.recourse.store.projection;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The transparency rollups once more, per day and one dimension at a time ({@code transparency_facet}): all decisions,
 * and by automation, category and source. The portal's statistics read these few rows a day instead of every
 * combination of dimensions, so a year of figures is some ten thousand rows however many decisions were taken. Kept
 * from the same counts as {@code transparency_rollup}, in the same statement.
 */
final class Facets {
    /** The statement that adds a batch's facets: one more part of the read model's save. */
    static final String UPSERT = " INSERT INTO transparency_facet AS r (day, facet, value, decisions, appeals_filed,"
            + " appeals_decided, appeals_upheld, appeals_reversed, appeals_modified, reinstatements, time_to_decide)"
            + " SELECT day, f, v, n1, n2, n3, n4, n5, n6, n7, ttd::bigint[] FROM unnest(?::date[], ?::text[], ?::text[],"
            + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[])"
            + " AS t(day, f, v, n1, n2, n3, n4, n5, n6, n7, ttd)"
            + " ON CONFLICT (day, facet, value) DO UPDATE SET decisions = r.decisions + EXCLUDED.decisions,"
            + " appeals_filed = r.appeals_filed + EXCLUDED.appeals_filed,"
            + " appeals_decided = r.appeals_decided + EXCLUDED.appeals_decided,"
            + " appeals_upheld = r.appeals_upheld + EXCLUDED.appeals_upheld,"
            + " appeals_reversed = r.appeals_reversed + EXCLUDED.appeals_reversed,"
            + " appeals_modified = r.appeals_modified + EXCLUDED.appeals_modified,"
            + " reinstatements = r.reinstatements + EXCLUDED.reinstatements,"
            + " time_to_decide = add_counts(r.time_to_decide, EXCLUDED.time_to_decide);";

    /** What a facet tells apart; its name is the column {@code facet}. */
    enum Facet {
        /** Everything, in one row a day; the value is {@code ""}. */
        ALL,
        /** By {@link Dimensions#automation()}. */
        AUTOMATION,
        /** By {@link Dimensions#category()}; {@code ""} for no action. */
        CATEGORY,
        /** By {@link Dimensions#sourceType()}; {@code ""} for no action. */
        SOURCE
    }

    private record Key(LocalDate day, Facet facet, String value) {}

    private Facets() {}

    /** Adds the columns of {@link #UPSERT} for {@code rollups}, a batch's counts by day and dimensions. */
    static void columns(Columns c, List<Rollup> rollups) throws SQLException {
        Map<Key, RollupCounts> sums = new LinkedHashMap<>();
        for (Rollup r : rollups) {
            String[] columns = r.dimensions().columns();
            for (Key key : List.of(new Key(r.day(), Facet.ALL, ""), new Key(r.day(), Facet.AUTOMATION, columns[3]),
                    new Key(r.day(), Facet.CATEGORY, columns[0]), new Key(r.day(), Facet.SOURCE, columns[4]))) {
                sums.merge(key, r.counts(), RollupCounts::plus);
            }
        }
        List<Map.Entry<Key, RollupCounts>> rows = List.copyOf(sums.entrySet());
        c.dates(rows, e -> e.getKey().day());
        c.texts(rows, e -> e.getKey().facet().name());
        c.texts(rows, e -> e.getKey().value());
        c.longs(rows, e -> e.getValue().decisions());
        c.longs(rows, e -> e.getValue().appealsFiled());
        c.longs(rows, e -> e.getValue().appealsDecided());
        c.longs(rows, e -> e.getValue().appealsUpheld());
        c.longs(rows, e -> e.getValue().appealsReversed());
        c.longs(rows, e -> e.getValue().appealsModified());
        c.longs(rows, e -> e.getValue().reinstatements());
        c.texts(rows, e -> e.getValue().timeToDecide().stream().map(Object::toString).collect(Collectors.joining(",", "{", "}")));
    }
}
