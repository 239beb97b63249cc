package dev.recourse.server.page;

import java.util.Locale;
import java.util.Set;

/**
 * The frame every server-rendered page shares: the document's language and direction, the title, one small style sheet
 * inline (pages work without any other request, and without scripts), and the body. Values people wrote (reasons,
 * explanations, grounds) stand in {@code dd}, {@code blockquote}, {@code li} or {@code td}, which take their direction
 * from their own text, so that an English reason on a Persian page keeps its punctuation where it belongs. Pages for people who may be
 * suspended, on slow links or reading right to left are all made with this.
 */
public final class Layout {
    /** Languages written right to left, by ISO 639-1 code. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "yi", "dv", "ku", "sd", "ug");

    private static final String STYLE = """
            :root{color-scheme:light dark;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--accent:#0b5cad;--bg:#fff;--soft:#f6f8fa}
            @media (prefers-color-scheme:dark){:root{--ink:#e6edf3;--muted:#9da7b3;--line:#30363d;--accent:#6cb6ff;--bg:#0d1117;--soft:#161b22}}
            *{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Vazirmatn",sans-serif;color:var(--ink);background:var(--bg)}
            header,main,footer{max-width:60rem;margin:0 auto;padding:1rem 1.25rem}header{border-bottom:1px solid var(--line)}
            header a{color:var(--ink);text-decoration:none;font-weight:600}nav a{margin-inline-end:1rem}
            a{color:var(--accent)}h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.2rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%}th,td{text-align:start;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
            .muted{color:var(--muted)}.box{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:1rem;margin:1rem 0}
            pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}pre{white-space:pre-wrap;word-break:break-all}
            label{display:block;font-weight:600;margin-top:1rem}input,select,textarea{font:inherit;width:100%;padding:.4rem;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--ink)}
            button{font:inherit;margin-top:1rem;padding:.5rem 1rem;border:0;border-radius:4px;background:var(--accent);color:#fff;cursor:pointer}
            footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
            dd,blockquote,li,td{unicode-bidi:plaintext}
            """;

    private Layout() {}

    /** Whether text in {@code language} (ISO 639-1) runs right to left. */
    public static boolean rightToLeft(Locale language) {
        return RIGHT_TO_LEFT.contains(language.getLanguage());
    }

    /**
     * A whole HTML document.
     *
     * @param language the page's language; sets {@code lang} and {@code dir}
     * @param title the title, plain text (escaped here)
     * @param header the header's HTML (a site name and navigation), already safe
     * @param body the main content's HTML, already safe
     * @param footer the footer's HTML, already safe
     */
    public static String document(Locale language, String title, String header, String body, String footer) {
        String lang = language.toLanguageTag();
        return "<!doctype html>\n<html lang=\"" + Html.attribute(lang) + "\" dir=\"" + (rightToLeft(language) ? "rtl" : "ltr")
                + "\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + Html.text(title) + "</title><style>" + STYLE
                + "</style></head>\n<body><header>" + header + "</header>\n<main>" + body + "</main>\n<footer>" + footer
                + "</footer></body>\n</html>\n";
    }
}
