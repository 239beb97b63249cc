package dev.recourse.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.json.Json;
import dev.recourse.core.policy.ContentEvent;
import dev.recourse.core.policy.PolicyBook;
import dev.recourse.core.policy.Scorer;
import dev.recourse.server.http.ContentEvents;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.TestCases;
import dev.recourse.store.intake.IntakeSteps;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shadow report is kept in the database: it survives a restart, the counts of several workers add up, and an
 * event processed twice counts once.
 */
class ShadowCountsTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));
    /** The example policy's shadow rule, which matches every post its classifier scores above 0.97. */
    private static final Versioned SHADOW_RULE = new Versioned("scam-score", "1");
    private static final Scorer SCAM = (classifier, event) -> new Scorer.Score.Scored(0.99);

    @TempDir
    Path dir;

    private StoreSettings settings;
    private RecourseStore store;
    private PolicyBook book;

    @BeforeEach
    void open() throws Exception {
        settings = TestCases.settings(dir);
        store = RecourseStore.open(settings, CLOCK, new SecureRandom());
        book = IntakeEvents.exampleBook();
    }

    @AfterEach
    void close() throws Exception {
        TestCases.close(store);
    }

    private RuleWorker worker() {
        return new RuleWorker(store, book, SCAM, CLOCK);
    }

    private static ContentEvent post(String id) {
        Json.Obj comment = IntakeEvents.comment(id, "post-" + id, false);
        Json.ObjBuilder post = Json.object();
        comment.members().forEach((name, value) -> post.put(name, "type".equals(name) ? Json.of("post.created") : value));
        return ContentEvents.event(new Fields(post.build()), CLOCK.instant());
    }

    private IntakeSteps.ShadowMatches report() {
        return store.intakeSteps().shadowReport(Set.of(SHADOW_RULE)).getFirst();
    }

    @Test
    void theCountsAndSamplesSurviveARestartOnTheSameDatabase() throws Exception {
        RuleWorker worker = worker();
        worker.handle(post("s-1"));
        worker.handle(post("s-2"));

        store.close();
        store = RecourseStore.open(settings, CLOCK, new SecureRandom());
        worker().handle(post("s-3"));

        assertThat(report().matched()).isEqualTo(3);
        assertThat(report().samples()).extracting(IntakeSteps.ShadowSample::eventId).containsExactly("s-1", "s-2", "s-3");
    }

    @Test
    void theCountsOfTwoWorkersAddUp() {
        RuleWorker one = worker();
        RuleWorker two = worker();

        IntStream.range(0, 30).parallel().forEach(i -> (i % 2 == 0 ? one : two).handle(post("w-" + i)));

        assertThat(report().matched()).isEqualTo(30);
        assertThat(report().samples()).hasSize(IntakeSteps.SHADOW_SAMPLES)
                .extracting(IntakeSteps.ShadowSample::eventId).doesNotHaveDuplicates();
    }

    @Test
    void anEventDeliveredAgainCountsOnce() {
        RuleWorker worker = worker();
        worker.handle(post("r-1"));

        RuleWorker.Handled again = worker().handle(post("r-1"));

        assertThat(again).isInstanceOf(RuleWorker.Handled.Duplicate.class);
        assertThat(report().matched()).isEqualTo(1);
        assertThat(report().samples()).singleElement().extracting(IntakeSteps.ShadowSample::eventId).isEqualTo("r-1");
    }

    @Test
    void aRuleThatNeverMatchedInShadowModeIsNotInTheReport() {
        worker().handle(post("n-1"));

        assertThat(store.intakeSteps().shadowReport(List.of(new Versioned("crypto-giveaway", "3")))).isEmpty();
    }
}
