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
        try (RecourseStore store = open()) {
            long counted = PublicRecordLoad.fill(store.dataSource(), first, 30, 200_000, 5, 0);

            Statistics figures = new PublicRecord(store.dataSource()).statistics(first, first.plusDays(29));

            assertThat(counted).isBetween(150_000L, 250_000L);
            assertThat(figures.total().decisions()).isEqualTo(counted);
            assertThat(figures.rules()).hasSize(6);
        }
    }

    @Test
    void withSearchableDecisionsTheRollupsCountExactlyThose() throws Exception {
        LocalDate first = LocalDate.of(2025, 1, 1);
        try (RecourseStore store = open()) {
            long counted = PublicRecordLoad.fill(store.dataSource(), first, 30, 200_000, 5, 3_000);

            PublicRecord record = new PublicRecord(store.dataSource());
            Statistics figures = record.statistics(first, first.plusDays(29));

            assertThat(counted).isEqualTo(3_000);
            assertThat(figures.total().decisions()).isEqualTo(3_000);
            assertThat(figures.byAutomation().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3_000);
            assertThat(record.search(DecisionQuery.ALL, Optional.empty(), 10).next()).isPresent();
        }
    }

    private RecourseStore open() throws Exception {
        return RecourseStore.open(TestCases.settings(data), new SteppingClock(Instant.parse("2025-06-01T00:00:00Z")), new SecureRandom());
    }
}
