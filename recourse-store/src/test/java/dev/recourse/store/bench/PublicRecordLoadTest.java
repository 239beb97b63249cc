package dev.recourse.store.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.process.SteppingClock;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import dev.recourse.store.projection.DecisionQuery;
import dev.recourse.store.projection.PublicRecord;
import dev.recourse.store.projection.Statistics;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal benchmark's load fills the public record so that its queries read what it counted. */
class PublicRecordLoadTest {
    @TempDir
    Path data;

    @Test
    void theRollupsCountAboutTheDecisionsAskedForAndTheStatisticsReadThemAll() throws Exception {
        LocalDate first = LocalDate.of(2025, 1, 1);
        try (RecourseStore store = RecourseStore.open(TestCases.settings(data), new SteppingClock(Instant.parse("2025-06-01T00:00:00Z")),
                new SecureRandom())) {
            long counted = PublicRecordLoad.fill(store.dataSource(), first, 30, 200_000, 5, 1_000);

            Statistics figures = new PublicRecord(store.dataSource()).statistics(first, first.plusDays(29));

            assertThat(counted).isBetween(150_000L, 250_000L);
            assertThat(figures.total().decisions()).isEqualTo(counted);
            assertThat(figures.rules()).hasSize(6);
            assertThat(new PublicRecord(store.dataSource()).search(DecisionQuery.ALL, Optional.empty(), 10).next()).isPresent();
        }
    }
}
