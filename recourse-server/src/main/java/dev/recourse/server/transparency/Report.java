package dev.recourse.server.transparency;

import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.SourceType;
import dev.recourse.server.page.Html;
import dev.recourse.server.page.Layout;
import dev.recourse.store.projection.Rollup;
import dev.recourse.store.projection.RollupCounts;
import dev.recourse.store.projection.RestrictionKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The transparency report of a period (DSA Articles 15 and 24), laid out as the quantitative template of Implementing
 * Regulation (EU) 2024/2835 (Annex I, Part II, section 1) as far as Recourse's data reaches, plus the numbers the Santa
 * Clara Principles ask for. Made only from the incremental transparency rollups (per day and dimensions of a
 * decision), never from the decisions themselves, so a year's report reads a few thousand rows at most.
 *
 * <p>Each table is one CSV file, named after its section of the template; {@link #html()} shows them all on one page.
 * docs/reports.md describes every column, and what the template asks that Recourse does not record.
 *
 * @param from the first day of the period (UTC)
 * @param to the last day of the period, included
 * @param generatedAt when the report was made
 * @param tables the tables, in the template's order
 */
public record Report(LocalDate from, LocalDate to, Instant generatedAt, List<Table> tables) {
    /** The name of the HTML page in the report's directory. */
    public static final String PAGE = "index.html";

    public Report {
        tables = List.copyOf(tables);
    }

    /**
     * One table of the report.
     *
     * @param file the CSV file's name
     * @param section the template's section number and title, as the template names it
     * @param description what the table counts, for people
     * @param columns the CSV header
     * @param rows the rows, each as many cells as {@code columns}
     */
    public record Table(String file, String section, String description, List<String> columns, List<List<String>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException(file + ": a row of " + row.size() + " cells under " + columns.size() + " columns");
                }
            }
        }

        /** The table as CSV (RFC 4180: comma-separated, CRLF line ends, quoted where needed), header first. */
        public String csv() {
            StringBuilder out = new StringBuilder(Csv.line(columns));
            rows.forEach(row -> out.append(Csv.line(row)));
            return out.toString();
        }
    }

    /** The report of {@code from} to {@code to} from the rollups of those days. */
    public static Report of(LocalDate from, LocalDate to, List<Rollup> rollups, Instant generatedAt) {
        Tally all = new Tally(rollups);
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("1.1-report-identification.csv", "1.1. Report identification",
                "The period and how this report was made.", List.of("field", "value"), List.of(
                        List.of("template", "Implementing Regulation (EU) 2024/2835, Annex I, quantitative template"),
                        List.of("reporting_period_start", from.toString()),
                        List.of("reporting_period_end", to.toString()),
                        List.of("generated_at", generatedAt.toString()),
                        List.of("source", "Recourse transparency rollups (decisions by day, category, ground, restriction, automation, source)"))));
        tables.add(new Table("1.2.1-member-state-orders-to-act-against-illegal-content.csv",
                "1.2.1. Member State orders to act against illegal content",
                "Decisions taken on orders and requests of authorities (source SOURCE_TYPE_OTHER_NOTIFICATION), by type of illegal content.",
                measureColumns("type_of_illegal_content"),
                all.measuresBy(r -> r.dimensions().category().map(Category::dsaValue).orElse(""),
                        r -> is(r, SourceType.SOURCE_TYPE_OTHER_NOTIFICATION))));
        tables.add(new Table("1.3-article-16-notices.csv",
                "1.3. Article 15(1)(b). Notices submitted in accordance with article 16 of Regulation (EU) 2022/2065",
                "Decisions taken on notices, by who sent them (a trusted flagger or anyone else) and the type of alleged illegal content.",
                withFirst("notifier", measureColumns("type_of_alleged_illegal_content")), notices(all)));
        tables.add(new Table("1.4-own-initiative-content-moderation.csv",
                "1.4. Article 15(1)(c). Meaningful and comprehensible information on own-initiative content moderation",
                "Decisions taken on the platform's own initiative (source SOURCE_VOLUNTARY, including automated detection), by category.",
                measureColumns("category"),
                all.measuresBy(r -> r.dimensions().category().map(Category::dsaValue).orElse(""), r -> is(r, SourceType.SOURCE_VOLUNTARY))));
        tables.add(new Table("1.5.1-internal-complaints.csv",
                "1.5.1. Internal complaints mechanism, out-of-court dispute settlement bodies and suspensions imposed on repeated offenders",
                "Appeals (internal complaints, Art. 20) against decisions, by the category of the decision appealed, and their outcomes.",
                List.of("basis_of_complaint", "complaints_received", "complaints_decided", "decisions_upheld", "decisions_reversed",
                        "decisions_modified", "reinstatements"),
                all.complaints()));
        tables.add(new Table("1.6-automated-means.csv",
                "1.6. Article 15(1)(b)(c)(e) and Article 42(2)(c). Use of automated means for content moderation and indicators of accuracy",
                "Decisions by how far they were automated, and how often an appeal overturned them: the indicator of accuracy.",
                List.of("automated_decision", "decisions", "complaints_decided", "decisions_reversed", "decisions_modified", "overturn_rate"),
                all.automation()));
        tables.add(new Table("santa-clara-numbers.csv", "Santa Clara Principles 2.0: Numbers",
                "The numbers the Santa Clara Principles ask for: actions by category, kind, detection and source, appeals and restorations.",
                List.of("measure", "breakdown", "value"), all.santaClara()));
        return new Report(from, to, generatedAt, tables);
    }

    /** Writes every table's CSV file and the HTML page into {@code directory}, each file whole or not at all. */
    public void writeTo(Path directory) throws IOException {
        for (Table table : tables) {
            write(directory.resolve(table.file()), table.csv());
        }
        write(directory.resolve(PAGE), html());
    }

    private static void write(Path file, String content) throws IOException {
        try (AtomicFile atomic = AtomicFile.create(file)) {
            OutputStream out = atomic.stream();
            out.write(content.getBytes(StandardCharsets.UTF_8));
            atomic.commit();
        }
    }

    /** The whole report as one readable page, each table with its section title and a link to its CSV file. */
    public String html() {
        String title = "Transparency report " + from + " to " + to;
        StringBuilder body = new StringBuilder("<h1>").append(Html.text(title)).append("</h1>")
                .append("<p class=\"muted\">Following the quantitative template of Implementing Regulation (EU) 2024/2835 as far as")
                .append(" Recourse's records reach, and the Santa Clara Principles' numbers. Made ").append(Html.text(generatedAt.toString()))
                .append(" from the transparency rollups. Every table is also a CSV file.</p>");
        for (Table table : tables) {
            body.append("<h2>").append(Html.text(table.section())).append("</h2><p>").append(Html.text(table.description()))
                    .append(" <a href=\"").append(Html.attribute(table.file())).append("\">").append(Html.text(table.file()))
                    .append("</a></p>");
            if (table.rows().isEmpty()) {
                body.append("<p class=\"muted\">Nothing to count in this period.</p>");
                continue;
            }
            body.append("<table><thead><tr>");
            table.columns().forEach(c -> body.append("<th>").append(Html.text(c.replace('_', ' '))).append("</th>"));
            body.append("</tr></thead><tbody>");
            for (List<String> row : table.rows()) {
                body.append("<tr>");
                row.forEach(cell -> body.append("<td>").append(Html.text(cell)).append("</td>"));
                body.append("</tr>");
            }
            body.append("</tbody></table>");
        }
        return Layout.document(Locale.ENGLISH, title, "<a href=\"" + PAGE + "\">Transparency report</a>", body.toString(),
                "Recourse: due process for content moderation.");
    }

    private static List<String> measureColumns(String first) {
        return List.of(first, "decisions", "illegal_content_ground", "terms_and_conditions_ground", "visibility_restrictions",
                "monetary_restrictions", "service_restrictions", "account_restrictions", "automated_decisions",
                "median_time_to_decide_under");
    }

    private static List<String> withFirst(String column, List<String> columns) {
        List<String> all = new ArrayList<>(List.of(column));
        all.addAll(columns);
        return all;
    }

    private static List<List<String>> notices(Tally all) {
        List<List<String>> rows = new ArrayList<>();
        for (SourceType source : List.of(SourceType.SOURCE_TRUSTED_FLAGGER, SourceType.SOURCE_ARTICLE_16)) {
            String notifier = source == SourceType.SOURCE_TRUSTED_FLAGGER ? "trusted flagger" : "other notifier";
            for (List<String> row : all.measuresBy(r -> r.dimensions().category().map(Category::dsaValue).orElse(""), r -> is(r, source))) {
                rows.add(withFirst(notifier, row));
            }
        }
        return rows;
    }

    private static boolean is(Rollup r, SourceType source) {
        return r.dimensions().sourceType().equals(Optional.of(source));
    }

    /** Counts over a set of rollups, grouped as the tables need. */
    private record Tally(List<Rollup> rollups) {
        /** One row per key (sorted) of the rollups {@code filter} keeps, with the measures of {@link #measureColumns}. */
        List<List<String>> measuresBy(Function<Rollup, String> key, Predicate<Rollup> filter) {
            Map<String, List<Rollup>> groups = new TreeMap<>();
            rollups.stream().filter(filter).filter(r -> r.counts().decisions() > 0)
                    .forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
            List<List<String>> rows = new ArrayList<>();
            groups.forEach((name, group) -> rows.add(measures(name, group)));
            return rows;
        }

        private static List<String> measures(String name, List<Rollup> group) {
            RollupCounts sum = sum(group);
            return List.of(name, n(sum.decisions()),
                    n(decisions(group, r -> r.dimensions().ground().equals(Optional.of(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)))),
                    n(decisions(group, r -> r.dimensions().ground().equals(Optional.of(DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT)))),
                    n(decisions(group, r -> r.dimensions().restrictions().contains(RestrictionKind.VISIBILITY))),
                    n(decisions(group, r -> r.dimensions().restrictions().contains(RestrictionKind.MONETARY))),
                    n(decisions(group, r -> r.dimensions().restrictions().contains(RestrictionKind.SERVICE))),
                    n(decisions(group, r -> r.dimensions().restrictions().contains(RestrictionKind.ACCOUNT))),
                    n(decisions(group, r -> r.dimensions().automation() != AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED)),
                    median(sum));
        }

        List<List<String>> complaints() {
            Map<String, List<Rollup>> groups = new TreeMap<>();
            rollups.stream().filter(r -> r.counts().appealsFiled() + r.counts().appealsDecided() + r.counts().reinstatements() > 0)
                    .forEach(r -> groups.computeIfAbsent(r.dimensions().category().map(Category::dsaValue).orElse("(no action)"),
                            k -> new ArrayList<>()).add(r));
            List<List<String>> rows = new ArrayList<>();
            groups.forEach((basis, group) -> rows.add(complaintRow(basis, sum(group))));
            if (!rows.isEmpty()) {
                rows.add(complaintRow("all", sum(rollups)));
            }
            return rows;
        }

        private static List<String> complaintRow(String basis, RollupCounts c) {
            return List.of(basis, n(c.appealsFiled()), n(c.appealsDecided()), n(c.appealsUpheld()), n(c.appealsReversed()),
                    n(c.appealsModified()), n(c.reinstatements()));
        }

        List<List<String>> automation() {
            List<List<String>> rows = new ArrayList<>();
            for (AutomatedDecision automation : AutomatedDecision.values()) {
                RollupCounts c = sum(rollups.stream().filter(r -> r.dimensions().automation() == automation).toList());
                if (c.decisions() + c.appealsDecided() > 0) {
                    rows.add(List.of(automation.dsaValue(), n(c.decisions()), n(c.appealsDecided()), n(c.appealsReversed()),
                            n(c.appealsModified()), rate(c.appealsReversed() + c.appealsModified(), c.appealsDecided())));
                }
            }
            return rows;
        }

        List<List<String>> santaClara() {
            RollupCounts total = sum(rollups);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("decisions", "all", n(total.decisions())));
            rows.add(List.of("decisions", "no action taken", n(decisions(rollups, r -> r.dimensions().restrictions().isEmpty()))));
            for (RestrictionKind kind : RestrictionKind.values()) {
                rows.add(List.of("actions by kind of restriction", kind.name().toLowerCase(Locale.ROOT),
                        n(decisions(rollups, r -> r.dimensions().restrictions().contains(kind)))));
            }
            Map<String, Long> byCategory = new TreeMap<>();
            rollups.stream().filter(r -> r.dimensions().category().isPresent())
                    .forEach(r -> byCategory.merge(r.dimensions().category().get().dsaValue(), r.counts().decisions(), Long::sum));
            byCategory.forEach((category, n) -> rows.add(List.of("actions by category", category, n(n))));
            for (SourceType source : SourceType.values()) {
                rows.add(List.of("actions by source of the flag", switch (source) {
                    case SOURCE_ARTICLE_16 -> "notice from a user";
                    case SOURCE_TRUSTED_FLAGGER -> "notice from a trusted flagger";
                    case SOURCE_TYPE_OTHER_NOTIFICATION -> "order or request of an authority";
                    case SOURCE_VOLUNTARY -> "platform's own initiative";
                }, n(decisions(rollups, r -> is(r, source)))));
            }
            for (AutomatedDecision automation : AutomatedDecision.values()) {
                rows.add(List.of("decisions by automation", automation.dsaValue(),
                        n(decisions(rollups, r -> r.dimensions().automation() == automation))));
            }
            rows.add(List.of("appeals", "filed", n(total.appealsFiled())));
            rows.add(List.of("appeals", "decided", n(total.appealsDecided())));
            rows.add(List.of("appeals", "decision reversed", n(total.appealsReversed())));
            rows.add(List.of("appeals", "decision modified", n(total.appealsModified())));
            rows.add(List.of("restorations", "after a successful appeal", n(total.reinstatements())));
            rows.add(List.of("time to decide", "median under", median(total)));
            return rows;
        }

        private static long decisions(List<Rollup> group, Predicate<Rollup> which) {
            return group.stream().filter(which).mapToLong(r -> r.counts().decisions()).sum();
        }

        private static RollupCounts sum(List<Rollup> group) {
            return group.stream().map(Rollup::counts).reduce(RollupCounts.ZERO, RollupCounts::plus);
        }
    }

    private static String median(RollupCounts counts) {
        return counts.medianTimeToDecideBound().map(Duration::toString).orElse("");
    }

    private static String rate(long part, long whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, "%.4f", (double) part / whole);
    }

    private static String n(long value) {
        return Long.toString(value);
    }
}
