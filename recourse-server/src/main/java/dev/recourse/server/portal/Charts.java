package dev.recourse.server.portal;

import dev.recourse.server.page.Html;
import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG: drawn on the server, readable without scripts, scaled by the browser. Each chart is an image
 * with a title for screen readers and carries its numbers in the tooltips of its marks ({@code <title>}).
 */
final class Charts {
    /** Colours of series, chosen to stay apart for the common kinds of colour blindness. */
    static final List<String> PALETTE = List.of("#0b5cad", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00");
    private static final int WIDTH = 720;
    private static final int BAR = 22;

    private Charts() {}

    /** One labelled value. */
    record Bar(String label, long value) {}

    /** One column of a stacked column chart: its label and a value per series. */
    record Column(String label, List<Long> values) {}

    /** Horizontal bars, largest first as given, each with its value at its end. */
    static String bars(String id, String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int labelWidth = 260;
        int height = Math.max(BAR, bars.size() * (BAR + 6));
        StringBuilder svg = open(id, title, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * (BAR + 6);
            double w = (WIDTH - labelWidth - 80) * (double) b.value() / max;
            svg.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + BAR - 6).append("\" text-anchor=\"end\">")
                    .append(Html.text(b.label())).append("</text><rect x=\"").append(labelWidth).append("\" y=\"").append(y)
                    .append("\" width=\"").append(format(w)).append("\" height=\"").append(BAR).append("\" fill=\"").append(PALETTE.get(0))
                    .append("\"><title>").append(Html.text(b.label() + ": " + b.value())).append("</title></rect><text x=\"")
                    .append(format(labelWidth + w + 6)).append("\" y=\"").append(y + BAR - 6).append("\">").append(b.value()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Stacked columns, one per label, with a legend of {@code series}; a few labels along the axis.
     *
     * @param series the names of the values of each column, in order
     */
    static String columns(String id, String title, List<String> series, List<Column> columns) {
        int chartHeight = 200;
        int legend = 24;
        int axis = 22;
        long max = Math.max(1, columns.stream().mapToLong(c -> c.values().stream().mapToLong(Long::longValue).sum()).max().orElse(1));
        StringBuilder svg = open(id, title, legend + chartHeight + axis);
        int x = 0;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"").append(colour(s))
                    .append("\"/><text x=\"").append(x + 16).append("\" y=\"14\">").append(Html.text(series.get(s))).append("</text>");
            x += 24 + 8 * series.get(s).length();
        }
        svg.append("<text x=\"").append(WIDTH).append("\" y=\"14\" text-anchor=\"end\">max ").append(max).append("</text>");
        double slot = (double) WIDTH / Math.max(1, columns.size());
        double width = Math.max(1, slot * 0.8);
        int labelEvery = Math.max(1, (int) Math.ceil(columns.size() / 8.0));
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double bottom = legend + chartHeight;
            double left = i * slot + (slot - width) / 2;
            for (int s = 0; s < c.values().size(); s++) {
                long v = c.values().get(s);
                if (v == 0) {
                    continue;
                }
                double h = chartHeight * (double) v / max;
                bottom -= h;
                svg.append("<rect x=\"").append(format(left)).append("\" y=\"").append(format(bottom)).append("\" width=\"")
                        .append(format(width)).append("\" height=\"").append(format(h)).append("\" fill=\"").append(colour(s))
                        .append("\"><title>").append(Html.text(c.label() + ", " + series.get(s) + ": " + v)).append("</title></rect>");
            }
            if (i % labelEvery == 0) {
                svg.append("<text x=\"").append(format(i * slot)).append("\" y=\"").append(legend + chartHeight + 16).append("\">")
                        .append(Html.text(c.label())).append("</text>");
            }
        }
        svg.append("<line x1=\"0\" x2=\"").append(WIDTH).append("\" y1=\"").append(legend + chartHeight).append("\" y2=\"")
                .append(legend + chartHeight).append("\" stroke=\"currentColor\" stroke-opacity=\".4\"/>");
        return svg.append("</svg>").toString();
    }

    /** A share of a whole as a ring with the percentage inside, e.g. the automated share. */
    static String ring(String id, String title, long part, long whole) {
        double share = whole == 0 ? 0 : (double) part / whole;
        double r = 50;
        double circumference = 2 * Math.PI * r;
        return "<svg id=\"" + id + "\" role=\"img\" aria-label=\"" + Html.attribute(title) + "\" viewBox=\"0 0 140 140\" width=\"140\""
                + " height=\"140\"><title>" + Html.text(title) + "</title><circle cx=\"70\" cy=\"70\" r=\"50\" fill=\"none\""
                + " stroke=\"currentColor\" stroke-opacity=\".15\" stroke-width=\"18\"/><circle cx=\"70\" cy=\"70\" r=\"50\" fill=\"none\""
                + " stroke=\"" + PALETTE.get(1) + "\" stroke-width=\"18\" stroke-dasharray=\"" + format(circumference * share) + " "
                + format(circumference) + "\" transform=\"rotate(-90 70 70)\"/><text x=\"70\" y=\"76\" text-anchor=\"middle\""
                + " style=\"font-size:20px\">" + percent(part, whole) + "</text></svg>";
    }

    /** {@code part} of {@code whole} in percent, to a tenth; a dash when the whole is nothing. */
    static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static String colour(int series) {
        return PALETTE.get(series % PALETTE.size());
    }

    private static StringBuilder open(String id, String title, int height) {
        return new StringBuilder("<svg id=\"").append(id).append("\" role=\"img\" aria-label=\"").append(Html.attribute(title))
                .append("\" viewBox=\"0 0 ").append(WIDTH + 40).append(' ').append(height).append("\" width=\"").append(WIDTH + 40)
                .append("\" height=\"").append(height).append("\"><title>").append(Html.text(title)).append("</title>");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
