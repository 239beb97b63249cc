package dev.recourse.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntaxTest {
    @ParameterizedTest
    @ValueSource(strings = {"example.com/log", "a", "oid/1.3.6.1.4.1", "caf\u00e9/\u2014/\ud83d\ude00"})
    void acceptsValidKeyNames(String name) {
        assertThat(Syntax.invalidKeyName(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a+b", "a b", "a\tb", "a\nb", "a\rb", "a\u000bb", "a\u0085b", "a\u00a0b", "a\u2003b",
        "a\u2028b", "a\u3000b", "a\u0001b", "a\ud800b", "a\udc00"})
    void rejectsInvalidKeyNames(String name) {
        assertThat(Syntax.invalidKeyName(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text\n", "\n\n", "caf\u00e9 \ud83d\ude00\n", "\u007f\n"})
    void acceptsValidNoteText(String text) {
        assertThat(Syntax.invalidText(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb\n", "\t\n", "\u0000", "\ud83d", "x\ude00\n"})
    void rejectsControlCharactersAndUnpairedSurrogates(String text) {
        assertThat(Syntax.invalidText(text)).isPresent();
    }
}
