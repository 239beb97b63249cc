package dev.recourse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The automaton finds exactly what a naive search for each term finds, with the same word boundaries. */
class KeywordAutomatonProperties {
    // Latin, Persian and Arabic letters (with variants), a digit, spaces and punctuation: enough to make overlaps,
    // repeats and boundaries common.
    private static final char[] ALPHABET = {'a', 'b', 'A', '1', ' ', '.', '\u06a9', '\u0643', '\u06cc', '\u064a', '\u0627',
        '\u200c', '\u060c'};

    @Property(tries = 500)
    void findsExactlyWhatANaiveSearchFinds(@ForAll("terms") List<String> raw, @ForAll("texts") String rawText) {
        List<String> terms = raw.stream().map(TextFolding::fold).filter(t -> !t.isEmpty()).distinct().toList();
        String text = TextFolding.fold(rawText);
        if (terms.isEmpty()) {
            return;
        }
        KeywordAutomaton automaton = KeywordAutomaton.of(terms);
        List<String> fast = new ArrayList<>();
        automaton.scan(text, (term, end) -> fast.add(term + "@" + end));

        List<String> naive = new ArrayList<>();
        for (int end = 1; end <= text.length(); end++) {
            for (int t = 0; t < terms.size(); t++) {
                String term = terms.get(t);
                int start = end - term.length();
                if (start >= 0 && text.startsWith(term, start) && boundary(text, term, start, end)) {
                    naive.add(t + "@" + end);
                }
            }
        }
        assertThat(fast).containsExactlyInAnyOrderElementsOf(naive);
    }

    private static boolean boundary(String text, String term, int start, int end) {
        boolean before = !TextFolding.isWordChar(term.charAt(0)) || start == 0 || !TextFolding.isWordChar(text.charAt(start - 1));
        boolean after = !TextFolding.isWordChar(term.charAt(term.length() - 1)) || end == text.length()
                || !TextFolding.isWordChar(text.charAt(end));
        return before && after;
    }

    @Provide
    Arbitrary<List<String>> terms() {
        return Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(4).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(60);
    }
}
