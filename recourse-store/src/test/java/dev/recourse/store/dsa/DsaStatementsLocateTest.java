package dev.recourse.store.dsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DsaStatementsLocateTest {
    private static String located(String entry) {
        byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
        long span = DsaStatements.locate(bytes);
        return span < 0 ? null : new String(bytes, (int) (span >>> 32), (int) span - (int) (span >>> 32), StandardCharsets.UTF_8);
    }

    @Test
    void theStatementIsTheDsaMemberOfTheStatementWhateverItsStringsHold() {
        String entry = "{\"case\":\"c\",\"commit\":\"ab\",\"decision\":\"d\",\"statement\":{\"deciders\":{\"rule\":\"}{\\\"dsa\\\":[\",\"n\":[1,{}]},"
                + "\"dsa\":{\"decision_facts\":\"a \\\"quoted\\\" } brace, ] and \\\\\",\"puid\":\"p-1\",\"territorial_scope\":[\"DE\",\"FR\"]},"
                + "\"language\":\"de\"},\"time\":\"2026-03-02T12:00:00Z\",\"type\":\"DecisionTaken\"}";

        assertThat(located(entry)).isEqualTo("{\"decision_facts\":\"a \\\"quoted\\\" } brace, ] and \\\\\",\"puid\":\"p-1\","
                + "\"territorial_scope\":[\"DE\",\"FR\"]}");
        assertThat(DsaStatements.puid(located(entry).getBytes(StandardCharsets.UTF_8))).isEqualTo("p-1");
    }

    @Test
    void aDecisionToTakeNoActionHasNone() {
        assertThat(located("{\"case\":\"c\",\"decision\":\"d\",\"no_action\":{\"deciders\":{}},\"type\":\"DecisionTaken\"}")).isNull();
    }

    @Test
    void anEntryThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> located("[\"statement\"]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> located("{\"statement\":{\"dsa\":{\"a\":\"b}")).isInstanceOf(IllegalArgumentException.class);
    }
}
