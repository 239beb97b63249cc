package dev.recourse.core.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The DSA statement-of-reasons reference file in the shared directory, read once. */
final class DsaReference {
    private static final JsonNode FIELDS = load().get("fields");

    private DsaReference() {}

    private static JsonNode load() {
        String shared = System.getProperty("recourse.shared.dir", "../../shared");
        try {
            return new ObjectMapper().readTree(Path.of(shared, "reference", "dsa-statement-of-reasons-v2.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field names in the file's order, without the "_" rule entries. */
    static List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        FIELDS.fieldNames().forEachRemaining(n -> {
            if (!n.startsWith("_")) {
                names.add(n);
            }
        });
        return names;
    }

    static JsonNode field(String name) {
        return FIELDS.get(name);
    }

    static String rule(String name) {
        return FIELDS.get(name).asText();
    }

    /** The enumerated values of a field; "same as X" is followed. */
    static List<String> values(String name) {
        JsonNode values = FIELDS.get(name).get("values");
        if (values.isTextual() && values.asText().startsWith("same as ")) {
            return values(values.asText().substring("same as ".length()));
        }
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** The fields whose max is a number of characters. */
    static List<String> maxLengthFields() {
        return fieldNames().stream().filter(n -> field(n).has("max") && field(n).get("max").isInt()).toList();
    }

    static int maxLength(String name) {
        return field(name).get("max").asInt();
    }

    /** The fields marked "required": true. */
    static List<String> requiredFields() {
        return fieldNames().stream().filter(n -> field(n).path("required").asBoolean(false)).toList();
    }

    /** The fields with a "requiredWhen" rule. */
    static List<String> requiredWhenFields() {
        return fieldNames().stream().filter(n -> field(n).has("requiredWhen")).toList();
    }

    /** The fields with an enumeration of values. */
    static List<String> enumFields() {
        return fieldNames().stream().filter(n -> field(n).has("values")).toList();
    }
}
