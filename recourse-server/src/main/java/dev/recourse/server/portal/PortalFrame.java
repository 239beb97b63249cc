package dev.recourse.server.portal;

import dev.recourse.server.http.Answer;
import dev.recourse.server.page.Html;
import dev.recourse.server.page.Layout;
import java.util.Locale;

/** The frame of every portal page: the site's name, the portal's navigation and a footer that says what this is. */
final class PortalFrame {
    /** Where the portal's pages live. */
    static final String ROOT = "/portal";
    static final String DECISIONS = ROOT + "/decisions";
    static final String STATISTICS = ROOT + "/statistics";
    static final String AUTHORITY_REQUESTS = ROOT + "/authority-requests";
    static final String VERIFY = ROOT + "/verify";

    private static final String HEADER = "<a href=\"" + DECISIONS + "\">Recourse transparency portal</a>"
            + "<nav aria-label=\"Portal\"><a href=\"" + DECISIONS + "\">Decisions</a><a href=\"" + STATISTICS + "\">Statistics</a>"
            + "<a href=\"" + AUTHORITY_REQUESTS + "\">Authority requests</a><a href=\"" + VERIFY + "\">Verify a receipt</a>"
            + "<a href=\"/log/checkpoint\">The log</a></nav>";
    private static final String FOOTER = "Every decision here is an entry of a public, append-only log with signed checkpoints"
            + " (<a href=\"/log/key\">the log's key</a>). These pages hold no personal data.";
    /** Extra style for the portal: filters side by side, charts, figures. */
    private static final String STYLE = "<style>.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:0 1rem}"
            + ".figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:1rem}"
            + ".figure{border:1px solid var(--line);border-radius:6px;padding:.75rem}.figure strong{display:block;font-size:1.6rem}"
            + "svg{max-width:100%;height:auto}svg text{fill:var(--ink);font-size:12px}.ok{color:#1a7f37}.bad{color:#cf222e}"
            + ".placeholder{border:1px dashed var(--line);border-radius:6px;padding:1rem;color:var(--muted)}</style>";

    private PortalFrame() {}

    /** A whole portal page with {@code status}: {@code title} (plain text) over {@code body} (safe HTML). */
    static Answer page(int status, String title, String body) {
        return Answer.html(status, Layout.document(Locale.ENGLISH, title + " · Recourse", HEADER, STYLE + "<h1>" + Html.text(title)
                + "</h1>" + body, FOOTER)).withHeader("Cache-Control", "public, max-age=10");
    }

    /** A page that says what in a request was wrong, one line per field, with status 400. */
    static Answer badRequest(String title, java.util.List<dev.recourse.core.FieldError> errors) {
        StringBuilder body = new StringBuilder("<div class=\"box\" role=\"alert\"><p>This request cannot be answered:</p><ul>");
        for (dev.recourse.core.FieldError e : errors) {
            body.append("<li><code>").append(Html.text(e.field())).append("</code> ").append(Html.text(e.problem())).append("</li>");
        }
        return page(400, title, body.append("</ul></div>").toString()).withHeader("Cache-Control", "no-store");
    }
}
