package dev.recourse.server.portal;

import dev.recourse.core.FieldError;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.server.http.Answer;
import dev.recourse.server.http.Call;
import dev.recourse.server.page.Html;
import dev.recourse.store.projection.PublicRecord;
import dev.recourse.store.projection.RollupCounts;
import dev.recourse.store.projection.Statistics;
import dev.recourse.store.safeguard.RuleFigures;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /portal/statistics}: the figures of a period as charts, summed from the rollups: decisions over time and how
 * far they were automated, by category and source, appeals and how often they overturn a decision (per rule too), the
 * median times to decide and to decide an appeal, reinstatements with and without an appeal. It reads rollups only, so
 * it costs the same with ten decisions or ten million.
 */
public final class StatisticsPage {
    /** The period shown when none is asked for: the last 90 days. */
    static final int DEFAULT_DAYS = 90;
    /** The longest period one page shows. */
    static final int MAX_DAYS = 3 * 366;
    /** Beyond this many days, the charts over time show weeks. */
    private static final int DAILY_UP_TO = 120;
    private static final List<AutomatedDecision> AUTOMATION = List.of(AutomatedDecision.AUTOMATED_DECISION_FULLY,
            AutomatedDecision.AUTOMATED_DECISION_PARTIALLY, AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED);

    private final PublicRecord record;
    private final Supplier<List<RuleFigures>> safeguards;
    private final InstantSource clock;

    /**
     * The page over {@code record}.
     *
     * @param clock what "today" is, for the default period
     */
    public StatisticsPage(PublicRecord record, Supplier<List<RuleFigures>> safeguards, InstantSource clock) {
        this.record = record;
        this.safeguards = safeguards;
        this.clock = clock;
    }

    /** {@code GET /portal/statistics}. */
    public Answer page(Call call) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = DecisionPages.day(call, "to", errors).orElse(today);
        LocalDate from = DecisionPages.day(call, "from", errors).orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (errors.isEmpty() && to.isBefore(from)) {
            errors.add(new FieldError("to", "is on or after the day in from"));
        } else if (errors.isEmpty() && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            errors.add(new FieldError("from", "is at most " + MAX_DAYS + " days before the day in to"));
        }
        if (!errors.isEmpty()) {
            return PortalFrame.badRequest("Statistics", errors);
        }
        return PortalFrame.page(200, "Statistics", render(record.statistics(from, to)) + safeguards(safeguards.get()));
    }

    /** The page's body for {@code s}. */
    static String render(Statistics s) {
        RollupCounts total = s.total();
        Map<AutomatedDecision, Long> automation = s.byAutomation();
        long automated = automation.getOrDefault(AutomatedDecision.AUTOMATED_DECISION_FULLY, 0L)
                + automation.getOrDefault(AutomatedDecision.AUTOMATED_DECISION_PARTIALLY, 0L);
        long overturned = total.appealsReversed() + total.appealsModified();
        StringBuilder b = new StringBuilder();
        b.append("<form method=\"get\" class=\"box filters\" aria-label=\"Period\"><div><label for=\"from\">From</label>"
                        + "<input type=\"date\" id=\"from\" name=\"from\" value=\"").append(s.from()).append("\"></div>"
                        + "<div><label for=\"to\">Until</label><input type=\"date\" id=\"to\" name=\"to\" value=\"").append(s.to())
                .append("\"></div><div><button type=\"submit\">Show</button></div></form>");
        b.append("<p>From ").append(s.from()).append(" to ").append(s.to()).append(" (UTC), counted as the decisions were"
                + " recorded. Every figure comes from the public log; each decision can be looked up in the"
                + " <a href=\"").append(PortalFrame.DECISIONS).append("\">search</a>.</p>");

        b.append("<div class=\"figures\" id=\"figures\">");
        figure(b, "decisions", "Decisions", Long.toString(total.decisions()));
        figure(b, "automated-share", "Automated (fully or partly)", Charts.percent(automated, total.decisions()));
        figure(b, "appeals", "Appeals decided", Long.toString(total.appealsDecided()));
        figure(b, "overturn-rate", "Appeals that overturned the decision", Charts.percent(overturned, total.appealsDecided()));
        figure(b, "median-decide", "Median time to decide", median(total.medianTimeToDecideBound(), total.timeToDecide()));
        figure(b, "median-appeal", "Median time to decide an appeal", median(s.medianAppealTimeBound(), s.appealTime()));
        b.append("</div>");

        b.append("<h2 id=\"over-time\">Decisions over time</h2>");
        b.append(Charts.columns("chart-decisions", "Decisions per " + unit(s) + ", by how far they were automated",
                List.of("Fully automated", "Partly automated", "Not automated"), decisionColumns(s)));
        b.append("<h2>How many were automated</h2><div style=\"display:flex;gap:1.5rem;align-items:center\">")
                .append(Charts.ring("chart-automated", "Share of decisions automated fully or partly", automated, total.decisions()))
                .append("<p>").append(automated).append(" of ").append(total.decisions()).append(" decisions were taken or proposed by an"
                        + " automated rule. A person took part in every other one; appeals are always decided by people.</p></div>");

        b.append("<h2>By category</h2>");
        List<Charts.Bar> categories = new ArrayList<>(s.byCategory().entrySet().stream()
                .map(e -> new Charts.Bar(Labels.of(e.getKey()), e.getValue())).toList());
        if (s.noAction() > 0) {
            categories.add(new Charts.Bar("No action taken", s.noAction()));
        }
        categories.sort(Comparator.comparingLong(Charts.Bar::value).reversed());
        b.append(categories.isEmpty() ? "<p>No decisions in this period.</p>" : Charts.bars("chart-categories", "Decisions by category", categories));

        b.append("<h2>What started them</h2>");
        List<Charts.Bar> sources = s.bySource().entrySet().stream().map(e -> new Charts.Bar(Labels.of(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(Charts.Bar::value).reversed()).toList();
        b.append(sources.isEmpty() ? "<p>No restrictions in this period.</p>" : Charts.bars("chart-sources", "Restrictions by source", sources))
                .append("<p class=\"muted\">Orders of authorities and requests of governments are listed in the <a href=\"")
                .append(PortalFrame.AUTHORITY_REQUESTS).append("\">register of authority requests</a>.</p>");

        b.append("<h2 id=\"appeals-section\">Appeals and how often they overturn a decision</h2>");
        b.append(Charts.columns("chart-appeals", "Appeals decided per " + unit(s) + ": overturned or upheld",
                List.of("Overturned (reversed or modified)", "Upheld"), appealColumns(s)));
        b.append("<h3>Per rule</h3><table id=\"rules\"><thead><tr><th>Rule</th><th>Decisions</th><th>Appeals decided</th>"
                + "<th>Overturned</th><th>Overturn rate</th></tr></thead><tbody>");
        for (Statistics.RuleFigures r : s.rules()) {
            b.append("<tr><td>").append(Html.text(r.rule().orElse("People alone"))).append("</td><td>").append(r.decisions())
                    .append("</td><td>").append(r.appealsDecided()).append("</td><td>").append(r.overturned()).append("</td><td>")
                    .append(rateBar(r.overturned(), r.appealsDecided())).append("</td></tr>");
        }
        if (s.rules().isEmpty()) {
            b.append("<tr><td colspan=\"5\">No decisions in this period.</td></tr>");
        }
        b.append("</tbody></table>");

        b.append("<h2>How long it takes</h2>");
        b.append(Charts.bars("chart-time-to-decide", "Decisions by time from the first notice or detection to the decision",
                histogram(total.timeToDecide())));
        b.append(Charts.bars("chart-time-to-appeal", "Appeals by time from filing to decision", histogram(s.appealTime())));

        b.append("<h2>Reinstatements</h2>");
        b.append(Charts.bars("chart-reinstatements", "Restrictions lifted and the subject restored",
                List.of(new Charts.Bar("After an appeal", s.reinstatedOnAppeal()),
                        new Charts.Bar("Without an appeal (recall, own review)", s.reinstatedWithoutAppeal()))));

        return b.toString();
    }

    /**
     * The safeguards of automated rules: each rule version's breaker trips, whether it is tripped now, and its
     * recalls. These are totals since the rule version first acted, not figures of the period chosen above.
     */
    static String safeguards(List<RuleFigures> rules) {
        StringBuilder b = new StringBuilder("<h2 id=\"safeguards\">Safeguards: breaker trips and recalls</h2>")
                .append("<p class=\"muted\">A circuit breaker stops a rule version that acts far more than it used to, or on"
                        + " many subjects of one owner at once: its further actions wait for a person. A recall reverses"
                        + " everything one rule version did and apologises to each person. Totals since each rule version"
                        + " first acted.</p>")
                .append("<table id=\"rule-safeguards\"><thead><tr><th>Rule version</th><th>Actions</th><th>Breaker trips</th>"
                        + "<th>Tripped now</th><th>Recalls</th><th>Restrictions recalled</th></tr></thead><tbody>");
        for (RuleFigures r : rules) {
            b.append("<tr><td>").append(Html.text(r.rule().toString())).append("</td><td>").append(r.actions())
                    .append("</td><td>").append(r.trips()).append("</td><td>").append(r.tripped() ? "yes" : "no")
                    .append("</td><td>").append(r.recalls()).append("</td><td>").append(r.recalled()).append("</td></tr>");
        }
        if (rules.isEmpty()) {
            b.append("<tr><td colspan=\"6\">No automated rule has acted yet.</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String unit(Statistics s) {
        return weekly(s) ? "week" : "day";
    }

    private static boolean weekly(Statistics s) {
        return ChronoUnit.DAYS.between(s.from(), s.to()) >= DAILY_UP_TO;
    }

    /** The slot of {@code day}: itself, or the first day of its week from the period's start. */
    private static LocalDate slot(Statistics s, LocalDate day) {
        return weekly(s) ? s.from().plusWeeks(ChronoUnit.WEEKS.between(s.from(), day)) : day;
    }

    /** Every slot of the period, in order, with empty ones too: a gap in time shows as a gap. */
    private static List<LocalDate> slots(Statistics s) {
        List<LocalDate> slots = new ArrayList<>();
        for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(weekly(s) ? 7 : 1)) {
            slots.add(d);
        }
        return slots;
    }

    private static List<Charts.Column> decisionColumns(Statistics s) {
        Map<LocalDate, long[]> sums = new HashMap<>();
        for (Statistics.Day d : s.days()) {
            long[] sum = sums.computeIfAbsent(slot(s, d.day()), k -> new long[AUTOMATION.size()]);
            for (int i = 0; i < AUTOMATION.size(); i++) {
                sum[i] += d.byAutomation().getOrDefault(AUTOMATION.get(i), 0L);
            }
        }
        return slots(s).stream().map(day -> new Charts.Column(day.toString(), boxed(sums.getOrDefault(day, new long[AUTOMATION.size()]))))
                .toList();
    }

    private static List<Charts.Column> appealColumns(Statistics s) {
        Map<LocalDate, long[]> sums = new HashMap<>();
        for (Statistics.Day d : s.days()) {
            long[] sum = sums.computeIfAbsent(slot(s, d.day()), k -> new long[2]);
            sum[0] += d.overturned();
            sum[1] += d.appealsDecided() - d.overturned();
        }
        return slots(s).stream().map(day -> new Charts.Column(day.toString(), boxed(sums.getOrDefault(day, new long[2])))).toList();
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    private static List<Charts.Bar> histogram(List<Long> buckets) {
        List<Charts.Bar> bars = new ArrayList<>();
        List<Duration> bounds = RollupCounts.BUCKET_BOUNDS;
        for (int i = 0; i < buckets.size(); i++) {
            String label = i == 0 ? "under " + Labels.of(bounds.get(0))
                    : i == bounds.size() ? Labels.of(bounds.get(i - 1)) + " or more"
                    : Labels.of(bounds.get(i - 1)) + " to " + Labels.of(bounds.get(i));
            bars.add(new Charts.Bar(label, buckets.get(i)));
        }
        return bars;
    }

    private static String median(Optional<Duration> bound, List<Long> buckets) {
        if (bound.isPresent()) {
            return "under " + Labels.of(bound.get());
        }
        return buckets.stream().mapToLong(Long::longValue).sum() == 0 ? "–"
                : Labels.of(RollupCounts.BUCKET_BOUNDS.getLast()) + " or more";
    }

    private static String rateBar(long part, long whole) {
        double share = whole == 0 ? 0 : (double) part / whole;
        return "<svg role=\"img\" aria-label=\"" + Charts.percent(part, whole) + "\" viewBox=\"0 0 160 14\" width=\"160\" height=\"14\">"
                + "<rect width=\"100\" height=\"14\" fill=\"currentColor\" fill-opacity=\".12\"/><rect width=\""
                + String.format(java.util.Locale.ROOT, "%.1f", 100 * share) + "\" height=\"14\" fill=\"" + Charts.PALETTE.get(5)
                + "\"/><text x=\"106\" y=\"11\">" + Charts.percent(part, whole) + "</text></svg>";
    }

    private static void figure(StringBuilder b, String id, String label, String value) {
        b.append("<div class=\"figure\" id=\"").append(id).append("\"><strong>").append(Html.text(value)).append("</strong>")
                .append(Html.text(label)).append("</div>");
    }
}
