package dev.recourse.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {
    private static final String TOKEN = "X|serve-token";
    private static final InstantSource NEXT_MORNING = InstantSource.fixed(
            DecidedStore.FIRST.plusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC));

    private DecidedStore decided;
    private FakeTransparencyDatabase database;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @TempDir
    Path dumps;

    @BeforeEach
    void start(@TempDir Path data) throws IOException {
        decided = new DecidedStore(data).withDecisions();
        database = new FakeTransparencyDatabase(TOKEN);
    }

    @AfterEach
    void stop() throws IOException {
        database.close();
        decided.close();
    }

    private Publisher publisher(String token) {
        return Publisher.start(new Publishing(Optional.of(database.url()), Optional.of(token), Duration.ofMinutes(5),
                Optional.of(dumps)), decided.store.dataSource(), NEXT_MORNING, log::add);
    }

    @Test
    void servingSendsTheStatementsAndWritesYesterdaysDumpAtOnce() {
        try (Publisher ignored = publisher(TOKEN)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> database.stored().size() == 4
                    && Files.exists(dumps.resolve("statements-of-reasons-2026-03-02.csv.gz")));
        }

        assertThat(log).contains("dsa: 4 statements accepted, 0 refused (errors recorded)",
                "dump: 3 statements of reasons of 2026-03-02 in " + dumps.resolve("statements-of-reasons-2026-03-02.csv.gz"));
    }

    @Test
    void aFailedRoundIsReportedAndServingGoesOn() {
        try (Publisher ignored = publisher("X|wrong")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> log.stream().anyMatch(line -> line.startsWith("dsa: sending")));
        }

        assertThat(log).contains("dsa: sending the statements of reasons failed, trying again in PT5M: the Transparency Database"
                + " refused the token (HTTP 401)");
        assertThat(database.stored()).isEmpty();
    }
}
