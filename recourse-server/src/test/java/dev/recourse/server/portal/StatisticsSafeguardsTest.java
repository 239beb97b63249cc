package dev.recourse.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Versioned;
import dev.recourse.store.safeguard.RuleFigures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatisticsSafeguardsTest {
    private static RuleFigures figures(String rule, long trips, long recalls, long recalled, boolean trippedNow) {
        return new RuleFigures(new Versioned(rule, "2"), 40, 40, 3, 0, 0, 0, trips, recalls, recalled, 0,
                trippedNow ? Optional.of(Instant.parse("2026-12-02T08:00:00Z")) : Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Test
    void eachRuleVersionShowsItsTripsWhetherItIsTrippedAndItsRecalls() {
        String html = StatisticsPage.safeguards(List.of(figures("civic-vocabulary", 1, 1, 3, true)));

        assertThat(html).contains("id=\"safeguards\"")
                .contains("<tr><td>civic-vocabulary@2</td><td>40</td><td>1</td><td>yes</td><td>1</td><td>3</td></tr>");
    }

    @Test
    void withoutAutomatedRulesTheTableSaysSo() {
        assertThat(StatisticsPage.safeguards(List.of())).contains("No automated rule has acted yet.");
    }
}
