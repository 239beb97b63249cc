package dev.recourse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFoldingTest {
    @Test
    void latinLettersAreFoldedToLowerCase() {
        assertThat(TextFolding.fold("Free MONEY")).isEqualTo("free money");
    }

    @Test
    void fullWidthLettersBecomePlainLetters() {
        assertThat(TextFolding.fold("ＦＲＥＥ")).isEqualTo("free");
    }

    @Test
    void arabicYehAndKafFoldToTheirPersianForms() {
        // كتابي with Arabic kaf and yeh; کتابی with Persian keheh and yeh
        assertThat(TextFolding.fold("\u0643\u062a\u0627\u0628\u064a")).isEqualTo(TextFolding.fold("\u06a9\u062a\u0627\u0628\u06cc"));
    }

    @Test
    void alefMaksuraFoldsToYeh() {
        assertThat(TextFolding.fold("\u0645\u0648\u0633\u0649")).isEqualTo(TextFolding.fold("\u0645\u0648\u0633\u06cc"));
    }

    @Test
    void theZeroWidthNonJoinerIsIgnored() {
        // می‌خواهم with and without the ZWNJ
        assertThat(TextFolding.fold("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")).isEqualTo(TextFolding.fold("\u0645\u06cc\u062e\u0648\u0627\u0647\u0645"));
    }

    @Test
    void vowelMarksAndTatweelAreIgnored() {
        // كَتَبَ with fatha marks, and كـتب with a tatweel
        assertThat(TextFolding.fold("\u0643\u064e\u062a\u064e\u0628\u064e")).isEqualTo(TextFolding.fold("\u0643\u062a\u0628"));
        assertThat(TextFolding.fold("\u0643\u0640\u062a\u0628")).isEqualTo(TextFolding.fold("\u0643\u062a\u0628"));
    }

    @Test
    void arabicPresentationFormsBecomeTheLetters() {
        // ﻙ (kaf isolated form) is kaf after NFKC, then keheh
        assertThat(TextFolding.fold("\ufed9")).isEqualTo("\u06a9");
    }

    @Test
    void persianAndArabicDigitsBecomeAsciiDigits() {
        assertThat(TextFolding.fold("\u06f1\u06f2\u0663")).isEqualTo("123");
    }

    @Test
    void theFastPathAgreesWithTheFullFoldingForEveryPairOfItsCharacters() {
        List<Character> stable = new ArrayList<>();
        for (char c = 0x80; c < 0xFFFF; c++) {
            if (TextFolding.isNfkcStable(c)) {
                stable.add(c);
            }
        }
        for (char c : stable) {
            for (char d : stable) {
                String pair = "" + c + d;
                assertThat(Normalizer.normalize(pair, Normalizer.Form.NFKC)).as(pair).isEqualTo(pair);
            }
        }
    }

    @Test
    void persianLettersAreWordCharactersAndTheSpaceIsNot() {
        assertThat(TextFolding.isWordChar('\u06a9')).isTrue();
        assertThat(TextFolding.isWordChar(' ')).isFalse();
        assertThat(TextFolding.isWordChar('\u060c')).isFalse(); // Arabic comma
    }
}
