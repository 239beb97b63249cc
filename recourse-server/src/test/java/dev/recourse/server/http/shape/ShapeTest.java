package dev.recourse.server.http.shape;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.prose;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;
import static dev.recourse.server.http.shape.Shape.whole;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.FieldError;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ShapeTest {
    private static final Shape.Obj PERSON = object("A person.",
            required("name", text(1, 10, "")),
            optional("age", whole(0, 150, "")),
            optional("email", formatted(Format.EMAIL, 100, "")),
            optional("phone", text(1, 20, "")),
            optional("kind", choice("", List.of("a", "b"))),
            optional("bio", prose(1, 100, "")))
            .exactlyOne("email", "phone");

    private static List<String> fields(Shape shape, String json) {
        return shape.problems(Json.parse(json).orElseThrow()).stream().map(FieldError::field).toList();
    }

    @Test
    void aValueOfTheShapeHolds() {
        assertThat(fields(PERSON, "{\"name\": \"Ada\", \"age\": 36, \"email\": \"ada@example.org\"}")).isEmpty();
    }

    @Test
    void nullIsAbsent() {
        assertThat(fields(PERSON, "{\"name\": \"Ada\", \"age\": null, \"phone\": \"1\"}")).isEmpty();
        assertThat(fields(PERSON, "{\"name\": null, \"phone\": \"1\"}")).containsExactly("$.name");
    }

    @Test
    void eachFieldAtFaultIsNamedByItsPath() {
        assertThat(fields(PERSON, "{\"name\": \"\", \"age\": 1.5, \"kind\": \"c\", \"phone\": \"1\", \"x y\": 1}"))
                .containsExactlyInAnyOrder("$[\"x y\"]", "$.name", "$.age", "$.kind");
    }

    @Test
    void exactlyOneOfAGroupIsPresent() {
        assertThat(fields(PERSON, "{\"name\": \"Ada\"}")).containsExactly("$");
        assertThat(fields(PERSON, "{\"name\": \"Ada\", \"email\": \"a@b\", \"phone\": \"1\"}")).containsExactly("$");
    }

    @Test
    void singleLineTextRefusesControlCharactersAndProseOnlyAllowsLineBreaks() {
        assertThat(fields(PERSON, "{\"name\": \"A\\nda\", \"phone\": \"1\"}")).containsExactly("$.name");
        assertThat(fields(PERSON, "{\"name\": \"Ada\", \"phone\": \"1\", \"bio\": \"one\\ntwo\\tthree\"}")).isEmpty();
        assertThat(fields(PERSON, "{\"name\": \"Ada\", \"phone\": \"1\", \"bio\": \"bell\\u0007\"}")).containsExactly("$.bio");
    }

    @Test
    void blankTextDoesNotHold() {
        assertThat(fields(PERSON, "{\"name\": \"   \", \"phone\": \"1\"}")).containsExactly("$.name");
    }

    @Test
    void formatsAreChecked() {
        assertThat(fields(formatted(Format.DATE, 10, ""), "\"2026-02-30\"")).containsExactly("$");
        assertThat(fields(formatted(Format.DATE, 10, ""), "\"2026-02-28\"")).isEmpty();
        assertThat(fields(formatted(Format.DATE_TIME, 40, ""), "\"2026-02-28T10:00:00+01:00\"")).containsExactly("$");
        assertThat(fields(formatted(Format.DATE_TIME, 40, ""), "\"2026-02-28T10:00:00Z\"")).isEmpty();
        assertThat(fields(formatted(Format.UUID, 36, ""), "\"6F9619FF-8B86-D011-B42D-00C04FC964FF\"")).containsExactly("$");
        assertThat(fields(formatted(Format.COUNTRY, 2, ""), "\"XX\"")).containsExactly("$");
        assertThat(fields(formatted(Format.LANGUAGE, 2, ""), "\"de\"")).isEmpty();
        assertThat(fields(formatted(Format.HTTP_URL, 100, ""), "\"ftp://example.org/x\"")).containsExactly("$");
        assertThat(fields(formatted(Format.HTTP_URL, 100, ""), "\"https://example.org/p/1\"")).isEmpty();
    }

    @Test
    void theSchemaForbidsOtherFieldsAndListsTheRequiredOnes() {
        Json.Obj schema = PERSON.schema();

        assertThat(schema.get("additionalProperties")).isEqualTo(Json.of(false));
        assertThat(schema.get("required")).isEqualTo(Json.strings(List.of("name")));
        assertThat(((Json.Obj) schema.get("properties")).members().keySet()).containsExactly("name", "age", "email", "phone", "kind", "bio");
        assertThat(schema.get("oneOf")).isNotNull();
    }

    @Provide
    Arbitrary<Json> values() {
        return JsonArbitraries.values();
    }

    @Property(tries = 300)
    void anyJsonHoldsOrIsRefusedNamingFieldsButNeverThrows(@ForAll("values") Json value) {
        PERSON.problems(value).forEach(e -> assertThat(e.field()).startsWith("$"));
    }
}
