package dev.recourse.server.page;

/**
 * Text made safe for HTML. Every value that did not come from our own templates MUST pass through {@link #text} (element
 * content) or {@link #attribute} (a quoted attribute value) before it is placed in a page: names, reasons and ids come
 * from platforms and the public.
 */
public final class Html {
    private Html() {}

    /** {@code value} escaped for element content. */
    public static String text(String value) {
        return escape(value, false);
    }

    /** {@code value} escaped for a double-quoted attribute value. */
    public static String attribute(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean attribute) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\'' -> attribute ? "&#39;" : null;
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
