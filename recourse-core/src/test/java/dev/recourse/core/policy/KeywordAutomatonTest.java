package dev.recourse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {
    private static List<String> found(List<String> terms, String text) {
        KeywordAutomaton automaton = KeywordAutomaton.of(terms.stream().map(TextFolding::fold).toList());
        List<String> found = new ArrayList<>();
        automaton.scan(TextFolding.fold(text), (term, end) -> found.add(automaton.term(term)));
        return found;
    }

    @Test
    void aTermIsFoundAtWordBoundariesOnly() {
        assertThat(found(List.of("ass"), "a class act")).isEmpty();
        assertThat(found(List.of("ass"), "what an ass.")).containsExactly("ass");
    }

    @Test
    void overlappingTermsAreAllFound() {
        assertThat(found(List.of("crypto", "crypto giveaway", "giveaway"), "huge crypto giveaway now"))
                .containsExactly("crypto", "crypto giveaway", "giveaway");
    }

    @Test
    void aPersianTermMatchesArabicSpelling() {
        // term کشک (Persian keheh) found in text ككش with Arabic kaf spelled differently: کشک written with Arabic kaf
        assertThat(found(List.of("\u06a9\u0634\u06a9"), "\u0627\u06cc\u0646 \u0643\u0634\u0643 \u0627\u0633\u062a")).hasSize(1);
    }

    @Test
    void aPersianTermIsNotFoundInsideALongerPersianWord() {
        // کتاب (book) inside کتابخانه (library)
        assertThat(found(List.of("\u06a9\u062a\u0627\u0628"), "\u06a9\u062a\u0627\u0628\u062e\u0627\u0646\u0647")).isEmpty();
    }

    @Test
    void aPersianTermIsFoundBeforePunctuation() {
        assertThat(found(List.of("\u06a9\u062a\u0627\u0628"), "\u0627\u06cc\u0646 \u06a9\u062a\u0627\u0628\u060c \u0622\u0646")).hasSize(1);
    }

    @Test
    void aTermWrittenWithAZeroWidthNonJoinerMatchesTextWithout() {
        assertThat(found(List.of("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"), "\u0645\u06cc\u062e\u0648\u0627\u0647\u0645 \u0628\u0631\u0648\u0645"))
                .hasSize(1);
    }
}
