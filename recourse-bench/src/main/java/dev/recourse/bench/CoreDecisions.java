package dev.recourse.bench;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.port.InMemoryEventStore;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Result;
import dev.recourse.server.cli.DecisionLoad;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Real decisions for the benchmarks: those of {@code recourse bench decisions} ({@link DecisionLoad}: a user's notice
 * about a post, which opens its case, then a moderator's removal with a complete statement of reasons), taken by the
 * core on an in-memory store.
 */
final class CoreDecisions {
    private CoreDecisions() {}

    /** Every event of {@code count} decisions, in the order the core recorded them. */
    static List<RecordedEvent> take(int count, RandomGenerator random) {
        DueProcess core = new DueProcess(new InMemoryEventStore(), InstantSource.fixed(Instant.parse("2026-03-02T12:00:00Z")), random,
                DecisionLoad.SETTINGS);
        List<RecordedEvent> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            List<RecordedEvent> notice = accepted(core.handle(DecisionLoad.notice(n)));
            NoticeId id = notice.stream().map(RecordedEvent::event).filter(CaseEvent.NoticeReceived.class::isInstance)
                    .map(e -> ((CaseEvent.NoticeReceived) e).notice().id()).findFirst().orElseThrow();
            events.addAll(notice);
            events.addAll(accepted(core.handle(DecisionLoad.decision(n, id))));
        }
        return events;
    }

    private static List<RecordedEvent> accepted(Result result) {
        if (result instanceof Result.Accepted accepted) {
            return accepted.events();
        }
        throw new IllegalStateException("the core refused a benchmark command: " + result);
    }
}
