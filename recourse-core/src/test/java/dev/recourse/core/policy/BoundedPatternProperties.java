package dev.recourse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BoundedPatternProperties {
    private static final String CATASTROPHIC = "((a+)+)+[bc]";

    @Property(tries = 200)
    void aSearchAlwaysEndsWithinItsBudget(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 50_000) int budget) {
        BoundedPattern p = BoundedPattern.compile("p", CATASTROPHIC, budget).orElseThrow();

        // It returns at all (the catastrophic pattern over "aaa…!" would otherwise run for ages), and when it says
        // found or not found, it agrees with the unbounded engine.
        BoundedPattern.Search s = p.search(text);
        if (s != BoundedPattern.Search.EXHAUSTED && text.length() < 12) {
            boolean found = Pattern.compile(CATASTROPHIC, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
            assertThat(s).isEqualTo(found ? BoundedPattern.Search.FOUND : BoundedPattern.Search.NOT_FOUND);
        }
    }

    @Test
    void catastrophicBacktrackingExhaustsTheBudget() {
        BoundedPattern p = BoundedPattern.compile("p", CATASTROPHIC, 1_000_000).orElseThrow();

        assertThat(p.search("a".repeat(40) + "!")).isEqualTo(BoundedPattern.Search.EXHAUSTED);
    }

    @Test
    void anOrdinaryPatternIsFoundWithinAModestBudget() {
        BoundedPattern p = BoundedPattern.compile("p", "bit\\.ly/[a-z0-9]+", 10_000).orElseThrow();

        assertThat(p.search("see bit.ly/abc123 now")).isEqualTo(BoundedPattern.Search.FOUND);
    }

    @Property(tries = 1000)
    void theRequiredLiteralNeverHidesAMatch(@ForAll("patterns") String source, @ForAll("foldedTexts") String text) {
        var compiled = BoundedPattern.compile("p", source, 1_000_000);
        Assume.that(compiled.isValid()); // the grammar makes some patterns Java refuses, e.g. a quantified \\b
        BoundedPattern p = compiled.orElseThrow();
        boolean found = Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();

        assertThat(p.search(text)).isEqualTo(found ? BoundedPattern.Search.FOUND : BoundedPattern.Search.NOT_FOUND);
    }

    @Test
    void theRequiredLiteralIsTheLongestPlainRunOutsideGroups() {
        assertThat(BoundedPattern.requiredLiteral("bit\\.ly/[a-z0-9]{4,}")).isEqualTo("bit.ly/");
        assertThat(BoundedPattern.requiredLiteral("\\b0x[0-9a-f]{40}\\b")).isEqualTo("0x");
        assertThat(BoundedPattern.requiredLiteral("colou?r")).isEqualTo("colo");
        assertThat(BoundedPattern.requiredLiteral("ab{0,2}cd")).isEqualTo("cd");
        assertThat(BoundedPattern.requiredLiteral("FREE (money|cash)")).isEqualTo("free");
        assertThat(BoundedPattern.requiredLiteral("cat|dog")).isEmpty();
        assertThat(BoundedPattern.requiredLiteral("(?x) abc # comment")).isEmpty();
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> atom = Arbitraries.of("a", "b", "ab", "\\.", ".", "[ab]", "[^a]", "(a|b)", "(ab)?", "\\b", "\\d", "x", "A", "-");
        Arbitrary<String> quantifier = Arbitraries.of("", "", "", "?", "*", "+", "{0,2}", "{1,2}", "*?", "+?");
        return Arbitraries.strings().ofLength(0).flatMap(empty -> atom.flatMap(a -> quantifier.map(q -> a + q)).list().ofMinSize(1).ofMaxSize(5)
                .map(parts -> String.join("", parts)))
                .flatMap(p -> Arbitraries.of(p, p, p + "|b", "^" + p, p + "$"));
    }

    @Provide
    Arbitrary<String> foldedTexts() {
        return Arbitraries.strings().withChars('a', 'b', 'x', '.', '-', '1', ' ').ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'a', 'a', '!', 'b').ofMaxLength(60);
    }
}
