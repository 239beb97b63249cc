package dev.recourse.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.policy.ContentEvent;
import dev.recourse.core.policy.PolicyBook;
import dev.recourse.core.policy.RuleOutcome;
import dev.recourse.core.policy.Scorer;
import dev.recourse.server.http.ContentEvents;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import dev.recourse.store.intake.IntakeStep;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule worker on the real database: each acting rule's detection and decision, exactly once per event id. */
class RuleWorkerTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));

    @TempDir
    Path dir;

    private RecourseStore store;
    private PolicyBook book;
    private RuleWorker worker;

    @BeforeEach
    void open() throws Exception {
        store = RecourseStore.open(TestCases.settings(dir), CLOCK, new SecureRandom());
        book = IntakeEvents.exampleBook();
        worker = new RuleWorker(store, book, Scorer.NONE, CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    private static ContentEvent event(String id, String post, boolean scam) {
        return ContentEvents.event(new Fields(IntakeEvents.comment(id, post, scam)), CLOCK.instant());
    }

    @Test
    void anEnforcingRuleRecordsItsDetectionAndDecidesCitingIt() {
        RuleWorker.Handled handled = worker.handle(event("e-1", "post-1", true));

        assertThat(handled).isInstanceOf(RuleWorker.Handled.Processed.class);
        assertThat(((RuleWorker.Handled.Processed) handled).acted()).extracting(RuleWorker.Acted::effect)
                .containsExactly(RuleWorker.Effect.DECIDED);
        CaseEvent.DetectionRecorded detection = store.events().readAll(0, 1000).stream().map(e -> e.event())
                .filter(CaseEvent.DetectionRecorded.class::isInstance).map(CaseEvent.DetectionRecorded.class::cast).findFirst().orElseThrow();
        CaseEvent.DecisionTaken decision = store.events().readAll(0, 1000).stream().map(e -> e.event())
                .filter(CaseEvent.DecisionTaken.class::isInstance).map(CaseEvent.DecisionTaken.class::cast).findFirst().orElseThrow();
        assertThat(decision.decision().toString()).contains(detection.detection().id().toString());
    }

    @Test
    void theSameEventTwiceActsOnce() {
        worker.handle(event("e-2", "post-2", true));

        RuleWorker.Handled again = worker.handle(event("e-2", "post-2", true));

        assertThat(again).isEqualTo(new RuleWorker.Handled.Duplicate("e-2"));
        assertThat(IntakeEvents.stored(store, CaseEvent.DetectionRecorded.class)).isEqualTo(1);
        assertThat(IntakeEvents.stored(store, CaseEvent.DecisionTaken.class)).isEqualTo(1);
    }

    @Test
    void anEventStoppedAfterItsDetectionIsDecidedOnceCitingThatDetection() {
        ContentEvent event = event("e-3", "post-3", true);
        RuleOutcome.Act act = (RuleOutcome.Act) book.active().getFirst().evaluate(event, CLOCK.instant(), Scorer.NONE).outcomes()
                .stream().filter(RuleOutcome.Act.class::isInstance).findFirst().orElseThrow();
        // The first attempt stored the detection step, then the process stopped.
        store.stepping(new IntakeStep("e-3", act.rule() + "/detection"), () -> store.dueProcess().handle(act.detection()));

        RuleWorker.Handled handled = worker.handle(event);

        assertThat(((RuleWorker.Handled.Processed) handled).acted()).extracting(RuleWorker.Acted::effect)
                .containsExactly(RuleWorker.Effect.DECIDED);
        assertThat(IntakeEvents.stored(store, CaseEvent.DetectionRecorded.class)).isEqualTo(1);
        assertThat(IntakeEvents.stored(store, CaseEvent.DecisionTaken.class)).isEqualTo(1);
    }

    @Test
    void anEventNoRuleMatchesIsProcessedWithoutActing() {
        RuleWorker.Handled handled = worker.handle(event("e-4", "post-4", false));

        assertThat(((RuleWorker.Handled.Processed) handled).acted()).isEmpty();
        assertThat(worker.handle(event("e-4", "post-4", false))).isInstanceOf(RuleWorker.Handled.Duplicate.class);
        assertThat(IntakeEvents.stored(store, CaseEvent.DetectionRecorded.class)).isZero();
    }
}
