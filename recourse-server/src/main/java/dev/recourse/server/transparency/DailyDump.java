package dev.recourse.server.transparency;

import dev.recourse.core.Validation;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.core.statement.DsaField;
import dev.recourse.store.dsa.DsaStatements;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;

/**
 * The daily dump of the public records: the statements of reasons of one day's decisions (UTC) as one gzipped CSV
 * file, {@code statements-of-reasons-YYYY-MM-DD.csv.gz}, in the manner of the DSA Transparency Database's own daily
 * dumps. Columns: {@code log_index} (the decision's entry in the public log, whose receipt proves it), then every
 * field of the database's schema v2 in its order, by its name; lists are JSON arrays, {@code content_id} its EAN-13.
 * The rows come from the decisions' public log entries, so they hold no personal data.
 */
public final class DailyDump {
    private DailyDump() {}

    /** The columns of every dump, in order. */
    public static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("log_index"));
        Arrays.stream(DsaField.values()).map(DsaField::dsaName).forEach(columns::add);
        return columns;
    }

    /** The file name of the dump of {@code day}. */
    public static String fileName(LocalDate day) {
        return "statements-of-reasons-" + day + ".csv.gz";
    }

    /**
     * Writes the dump of {@code day} into {@code directory}, whole or not at all.
     *
     * @param progress told how many decisions the day holds, before any row is written
     * @return what was read
     */
    public static DsaStatements.Tally write(DsaStatements statements, LocalDate day, Path directory, LongConsumer progress)
            throws IOException {
        try (AtomicFile file = AtomicFile.create(directory.resolve(fileName(day)))) {
            DsaStatements.Tally tally;
            try (GZIPOutputStream gzip = new GZIPOutputStream(nonClosing(file.stream()), 1 << 16)) {
                gzip.write(Csv.line(columns()).getBytes(StandardCharsets.UTF_8));
                tally = statements.read(DsaStatements.Period.day(day), progress, (position, entry, start, end) ->
                        gzip.write(Csv.line(row(position, Arrays.copyOfRange(entry, start, end))).getBytes(StandardCharsets.UTF_8)));
            }
            file.commit();
            return tally;
        }
    }

    private static List<String> row(long position, byte[] statement) {
        Json.Obj dsa = switch (Json.parseUtf8(statement)) {
            case Validation.Valid<Json> valid when valid.value() instanceof Json.Obj obj -> obj;
            case Validation.Valid<Json> valid -> throw new IllegalStateException("a statement that is not an object at " + position);
            case Validation.Invalid<Json> invalid -> throw new IllegalStateException("a statement that is not JSON at " + position);
        };
        List<String> row = new ArrayList<>(List.of(Long.toString(position)));
        for (DsaField field : DsaField.values()) {
            row.add(switch (dsa.get(field.dsaName())) {
                case null -> "";
                case Json.Str s -> s.value();
                case Json.Obj o when o.get("EAN-13") instanceof Json.Str ean -> ean.value();
                case Json.Obj o -> CanonicalJson.write(o);
                case Json.Arr a -> CanonicalJson.write(a);
                case Json.Num n -> CanonicalJson.write(n);
                case Json.Bool b -> Boolean.toString(b.value());
                case Json.Null ignored -> "";
            });
        }
        return row;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
