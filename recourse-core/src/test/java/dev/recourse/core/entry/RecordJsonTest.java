package dev.recourse.core.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.json.CanonicalJson;
import dev.recourse.core.json.Json;
import dev.recourse.core.json.JsonPath;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of {@link RecordJson}, each on a small record of its own. */
class RecordJsonTest {

    record Numbers(int small, long large, double fraction, boolean flag) {}

    record Times(Duration duration, Period period) {}

    record Tagged(Optional<String> note, List<String> ordered, Set<Integer> unordered) {}

    enum Mood {
        CALM {
            @Override
            String face() {
                return ":)";
            }
        },
        CROSS;

        String face() {
            return ":(";
        }
    }

    record Feeling(Mood mood) {}

    sealed interface Shape {}

    record Circle(double radius) implements Shape {
        Circle {
            if (radius < 0) {
                throw new IllegalArgumentException("a radius is at least 0");
            }
        }
    }

    record Dot() implements Shape {}

    record Drawing(Shape shape) {}

    private static <T> Json write(T value) {
        return RecordJson.write(value);
    }

    private static <T> Validation<T> read(String json, Class<T> type) {
        return RecordJson.read(Json.parse(json).orElseThrow(), type, JsonPath.ROOT);
    }

    @Test
    void numbersAndBooleansRoundTrip() {
        Numbers n = new Numbers(Integer.MIN_VALUE, -Json.Num.MAX_EXACT, -0.5, true);
        assertThat(CanonicalJson.write(write(n))).isEqualTo("{\"flag\":true,\"fraction\":-0.5,\"large\":-9007199254740992,\"small\":-2147483648}");
        assertThat(RecordJson.read(write(n), Numbers.class, JsonPath.ROOT)).isEqualTo(new Validation.Valid<>(n));
    }

    @Test
    void minusZeroReadsBackAsZeroSoRecordsThatAllowItHoldZero() {
        Numbers n = new Numbers(0, 0, -0.0, false);
        assertThat(RecordJson.read(write(n), Numbers.class, JsonPath.ROOT).orElseThrow().fraction()).isEqualTo(0.0);
        var score = new dev.recourse.core.notice.Signal.ClassifierScore(new dev.recourse.core.decider.Versioned("m", "1"), -0.0);
        assertThat(RecordJson.read(write(score), dev.recourse.core.notice.Signal.class, JsonPath.ROOT).orElseThrow()).isEqualTo(score);
    }

    @Test
    void anIntBeyondItsRangeIsRefused() {
        assertThat(read("{\"flag\":true,\"fraction\":0,\"large\":0,\"small\":2147483648}", Numbers.class).errors())
                .containsExactly(new FieldError("$.small", "expected an integer from -2147483648 to 2147483647, found 2147483648"));
    }

    @Test
    void aLongBeyondTwoToTheFiftyThreeCannotBeWritten() {
        assertThatThrownBy(() -> write(new Numbers(0, Json.Num.MAX_EXACT + 1, 0, false))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsAndPeriodsAreTheirIsoTextAndOnlyThat() {
        Times t = new Times(Duration.ofMinutes(90), Period.ofWeeks(1));
        assertThat(CanonicalJson.write(write(t))).isEqualTo("{\"duration\":\"PT1H30M\",\"period\":\"P7D\"}");
        assertThat(RecordJson.read(write(t), Times.class, JsonPath.ROOT).orElseThrow()).isEqualTo(t);
        assertThat(read("{\"duration\":\"PT90M\",\"period\":\"P7D\"}", Times.class).errors())
                .containsExactly(new FieldError("$.duration", "\"PT90M\" is not in canonical form, which is \"PT1H30M\""));
        assertThat(read("{\"duration\":\"PT1H30M\",\"period\":\"P1W\"}", Times.class).errors().getFirst().field()).isEqualTo("$.period");
    }

    @Test
    void anEmptyOptionalIsLeftOutAndSetsAreSortedByTheirCanonicalText() {
        Tagged t = new Tagged(Optional.empty(), List.of("b", "a"), Set.of(10, 9, 100));
        assertThat(CanonicalJson.write(write(t))).isEqualTo("{\"ordered\":[\"b\",\"a\"],\"unordered\":[10,100,9]}");
        assertThat(RecordJson.read(write(t), Tagged.class, JsonPath.ROOT).orElseThrow()).isEqualTo(t);
        Tagged noted = new Tagged(Optional.of("n"), List.of(), Set.of());
        assertThat(CanonicalJson.write(write(noted))).isEqualTo("{\"note\":\"n\",\"ordered\":[],\"unordered\":[]}");
    }

    @Test
    void anEnumConstantWithABodyIsItsName() {
        assertThat(CanonicalJson.write(write(new Feeling(Mood.CALM)))).isEqualTo("{\"mood\":\"CALM\"}");
        assertThat(CanonicalJson.write(write(Mood.CALM))).isEqualTo("\"CALM\"");
        assertThat(read("{\"mood\":\"calm\"}", Feeling.class).errors()).containsExactly(new FieldError("$.mood", "\"calm\" is not a Mood"));
    }

    @Test
    void aVariantNamesItselfAndIsReadThroughItsSealedInterface() {
        assertThat(CanonicalJson.write(write(new Drawing(new Dot())))).isEqualTo("{\"shape\":{\"variant\":\"Dot\"}}");
        assertThat(read("{\"shape\":{\"variant\":\"Circle\",\"radius\":2}}", Drawing.class).orElseThrow()).isEqualTo(new Drawing(new Circle(2)));
        assertThat(read("{\"shape\":{\"variant\":\"Circle\",\"radius\":-2}}", Drawing.class).errors())
                .containsExactly(new FieldError("$.shape", "is not a valid RecordJsonTest.Circle: a radius is at least 0"));
        assertThat(read("{\"shape\":{\"variant\":3}}", Drawing.class).errors())
                .containsExactly(new FieldError("$.shape.variant", "expected a string, found a number"));
        assertThat(read("{\"shape\":{\"radius\":2}}", Drawing.class).errors())
                .containsExactly(new FieldError("$.shape.variant", "is missing"));
    }

    @Test
    void aVariantReadByItsOwnTypeStillNamesItself() {
        assertThat(read("{\"radius\":1}", Circle.class).errors()).containsExactly(new FieldError("$.variant", "is missing"));
        assertThat(read("{\"variant\":\"Dot\",\"radius\":1}", Circle.class).errors())
                .containsExactly(new FieldError("$.variant", "expected \"Circle\", found \"Dot\""));
    }

    // ---- types without a form are programming errors, found before anything is stored ---------------------------------

    record WithMap(Map<String, String> map) {}

    record OptionalInList(List<Optional<String>> values) {}

    sealed interface Id {}

    record Named(String value) implements Id {}

    sealed interface Twice {}

    record Clash() implements Twice {}

    sealed interface Inner extends Twice {
        record Clash() implements Inner {}
    }

    sealed interface Confused {}

    record Labelled(String variant, int n) implements Confused {}

    @Test
    void aMapHasNoForm() {
        assertThatThrownBy(() -> RecordJson.check(WithMap.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.util.Map<java.lang.String, java.lang.String>");
    }

    @Test
    void anOptionalOutsideARecordComponentHasNoForm() {
        assertThatThrownBy(() -> RecordJson.check(OptionalInList.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Optional");
    }

    @Test
    void aVariantOfOneComponentCalledValueHasNoForm() {
        assertThatThrownBy(() -> RecordJson.check(Id.class)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Named");
    }

    @Test
    void twoVariantsOfOneNameHaveNoForm() {
        assertThatThrownBy(() -> RecordJson.check(Twice.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two variants are called Clash");
    }

    @Test
    void aVariantWithAComponentCalledVariantHasNoForm() {
        assertThatThrownBy(() -> RecordJson.check(Confused.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Labelled");
    }
}
