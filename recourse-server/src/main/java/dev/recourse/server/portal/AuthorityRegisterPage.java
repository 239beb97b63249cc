package dev.recourse.server.portal;

import dev.recourse.core.FieldError;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.server.http.Answer;
import dev.recourse.server.http.Call;
import dev.recourse.server.page.Html;
import dev.recourse.store.projection.Cursor;
import dev.recourse.store.projection.Page;
import dev.recourse.store.projection.PublicDecision;
import dev.recourse.store.projection.PublicRecord;
import dev.recourse.store.projection.RegisteredRequest;
import dev.recourse.tlog.Parsed;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /portal/authority-requests}: the register of authority requests, in the manner of the Lumen database: for
 * each, the requesting body, the kind of request, the legal basis, the date, what was asked about and what was done
 * (the decisions it led to), newest first. A request under a legal hold shows only that it exists and when the hold
 * ends; nothing else of it is read from the database until it is disclosed.
 */
public final class AuthorityRegisterPage {
    /** How many requests one page lists. */
    static final int PAGE_SIZE = 50;

    private final PublicRecord record;
    private final InstantSource clock;

    /**
     * The register over {@code record}.
     *
     * @param clock what "now" is, to tell a hold that has ended but whose disclosure is still being recorded
     */
    public AuthorityRegisterPage(PublicRecord record, InstantSource clock) {
        this.record = record;
        this.clock = clock;
    }

    /** {@code GET /portal/authority-requests}. */
    public Answer page(Call call) {
        Optional<Cursor> cursor = Optional.empty();
        Optional<String> text = DecisionPages.given(call, "cursor");
        if (text.isPresent()) {
            switch (Cursor.parse(text.get())) {
                case Parsed.Ok<Cursor> ok -> cursor = Optional.of(ok.value());
                case Parsed.Malformed<Cursor> ignored -> {
                    return PortalFrame.badRequest("Authority requests",
                            List.of(new FieldError("cursor", "is not a cursor of these pages; start from the first page")));
                }
            }
        }
        Page<RegisteredRequest> page = record.authorityRequests(cursor, PAGE_SIZE);
        Instant now = clock.instant();
        StringBuilder b = new StringBuilder("<p>Every order of an authority (DSA Art. 9) and every request of a government body that"
                + " this platform received, with the body that asked, the law it cited and what was done. A request is disclosed"
                + " when it is registered, unless a recorded legal hold delays it; a hold always has an end date, and until then"
                + " only the request's existence and that date are shown. The text of a request is not published: it may quote"
                + " the content or name people.</p>");
        if (page.items().isEmpty()) {
            b.append("<p>No authority request has been registered.</p>");
        }
        for (RegisteredRequest r : page.items()) {
            b.append("<article class=\"box request\" id=\"request-").append(r.id()).append("\">");
            switch (r) {
                case RegisteredRequest.Held held -> b.append("<h2>Request under legal hold</h2><p>A request was registered on ")
                        .append(day(held.registeredAt())).append(". A legal hold delays its disclosure ")
                        .append(held.until().isAfter(now) ? "until <strong>" + day(held.until()) + "</strong>"
                                : "until " + day(held.until()) + "; the hold has ended and the request is being disclosed")
                        .append(".</p>");
                case RegisteredRequest.Disclosed d -> disclosed(b, d);
            }
            b.append("</article>");
        }
        page.next().ifPresent(next -> b.append("<p><a rel=\"next\" href=\"").append(PortalFrame.AUTHORITY_REQUESTS).append("?cursor=")
                .append(next.token()).append("\">Older requests</a></p>"));
        return PortalFrame.page(200, "Authority requests", b.toString());
    }

    private static void disclosed(StringBuilder b, RegisteredRequest.Disclosed d) {
        b.append("<h2>").append(Html.text(d.authority())).append(" (").append(Html.text(d.country())).append(")</h2><table><tbody>");
        row(b, "Type", d.kind() == AuthorityKind.ORDER ? "Binding order (DSA Art. 9)" : "Request of a government body");
        row(b, "Legal basis", Html.text(d.legalBasis()));
        row(b, "Date", day(d.registeredAt()));
        row(b, "What was asked", "Action against " + switch (d.subject()) {
            case CONTENT -> "a piece of content";
            case ACCOUNT -> "an account";
            case PAGE -> "a page (group, channel)";
        });
        row(b, "Disclosed", day(d.disclosedAt()) + d.heldUntil().map(h -> ", after a legal hold until " + day(h)).orElse(""));
        String done = d.decisions().isEmpty() ? "No decision yet."
                : "<ul>" + d.decisions().stream().map(AuthorityRegisterPage::decision).collect(Collectors.joining()) + "</ul>";
        row(b, "What was done", done);
        b.append("</tbody></table>");
    }

    private static String decision(PublicDecision d) {
        String what = d.restrictions().isEmpty() ? "No action taken"
                : d.restrictions().stream().map(Labels::of).collect(Collectors.joining(", ")) + " restricted";
        return "<li><a href=\"" + PortalFrame.DECISIONS + "/" + d.id() + "\">" + day(d.decidedAt()) + "</a>: " + Html.text(what)
                + d.category().map(c -> " (" + Html.text(Labels.of(c)) + ")").orElse("") + "</li>";
    }

    /** {@code html}, already safe, as a row named {@code name}. */
    private static void row(StringBuilder b, String name, String html) {
        b.append("<tr><th scope=\"row\">").append(name).append("</th><td>").append(html).append("</td></tr>");
    }

    private static String day(Instant at) {
        return at.toString().substring(0, 10).toLowerCase(Locale.ROOT);
    }
}
