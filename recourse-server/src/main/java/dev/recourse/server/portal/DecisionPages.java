package dev.recourse.server.portal;

import dev.recourse.core.FieldError;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.server.http.Answer;
import dev.recourse.server.http.Call;
import dev.recourse.server.page.Html;
import dev.recourse.store.projection.AppealStatus;
import dev.recourse.store.projection.Cursor;
import dev.recourse.store.projection.DecisionQuery;
import dev.recourse.store.projection.DecisionSource;
import dev.recourse.store.projection.Page;
import dev.recourse.store.projection.PublicDecision;
import dev.recourse.store.projection.PublicRecord;
import dev.recourse.store.projection.RestrictionKind;
import dev.recourse.tlog.Parsed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /portal/decisions}: the search of decisions by day, category, ground, restriction, automation, source,
 * rule and appeal, newest first, a page at a time; and {@code GET /portal/decisions/{id}}: one decision's public record,
 * with its DSA fields, its log entry and the link to its receipt.
 */
public final class DecisionPages {
    /** How many decisions one page of results lists. */
    static final int PAGE_SIZE = 50;
    private static final int MAX_RULE = 200;

    private final PublicRecord record;

    /** The pages over {@code record}. */
    public DecisionPages(PublicRecord record) {
        this.record = record;
    }

    /** {@code GET /portal/decisions}. */
    public Answer search(Call call) {
        List<FieldError> errors = new ArrayList<>();
        Optional<LocalDate> from = day(call, "from", errors);
        Optional<LocalDate> to = day(call, "to", errors);
        Optional<Category> category = code(call, "category", Category.class, errors);
        Optional<DecisionGround> ground = code(call, "ground", DecisionGround.class, errors);
        Optional<RestrictionKind> restriction = code(call, "restriction", RestrictionKind.class, errors);
        Optional<AutomatedDecision> automation = code(call, "automation", AutomatedDecision.class, errors);
        Optional<DecisionSource> source = code(call, "source", DecisionSource.class, errors);
        Optional<AppealStatus> appeal = code(call, "appeal", AppealStatus.class, errors);
        Optional<String> rule = given(call, "rule").map(String::strip);
        if (rule.isPresent() && (rule.get().length() > MAX_RULE || !rule.get().matches("[^@\\s]+@[^@\\s]+"))) {
            errors.add(new FieldError("rule", "is a rule's id and version, id@version, such as hate-keywords@12"));
        }
        Optional<Cursor> cursor = Optional.empty();
        if (given(call, "cursor").isPresent()) {
            switch (Cursor.parse(given(call, "cursor").get())) {
                case Parsed.Ok<Cursor> ok -> cursor = Optional.of(ok.value());
                case Parsed.Malformed<Cursor> ignored -> errors.add(new FieldError("cursor", "is not a cursor of these pages; start from the first page"));
            }
        }
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            errors.add(new FieldError("to", "is on or after the day in from"));
        }
        if (!errors.isEmpty()) {
            return PortalFrame.badRequest("Search decisions", errors);
        }
        DecisionQuery query = new DecisionQuery(from, to, category, ground, restriction, automation, source, rule, appeal);
        Page<PublicDecision> page = record.search(query, cursor, PAGE_SIZE);

        StringBuilder body = new StringBuilder();
        body.append("<p>Every decision recorded, newest first: what was restricted, on what ground, by whom or by which rule,"
                + " what started it, and whether it was appealed. Narrow the list with any of these.</p>");
        body.append("<form method=\"get\" action=\"").append(PortalFrame.DECISIONS).append("\" class=\"box\" role=\"search\"><div class=\"filters\">");
        dateInput(body, "from", "Decided from", from);
        dateInput(body, "to", "Decided until", to);
        select(body, "category", "Category", Category.values(), category);
        select(body, "ground", "Ground", DecisionGround.values(), ground);
        select(body, "restriction", "Restriction", RestrictionKind.values(), restriction);
        select(body, "automation", "Automated", AutomatedDecision.values(), automation);
        select(body, "source", "Source", DecisionSource.values(), source);
        body.append("<div><label for=\"rule\">Rule (id@version)</label><input id=\"rule\" name=\"rule\" value=\"")
                .append(Html.attribute(rule.orElse(""))).append("\" placeholder=\"hate-keywords@12\"></div>");
        select(body, "appeal", "Appeal", AppealStatus.values(), appeal);
        body.append("</div><button type=\"submit\">Search</button> <a href=\"").append(PortalFrame.DECISIONS)
                .append("\">Clear</a></form>");

        if (page.items().isEmpty()) {
            body.append("<p id=\"results\">No decision matches.</p>");
        } else {
            body.append("<table id=\"results\"><thead><tr><th>Decided</th><th>Category</th><th>Restriction</th><th>Automated</th>"
                    + "<th>Source</th><th>Rule</th><th>Appeal</th></tr></thead><tbody>");
            for (PublicDecision d : page.items()) {
                body.append("<tr><td><a href=\"").append(PortalFrame.DECISIONS).append('/').append(d.id()).append("\">")
                        .append(Html.text(d.decidedAt().toString().substring(0, 16).replace('T', ' '))).append("</a></td><td>")
                        .append(Html.text(d.category().map(Labels::of).orElse("No action"))).append("</td><td>")
                        .append(Html.text(restrictions(d))).append("</td><td>").append(Html.text(Labels.of(d.automation())))
                        .append("</td><td>").append(Html.text(Labels.of(d.source()))).append("</td><td>")
                        .append(Html.text(d.rule().orElse("—"))).append("</td><td>").append(Html.text(Labels.of(d.appeal())))
                        .append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        page.next().ifPresent(next -> {
            Map<String, String> parameters = parameters(call);
            parameters.put("cursor", next.token());
            body.append("<p><a rel=\"next\" href=\"").append(Html.attribute(PortalFrame.DECISIONS + "?" + parameters.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")))).append("\">Older decisions</a></p>");
        });
        return PortalFrame.page(200, "Decisions", body.toString());
    }

    /** {@code GET /portal/decisions/{id}}. */
    public Answer show(Call call) {
        Optional<PublicDecision> found = call.uuidParameter("id").map(DecisionId::new).flatMap(record::decision);
        if (found.isEmpty()) {
            return PortalFrame.page(404, "No such decision", "<p>No decision has the id <code>" + Html.text(call.pathParameter("id"))
                    + "</code>. <a href=\"" + PortalFrame.DECISIONS + "\">Search the decisions</a>.</p>")
                    .withHeader("Cache-Control", "no-store");
        }
        PublicDecision d = found.get();
        byte[] entry = record.entry(d.position()).orElseThrow(() -> new IllegalStateException(
                "the decision " + d.id() + " is at position " + d.position() + " but the log has no entry there"));
        Json.Obj json = (Json.Obj) Json.parseUtf8(entry).orElseThrow();
        StringBuilder body = new StringBuilder();
        body.append("<table><tbody>");
        row(body, "Decision (puid)", d.id().toString());
        row(body, "Decided", d.decidedAt().toString());
        row(body, "Case", d.caseId().toString());
        row(body, "Category", d.category().map(Labels::of).orElse("No action"));
        row(body, "Ground", d.ground().map(Labels::of).orElse("—"));
        row(body, "Restriction", restrictions(d));
        row(body, "Automated", Labels.of(d.automation()));
        row(body, "Source", Labels.of(d.source()));
        row(body, "Rule", d.rule().orElse("— (people decided)"));
        row(body, "Appeal", Labels.of(d.appeal()));
        body.append("</tbody></table>");

        if (json.get("statement") instanceof Json.Obj statement) {
            if (statement.get("dsa") instanceof Json.Obj dsa) {
                body.append("<h2>Statement of reasons (DSA Art. 17)</h2><table><tbody>");
                dsa.members().forEach((name, value) -> row(body, name, text(value)));
                body.append("</tbody></table>");
            }
            if (statement.get("deciders") instanceof Json.Obj deciders) {
                body.append("<h2>Who decided</h2><pre>").append(Html.text(CanonicalJson.write(deciders))).append("</pre>");
            }
            if (statement.get("redress") instanceof Json.Obj redress) {
                body.append("<h2>Redress</h2><table><tbody>");
                redress.members().forEach((name, value) -> row(body, name, text(value)));
                body.append("</tbody></table>");
            }
        } else if (json.get("no_action") instanceof Json.Obj noAction) {
            body.append("<h2>No action was taken</h2><pre>").append(Html.text(CanonicalJson.write(noAction))).append("</pre>");
        }
        body.append("<h2>Log entry</h2><p>Entry <strong>").append(d.position()).append("</strong> of the public log, exactly as"
                        + " it was logged (canonical JSON, RFC 8785):</p><pre id=\"entry\">")
                .append(Html.text(new String(entry, StandardCharsets.UTF_8))).append("</pre>")
                .append("<p><a id=\"receipt\" href=\"/v1/receipts/").append(d.position()).append("\">Download its receipt</a>"
                        + " (a c2sp.org/tlog-proof), then <a href=\"").append(PortalFrame.VERIFY)
                .append("\">verify it</a> here or offline with <code>recourse verify</code>.</p>");
        return PortalFrame.page(200, "Decision " + d.id(), body.toString());
    }

    private static String restrictions(PublicDecision d) {
        return d.restrictions().isEmpty() ? "None" : d.restrictions().stream().map(Labels::of).collect(Collectors.joining(", "));
    }

    private static String text(Json value) {
        return switch (value) {
            case Json.Str s -> s.value();
            case Json.Arr a -> a.elements().stream().map(DecisionPages::text).collect(Collectors.joining(", "));
            default -> CanonicalJson.write(value);
        };
    }

    private static void row(StringBuilder body, String name, String value) {
        body.append("<tr><th scope=\"row\">").append(Html.text(name)).append("</th><td>").append(Html.text(value)).append("</td></tr>");
    }

    /** The filters given, by name, to carry to the next page. */
    private static Map<String, String> parameters(Call call) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : List.of("from", "to", "category", "ground", "restriction", "automation", "source", "rule", "appeal")) {
            given(call, name).ifPresent(v -> given.put(name, v));
        }
        return given;
    }

    /** A query parameter if given and not blank (a form sends blank fields for "any"). */
    static Optional<String> given(Call call, String name) {
        return call.query(name).filter(v -> !v.isBlank());
    }

    /** The day in query parameter {@code name}, if given; a wrong one adds to {@code errors}. */
    static Optional<LocalDate> day(Call call, String name, List<FieldError> errors) {
        Optional<String> text = given(call, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "is a day, YYYY-MM-DD"));
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> code(Call call, String name, Class<E> type, List<FieldError> errors) {
        Optional<String> text = given(call, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text.get())) {
                return Optional.of(value);
            }
        }
        errors.add(new FieldError(name, "is one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", "))));
        return Optional.empty();
    }

    private static void dateInput(StringBuilder body, String name, String label, Optional<LocalDate> value) {
        body.append("<div><label for=\"").append(name).append("\">").append(label).append("</label><input type=\"date\" id=\"")
                .append(name).append("\" name=\"").append(name).append("\" value=\"").append(value.map(LocalDate::toString).orElse(""))
                .append("\"></div>");
    }

    private static <E extends Enum<E>> void select(StringBuilder body, String name, String label, E[] values, Optional<E> chosen) {
        body.append("<div><label for=\"").append(name).append("\">").append(label).append("</label><select id=\"").append(name)
                .append("\" name=\"").append(name).append("\"><option value=\"\">Any</option>");
        for (E value : values) {
            body.append("<option value=\"").append(value.name()).append('"').append(chosen.filter(value::equals).isPresent() ? " selected" : "")
                    .append('>').append(Html.text(Labels.of(value))).append("</option>");
        }
        body.append("</select></div>");
    }
}
