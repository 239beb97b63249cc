package dev.recourse.server.transparency;

import java.util.List;
import java.util.stream.Collectors;

/** CSV as RFC 4180 writes it: comma-separated cells, quoted where they hold a comma, a quote or a line break; CRLF. */
final class Csv {
    private Csv() {}

    /** One line of {@code cells}, with its CRLF. */
    static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
