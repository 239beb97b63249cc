package dev.recourse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BoundedPatternProperties {
    private static final String CATASTROPHIC = "((a+)+)+b";

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

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'a', 'a', '!', 'b').ofMaxLength(60);
    }
}
