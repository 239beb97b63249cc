package dev.recourse.server.transparency;

import dev.recourse.core.Validation;
import dev.recourse.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DSA Transparency Database's schema v2 as the shared reference file states it
 * ({@code ../shared/reference/dsa-statement-of-reasons-v2.json}, read, never copied), applied to one statement field by
 * field: no unknown field, every type, enumeration, length, date range, pattern, required and required-when rule, and
 * the rule that some decision is given. It reads the reference's own words, not the core's rules, so that the core is
 * checked against the reference rather than against itself.
 */
public final class ReferenceSchema {
    private static final Path FILE = Path.of(System.getProperty("recourse.shared.dir", "../../shared"), "reference",
            "dsa-statement-of-reasons-v2.json");
    private static final Pattern WHEN = Pattern.compile("(\\w+) (contains|is) (\\w+)");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private final Map<String, Json> fields;

    private ReferenceSchema(Map<String, Json> fields) {
        this.fields = fields;
    }

    /** The reference, read from the shared directory beside the repository. */
    public static ReferenceSchema load() {
        try {
            Json json = ((Validation.Valid<Json>) Json.parseUtf8(Files.readAllBytes(FILE))).value();
            return new ReferenceSchema(((Json.Obj) json).members().get("fields") instanceof Json.Obj o ? o.members() : Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule of the reference that {@code statement} (one JSON text) breaks; empty if the database would take it. */
    public List<String> problems(String statement) {
        List<String> problems = new ArrayList<>();
        if (!(Json.parse(statement) instanceof Validation.Valid<Json> valid) || !(valid.value() instanceof Json.Obj obj)) {
            return List.of("not a JSON object: " + statement);
        }
        Map<String, Json> given = obj.members();
        for (String name : given.keySet()) {
            if (name.startsWith("_") || !fields.containsKey(name)) {
                problems.add(name + ": not a field of the schema");
            }
        }
        for (Map.Entry<String, Json> field : fields.entrySet()) {
            String name = field.getKey();
            if (name.startsWith("_")) {
                continue;
            }
            Map<String, Json> rule = ((Json.Obj) field.getValue()).members();
            Json value = given.get(name);
            boolean present = value != null && !(value instanceof Json.Null)
                    && !(value instanceof Json.Str s && s.value().isBlank())
                    && !(value instanceof Json.Arr a && a.elements().isEmpty());
            String type = text(rule.get("type"));
            boolean dropped = text(rule.get("requiredWhen")).contains("dropped otherwise") && !when(rule, given);
            if (!present) {
                if (isTrue(rule.get("required")) || (rule.containsKey("requiredWhen") && when(rule, given))) {
                    problems.add(name + ": required");
                }
                continue;
            }
            if (dropped) {
                continue;
            }
            problems.addAll(checkValue(name, type, rule, value));
        }
        if (Set.of("decision_visibility", "decision_monetary", "decision_provision", "decision_account").stream()
                .noneMatch(d -> given.get(d) != null && !(given.get(d) instanceof Json.Null)
                        && !(given.get(d) instanceof Json.Arr a && a.elements().isEmpty()))) {
            problems.add(text(fields.get("_decision_rule")));
        }
        if (given.containsKey("incompatible_content_illegal")
                && !"DECISION_GROUND_INCOMPATIBLE_CONTENT".equals(text(given.get("decision_ground")))) {
            problems.add("incompatible_content_illegal: only with INCOMPATIBLE_CONTENT");
        }
        return problems;
    }

    private List<String> checkValue(String name, String type, Map<String, Json> rule, Json value) {
        List<String> problems = new ArrayList<>();
        Set<String> values = allowed(rule);
        switch (type) {
            case "array of enum", "array of ISO 3166-1 alpha-2" -> {
                if (!(value instanceof Json.Arr arr)) {
                    problems.add(name + ": not an array");
                    break;
                }
                Set<String> seen = new HashSet<>();
                for (Json element : arr.elements()) {
                    String v = text(element);
                    if (!values.contains(v)) {
                        problems.add(name + ": " + element + " is not one of its values");
                    }
                    if (!seen.add(v)) {
                        problems.add(name + ": " + v + " twice");
                    }
                }
            }
            case "enum" -> {
                if (!(value instanceof Json.Str s) || !values.contains(s.value())) {
                    problems.add(name + ": " + value + " is not one of its values");
                }
            }
            case "string", "url" -> {
                if (!(value instanceof Json.Str s)) {
                    problems.add(name + ": not a string");
                    break;
                }
                int max = (int) number(rule.get("max"));
                if (s.value().codePointCount(0, s.value().length()) > max) {
                    problems.add(name + ": longer than " + max);
                }
                if (rule.containsKey("pattern") && !Pattern.compile(text(rule.get("pattern"))).matcher(s.value()).matches()) {
                    problems.add(name + ": does not match " + text(rule.get("pattern")));
                }
                if (type.equals("url") && !isUrl(s.value())) {
                    problems.add(name + ": not a URL");
                }
            }
            case "date YYYY-MM-DD" -> {
                if (!(value instanceof Json.Str s) || !DATE.matcher(s.value()).matches()) {
                    problems.add(name + ": not a date YYYY-MM-DD");
                    break;
                }
                try {
                    LocalDate date = LocalDate.parse(s.value());
                    String range = text(rule.get("range"));
                    if (!range.isEmpty()) {
                        String[] ends = range.split("\\.\\.");
                        if (date.isBefore(LocalDate.parse(ends[0])) || date.isAfter(LocalDate.parse(ends[1]))) {
                            problems.add(name + ": outside " + range);
                        }
                    }
                    if (name.startsWith("end_date_") && date.isAfter(LocalDate.parse(text(fields.get("end_date_visibility_restriction") instanceof Json.Obj o ? o.members().get("max") : null)))) {
                        problems.add(name + ": after the latest end date");
                    }
                } catch (DateTimeParseException e) {
                    problems.add(name + ": not a date of the calendar");
                }
            }
            case "uppercase ISO 639-1" -> {
                if (!(value instanceof Json.Str s) || !s.value().equals(s.value().toUpperCase(Locale.ROOT))
                        || !ISO_639_1.contains(s.value().toLowerCase(Locale.ROOT))) {
                    problems.add(name + ": " + value + " is not an upper-case ISO 639-1 code");
                }
            }
            case "object" -> {
                if (!(value instanceof Json.Obj o) || o.members().size() != 1
                        || !(o.members().get("EAN-13") instanceof Json.Str ean) || !ean.value().matches("[0-9]{13}")) {
                    problems.add(name + ": not {\"EAN-13\": 13 digits}");
                }
            }
            default -> problems.add(name + ": the reference has a type this check does not know: " + type);
        }
        return problems;
    }

    private Set<String> allowed(Map<String, Json> rule) {
        Json values = rule.get("values");
        if (values instanceof Json.Str s && s.value().startsWith("same as ")) {
            return allowed(((Json.Obj) fields.get(s.value().substring("same as ".length()))).members());
        }
        Set<String> out = new HashSet<>();
        if (values instanceof Json.Arr arr) {
            arr.elements().forEach(e -> out.add(text(e)));
        }
        return out;
    }

    /** Whether the condition of {@code requiredWhen} holds for {@code given}. */
    private static boolean when(Map<String, Json> rule, Map<String, Json> given) {
        Matcher m = WHEN.matcher(text(rule.get("requiredWhen")));
        if (!m.find()) {
            throw new IllegalStateException("a condition this check cannot read: " + text(rule.get("requiredWhen")));
        }
        Json value = given.get(m.group(1));
        String wanted = m.group(3);
        if (m.group(2).equals("contains")) {
            return value instanceof Json.Arr arr && arr.elements().stream().anyMatch(e -> text(e).equals(wanted));
        }
        String actual = text(value);
        return actual.equals(wanted) || actual.endsWith("_" + wanted);
    }

    private static boolean isUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isTrue(Json json) {
        return json instanceof Json.Bool b && b.value();
    }

    private static double number(Json json) {
        return json instanceof Json.Num n ? n.value() : Double.MAX_VALUE;
    }

    private static String text(Json json) {
        return json instanceof Json.Str s ? s.value() : "";
    }
}
