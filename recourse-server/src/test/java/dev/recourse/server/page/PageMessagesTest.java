package dev.recourse.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Role;
import dev.recourse.core.statement.AutomatedDecision;
import dev.recourse.core.statement.Category;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionGround;
import dev.recourse.core.statement.DecisionMonetary;
import dev.recourse.core.statement.DecisionProvision;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.statement.YesNo;
import dev.recourse.core.subject.SubjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The texts of people's pages: every language has every text, and the language is chosen as documented. */
class PageMessagesTest {
    @Test
    void everyLanguageHasEveryKeyOfEnglishAndNoOther() {
        for (Locale language : Messages.LANGUAGES) {
            assertThat(Messages.keys(language)).as(language.toString()).isEqualTo(Messages.keys(Locale.ENGLISH));
        }
    }

    @Test
    void everyValueAPageNamesHasATextInEveryLanguage() {
        List<String> needed = new ArrayList<>();
        for (Category c : Category.values()) {
            needed.add("category." + c.name());
        }
        for (Enum<?>[] measures : List.<Enum<?>[]>of(DecisionVisibility.values(), DecisionMonetary.values(),
                DecisionProvision.values(), DecisionAccount.values())) {
            for (Enum<?> m : measures) {
                needed.add("measure." + m.name());
            }
        }
        for (DecisionGround g : DecisionGround.values()) {
            needed.add("ground." + g.name());
        }
        for (AutomatedDecision a : AutomatedDecision.values()) {
            needed.add("automated." + a.name());
        }
        for (YesNo y : YesNo.values()) {
            needed.add("detection." + y.name());
        }
        for (Role r : Role.values()) {
            needed.add("role." + r.name());
        }
        for (SubjectKind k : SubjectKind.values()) {
            needed.add("kind." + k.name());
            needed.add("title.decision." + k.name());
        }
        assertThat(Messages.keys(Locale.ENGLISH)).containsAll(needed);
    }

    @Test
    void noTextIsBlank() {
        for (Locale language : Messages.LANGUAGES) {
            for (String key : Messages.keys(language)) {
                assertThat(Messages.in(language).text(key)).as(language + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void theLanguageAskedForComesFirstThenThePersonsThenTheBrowsersThenEnglish() {
        assertThat(Messages.choose(Optional.of("fa"), Optional.of("de"), Optional.of("fr"))).isEqualTo(Locale.of("fa"));
        assertThat(Messages.choose(Optional.of("xx"), Optional.of("de"), Optional.of("fr"))).isEqualTo(Locale.GERMAN);
        assertThat(Messages.choose(Optional.empty(), Optional.of("pl"), Optional.of("pl, fr-CH;q=0.8"))).isEqualTo(Locale.FRENCH);
        assertThat(Messages.choose(Optional.empty(), Optional.empty(), Optional.of("pl"))).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.choose(Optional.empty(), Optional.empty(), Optional.of(";;;=="))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void placeholdersAreFilledAndPersianRunsRightToLeft() {
        assertThat(Messages.in(Locale.FRENCH).format("appeal.closed", "date", "1 mars")).isEqualTo("Le délai de recours a pris fin le 1 mars.");
        assertThat(Layout.rightToLeft(Messages.in(Locale.of("fa")).language())).isTrue();
    }
}
