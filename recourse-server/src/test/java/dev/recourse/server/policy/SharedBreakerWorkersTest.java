package dev.recourse.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.policy.ContentEvent;
import dev.recourse.core.policy.PolicyBook;
import dev.recourse.core.policy.Scorer;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.core.safeguard.TripCause;
import dev.recourse.server.http.ContentEvents;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.TestCases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two rule workers, each in a process of its own on one database (as in one Kafka consumer group), share the circuit
 * breaker of the rule version they both carry out: together they trip it at the cap, exactly once.
 */
class SharedBreakerWorkersTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T12:00:30Z"));
    /** Trips above 6 actions a minute. */
    private static final BreakerSettings BREAKERS = new BreakerSettings(0.5, 60, 4, 3, 6, 10, Duration.ofMinutes(10));

    @TempDir
    Path dir;
    private final List<RecourseStore> stores = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (RecourseStore store : stores) {
            TestCases.close(store);
        }
    }

    private RuleWorker worker(StoreSettings settings, PolicyBook book) throws Exception {
        RecourseStore store = RecourseStore.open(settings, BREAKERS, CLOCK, new SecureRandom());
        stores.add(store);
        return new RuleWorker(store, book, Scorer.NONE, CLOCK);
    }

    /** Twelve scam comments on different posts of different owners, each through {@code worker}; how many it decided. */
    private static long twelveScams(RuleWorker worker, String name) {
        long decided = 0;
        for (int i = 0; i < 12; i++) {
            ContentEvent event = ContentEvents.event(new Fields(IntakeEvents.comment("e-" + name + i, "post-" + name + i, true)),
                    CLOCK.instant());
            RuleWorker.Handled.Processed processed = (RuleWorker.Handled.Processed) worker.handle(event);
            decided += processed.acted().stream().filter(a -> a.effect() == RuleWorker.Effect.DECIDED).count();
        }
        return decided;
    }

    @Test
    void twoRuleWorkersOnOneDatabaseTogetherTripTheCapExactlyOnce() throws Exception {
        StoreSettings settings = TestCases.settings(dir);
        PolicyBook book = IntakeEvents.exampleBook();
        RuleWorker first = worker(settings, book);
        RuleWorker second = worker(settings, book);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        long decided;
        try {
            Future<Long> a = pool.submit(() -> twelveScams(first, "a"));
            Future<Long> b = pool.submit(() -> twelveScams(second, "b"));
            decided = a.get() + b.get();
        } finally {
            pool.shutdown();
        }

        RecourseStore store = stores.getFirst();
        assertThat(decided).isEqualTo(6);
        assertThat(IntakeEvents.stored(store, CaseEvent.DecisionTaken.class)).isEqualTo(6);
        assertThat(IntakeEvents.stored(store, CaseEvent.DecisionProposed.class)).isEqualTo(18);
        List<RuleEvent.BreakerTripped> trips = store.events().readAll(0, 1_000_000).stream().map(e -> e.event())
                .filter(RuleEvent.BreakerTripped.class::isInstance).map(RuleEvent.BreakerTripped.class::cast).toList();
        assertThat(trips).hasSize(1);
        RuleEvent.BreakerTripped trip = trips.getFirst();
        assertThat(trip.figures().cause()).isEqualTo(TripCause.CAP);
        assertThat(trip.figures().rate()).isEqualTo(7);
    }
}
