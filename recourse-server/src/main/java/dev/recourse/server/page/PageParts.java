package dev.recourse.server.page;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DsaStatement;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.store.sequencer.PrivateRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parts people's pages are made of, in one language: the frame with its language switcher, the statement of
 * reasons in plain words, the appeals and their outcomes, the appeal form and the receipt. Every text from outside
 * (reasons, names, ids) is escaped here; message texts are escaped with the values put in them, once.
 */
final class PageParts {
    /** Each language by its own name, for the switcher. */
    private static final Map<String, String> NATIVE_NAMES = Map.of("en", "English", "de", "Deutsch", "fr", "Français", "fa", "فارسی");

    private final Messages m;
    private final Instant now;

    PageParts(Messages messages, Instant now) {
        this.m = messages;
        this.now = now;
    }

    Messages messages() {
        return m;
    }

    /** The text of {@code key} with its placeholders filled, escaped. */
    String t(String key, String... pairs) {
        return Html.text(m.format(key, pairs));
    }

    /** A whole page: {@code title} (plain text), the switcher to this page in the other languages, and {@code body}. */
    String page(String title, String path, String body) {
        StringBuilder nav = new StringBuilder("<a href=\"").append(Html.attribute(path)).append("\">")
                .append(t("site")).append("</a> <nav aria-label=\"").append(t("language")).append("\">");
        for (Locale language : Messages.LANGUAGES) {
            String code = language.getLanguage();
            nav.append("<a lang=\"").append(code).append("\" href=\"").append(Html.attribute(path + "?lang=" + code)).append("\"")
                    .append(code.equals(m.language().getLanguage()) ? " aria-current=\"page\"" : "").append(">")
                    .append(Html.text(NATIVE_NAMES.get(code))).append("</a>");
        }
        nav.append("</nav>");
        return Layout.document(m.language(), title, nav.toString(), "<h1>" + Html.text(title) + "</h1>\n" + body,
                "<p>" + t("footer") + "</p>");
    }

    /** A page that says only that something went wrong. */
    String problem(String titleKey, String text, Optional<String> back) {
        String link = back.map(b -> "<p><a href=\"" + Html.attribute(b) + "\">" + t("back") + "</a></p>").orElse("");
        return Layout.document(m.language(), m.text(titleKey), t("site"), "<h1>" + t(titleKey) + "</h1>\n<p>" + text + "</p>" + link,
                "<p>" + t("footer") + "</p>");
    }

    /** What the decision did and why: its restrictions, or that nothing was done, and its reasons and deciders. */
    String outcome(Outcome outcome, Function<Restriction, Optional<CaseRecord.Lifted>> lifted) {
        StringBuilder html = new StringBuilder();
        switch (outcome) {
            case Outcome.Restrict r -> {
                html.append("<h2>").append(t("restricted.heading")).append("</h2>\n<ul>");
                for (Restriction restriction : r.restrictions()) {
                    html.append("<li><strong>").append(measure(restriction.measure())).append("</strong><br>")
                            .append(t("restriction.where")).append(": ").append(scope(restriction.scope())).append("<br>")
                            .append(t("restriction.until")).append(": ")
                            .append(restriction.endsAt().map(end -> Html.text(m.dateTime(end))).orElse(t("restriction.indefinite")))
                            .append("<br>").append(t("restriction.status")).append(": ")
                            .append(status(restriction, lifted.apply(restriction))).append("</li>");
                }
                html.append("</ul>\n<h2>").append(t("why.heading")).append("</h2>\n<dl>");
                DsaStatement dsa = r.statement().dsa();
                dsa.decisionGround().ifPresent(g -> item(html, "ground", t("ground." + g.name())));
                if (dsa.decisionGround().equals(Optional.of(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT))) {
                    dsa.illegalContentLegalGround().ifPresent(v -> item(html, "legalGround", Html.text(v)));
                    dsa.illegalContentExplanation().ifPresent(v -> item(html, "explanation", Html.text(v)));
                } else {
                    dsa.incompatibleContentGround().ifPresent(v -> item(html, "termsGround", Html.text(v)));
                    dsa.incompatibleContentExplanation().ifPresent(v -> item(html, "explanation", Html.text(v)));
                }
                List<String> categories = new ArrayList<>();
                dsa.category().ifPresent(c -> categories.add(category(c)));
                dsa.categoryAddition().forEach(c -> categories.add(category(c)));
                if (!categories.isEmpty()) {
                    item(html, "category", String.join("; ", categories));
                }
                dsa.decisionFacts().ifPresent(v -> item(html, "facts", Html.text(v)));
                deciders(html, r.statement().deciders());
                StringBuilder automation = new StringBuilder();
                dsa.automatedDetection().ifPresent(d -> automation.append(t("detection." + d.name())).append(" "));
                automation.append(t("automated." + r.statement().deciders().automation().name()));
                item(html, "automation", automation.toString());
                html.append("</dl>\n");
            }
            case Outcome.NoAction n -> {
                html.append("<h2>").append(t("noAction.heading")).append("</h2>\n<p>").append(t("noAction.text")).append("</p>\n<dl>");
                item(html, "reasons", Html.text(n.reasons()));
                deciders(html, n.deciders());
                item(html, "automation", t("automated." + n.deciders().automation().name()));
                html.append("</dl>\n");
            }
        }
        return html.toString();
    }

    /** The appeals of one appellant and their outcomes; {@code page} gives the page of a replacing decision. */
    String appeals(List<CaseRecord.Filed> appeals, Function<AppealId, Optional<URI>> page) {
        StringBuilder html = new StringBuilder();
        for (CaseRecord.Filed filed : appeals) {
            html.append("<div class=\"box\"><p>").append(t("appeal.filed", "date", m.dateTime(filed.appeal().filed()))).append("</p>");
            if (filed.decided().isEmpty()) {
                html.append("<p><strong>").append(t("appeal.waiting")).append("</strong></p>");
            } else {
                var decided = filed.decided().get();
                String outcome = switch (decided.outcome()) {
                    case AppealOutcome.Upheld ignored -> m.text("appeal.outcome.Upheld");
                    case AppealOutcome.Reversed ignored -> m.text("appeal.outcome.Reversed");
                    case AppealOutcome.Modified ignored -> m.text("appeal.outcome.Modified");
                };
                html.append("<p><strong>").append(t("appeal.decided", "date", m.dateTime(decided.at()), "outcome", outcome))
                        .append("</strong></p><p>").append(t("deciders")).append(": ").append(person("decider.person", decided.reviewer()))
                        .append("</p><p>").append(t("appeal.reasons")).append(":</p><blockquote>")
                        .append(Html.text(decided.outcome().reasons())).append("</blockquote>");
                page.apply(filed.appeal().id()).ifPresent(uri -> html.append("<p><a href=\"").append(Html.attribute(uri.getRawPath()))
                        .append("\">").append(t("appeal.replacement")).append("</a></p>"));
            }
            html.append("</div>\n");
        }
        return html.toString();
    }

    /** The appeal form, posting to {@code action} with {@code formToken}; {@code grounds} refills it after a refusal. */
    String appealForm(String action, String formToken, String grounds) {
        return "<form method=\"post\" action=\"" + Html.attribute(action) + "\">"
                + "<input type=\"hidden\" name=\"form\" value=\"" + Html.attribute(formToken) + "\">"
                + "<input type=\"hidden\" name=\"lang\" value=\"" + Html.attribute(m.language().getLanguage()) + "\">"
                + "<label for=\"grounds\">" + t("appeal.grounds") + "</label>"
                + "<textarea id=\"grounds\" name=\"grounds\" rows=\"8\" maxlength=\"" + Pages.MAX_GROUNDS + "\" required>"
                + Html.text(grounds) + "</textarea>"
                + "<button type=\"submit\">" + t("appeal.send") + "</button></form>\n";
    }

    /**
     * The receipt of the log entry at {@code position} and how to check it; with the private record and its salt when
     * {@code record} is given (the affected person's page), or that it was erased.
     */
    String receipt(long position, String origin, String verifierKey, Optional<Optional<PrivateRecord>> record) {
        String intro = record.isPresent() ? "receipt.intro" : "receipt.noticeIntro";
        String file = "entry-" + position + ".tlog-proof";
        StringBuilder html = new StringBuilder("<h2 id=\"receipt\">").append(t("receipt.heading")).append("</h2>\n<p>")
                .append(t(intro)).append("</p>\n<p><a href=\"/v1/receipts/").append(position).append("\" download=\"")
                .append(Html.attribute(file)).append("\">").append(t("receipt.download")).append("</a></p>\n<p>")
                .append(t("receipt.verify")).append("</p>\n<pre dir=\"ltr\">")
                .append(Html.text("recourse verify --log " + origin + "/log --key " + verifierKey + " --receipt " + file))
                .append("</pre>\n");
        if (record.isPresent() && record.get().isPresent()) {
            PrivateRecord r = record.get().get();
            html.append("<details><summary>").append(t("receipt.private")).append("</summary><p>").append(t("receipt.privateIntro"))
                    .append("</p><p>").append(t("receipt.salt")).append(":</p><pre dir=\"ltr\">")
                    .append(HexFormat.of().formatHex(r.salt())).append("</pre><p>").append(t("receipt.record"))
                    .append(":</p><pre dir=\"ltr\">")
                    .append(Html.text(new String(r.content(), StandardCharsets.UTF_8)))
                    .append("</pre></details>\n");
        } else if (record.isPresent()) {
            html.append("<p class=\"muted\">").append(t("receipt.erased")).append("</p>\n");
        }
        return html.toString();
    }

    private void deciders(StringBuilder html, Deciders deciders) {
        List<String> who = new ArrayList<>();
        deciders.rule().ifPresent(r -> who.add(t("decider.rule", "rule", r.rule().toString())));
        deciders.reviewer().ifPresent(p -> who.add(person("decider.person", p)));
        deciders.approvers().forEach(p -> who.add(person("decider.approver", p)));
        item(html, "deciders", String.join("<br>", who));
    }

    private String person(String key, Person person) {
        return t(key, "pseudonym", person.pseudonym().value(), "role", m.text("role", person.role()));
    }

    private void item(StringBuilder html, String labelKey, String safeValue) {
        html.append("<dt>").append(t(labelKey)).append("</dt><dd>").append(safeValue).append("</dd>");
    }

    private String measure(Measure measure) {
        return switch (measure) {
            case Measure.Visibility v -> t("measure." + v.kind().name(), "other", v.other().orElse(""));
            case Measure.Monetary v -> t("measure." + v.kind().name(), "other", v.other().orElse(""));
            case Measure.Service s -> t("measure." + s.kind().name());
            case Measure.Account a -> t("measure." + a.kind().name());
        };
    }

    private String scope(TerritorialScope scope) {
        return switch (scope) {
            case TerritorialScope.Everywhere ignored -> t("restriction.everywhere");
            case TerritorialScope.Countries c -> Html.text(String.join(", ", c.countries().stream().map(CountryCode::value)
                    .map(m::country).sorted().toList()));
        };
    }

    private String status(Restriction restriction, Optional<CaseRecord.Lifted> lifted) {
        if (lifted.isPresent()) {
            String date = m.dateTime(lifted.get().at());
            return switch (lifted.get().cause()) {
                case LiftCause.Expired ignored -> t("restriction.expired", "date", date);
                case LiftCause.Reversed ignored -> t("restriction.reversed", "date", date);
                case LiftCause.Replaced ignored -> t("restriction.replaced", "date", date);
                // The recall's own reasons and apology; the fixed apology only for lifts recorded before recalls carried them.
                case LiftCause.Recalled r -> r.apology().isPresent()
                        ? t("restriction.recalledWithApology", "date", date, "reasons", r.reasons().orElse(""), "apology", r.apology().get())
                        : t("restriction.recalled", "date", date);
                case LiftCause.Corrected c -> t("restriction.corrected", "date", date, "reasons", c.reasons());
            };
        }
        return restriction.endsAt().filter(end -> !end.isAfter(now))
                .map(end -> t("restriction.expired", "date", m.dateTime(end)))
                .orElse(t("restriction.inForce"));
    }

    private String category(Category category) {
        return t("category", category);
    }

    private String t(String key, Enum<?> value) {
        return Html.text(m.text(key, value));
    }
}
