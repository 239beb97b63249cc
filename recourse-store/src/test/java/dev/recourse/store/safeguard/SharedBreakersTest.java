package dev.recourse.store.safeguard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.command.Command;
import dev.recourse.core.command.Command.DecidedBy;
import dev.recourse.core.command.Command.Mode;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.port.InMemoryEventStore;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Fixture;
import dev.recourse.core.process.Result;
import dev.recourse.core.process.SteppingClock;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.core.safeguard.Breakers;
import dev.recourse.core.safeguard.Cohort;
import dev.recourse.core.safeguard.TripCause;
import dev.recourse.core.safeguard.TripFigures;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.NetworkId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.TestCases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breakers every process shares: two stores on one database (two processes) count one rule version's actions
 * together, and a process that starts again knows the cohorts of the last minutes.
 */
class SharedBreakersTest {
    private static final Versioned RULE = new Versioned("political-words", "7");
    /** Trips above 4 actions a minute, or on 3 subjects of one cohort within 10 minutes. */
    private static final BreakerSettings BREAKERS = new BreakerSettings(0.5, 3, 4, 3, 4, 3, Duration.ofMinutes(10));

    @TempDir
    Path data;
    private final SteppingClock clock = new SteppingClock(Fixture.START);
    private StoreSettings settings;
    private RecourseStore first;
    private RecourseStore second;

    @AfterEach
    void close() throws Exception {
        TestCases.close(first);
        TestCases.close(second);
    }

    /** A process on the test's database. */
    private RecourseStore open() throws Exception {
        if (settings == null) {
            settings = TestCases.settings(data);
        }
        return RecourseStore.open(settings, BREAKERS, clock, new SecureRandom());
    }

    /** The rule acts on {@code post} through {@code store}, enforcing; whether its decision was taken (not proposed). */
    private static boolean act(RecourseStore store, Subject post) {
        return act(store.dueProcess(), post);
    }

    /** The rule acts on {@code post} through {@code process}, enforcing; whether its decision was taken (not proposed). */
    private static boolean act(DueProcess process, Subject post) {
        Result detected = process.handle(new Command.RecordDetection(post, new Signal.RuleMatch(RULE)));
        CaseEvent.DetectionRecorded detection = accepted(detected).stream().map(RecordedEvent::event)
                .filter(CaseEvent.DetectionRecorded.class::isInstance).map(CaseEvent.DetectionRecorded.class::cast).findFirst()
                .orElseThrow();
        Result decided = process.handle(new Command.Decide(post.ref(), Set.of(), Set.of(detection.detection().id()),
                new DecidedBy.Rule(AutomatedRule.of(RULE), Mode.ENFORCE), new Command.Plan.Restrict(List.of(PlannedRestriction.everywhere(
                        new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED, Optional.empty()))),
                        TestCases.illegalReasons())));
        return accepted(decided).stream().anyMatch(e -> e.event() instanceof CaseEvent.DecisionTaken);
    }

    private static List<RecordedEvent> accepted(Result result) {
        assertThat(result).as(String.valueOf(result)).isInstanceOf(Result.Accepted.class);
        return ((Result.Accepted) result).events();
    }

    private <E> List<E> stored(Class<E> type) {
        return first.events().readAll(0, Integer.MAX_VALUE).stream().map(RecordedEvent::event).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static Subject inNetwork(Subject post, String network) {
        return new Subject(post.ref(), post.owner(), post.reach(), post.language(), post.territory(), post.protectedMark(),
                post.since(), post.accountType(), Optional.of(new NetworkId(network)), Optional.empty());
    }

    @Test
    void countedInTheDatabaseTheBreakerDecidesAsInMemory() throws Exception {
        first = open();
        InMemoryEventStore memory = new InMemoryEventStore();
        DueProcess inMemory = new DueProcess(memory, clock, new Random(3), settings.process(), new Breakers(BREAKERS));
        Random random = new Random(7);
        int trips = 0;
        for (int i = 0; i < 80; i++) {
            clock.advance(Duration.ofSeconds(random.nextInt(45)));
            Subject s = TestCases.post("post-" + i, "owner-" + random.nextInt(5));
            Subject post = new Subject(s.ref(), s.owner(), s.reach(), s.language(), s.territory(), s.protectedMark(), s.since(),
                    s.accountType(), random.nextBoolean() ? Optional.of(new NetworkId("net-" + random.nextInt(3))) : Optional.empty(),
                    random.nextBoolean() ? Optional.of(new SubjectRef(SubjectKind.PAGE, "page-" + random.nextInt(3))) : Optional.empty());

            assertThat(act(first, post)).as("step %d", i).isEqualTo(act(inMemory, post));

            List<TripFigures> stored = stored(RuleEvent.BreakerTripped.class).stream().map(RuleEvent.BreakerTripped::figures).toList();
            List<TripFigures> remembered = memory.readAll(0, Integer.MAX_VALUE).stream().map(RecordedEvent::event)
                    .filter(RuleEvent.BreakerTripped.class::isInstance).map(e -> ((RuleEvent.BreakerTripped) e).figures()).toList();
            assertThat(stored).hasSameSizeAs(remembered);
            if (stored.size() > trips) {
                trips = stored.size();
                TripFigures a = stored.getLast();
                TripFigures b = remembered.getLast();
                assertThat(List.of(a.cause(), a.rate(), a.cohortSubjects(), a.cohort(), a.history()))
                        .as("step %d", i).isEqualTo(List.of(b.cause(), b.rate(), b.cohortSubjects(), b.cohort(), b.history()));
                // The store learns from the minutes that still weigh (BreakerSettings.memory): within a thousandth.
                assertThat(a.baseline()).isCloseTo(b.baseline(), org.assertj.core.data.Offset.offset(1e-3 * Math.max(1, b.baseline())));
                Command.ResetBreaker reset = new Command.ResetBreaker(RULE, TestCases.BEA, "Checked.");
                accepted(first.dueProcess().handle(reset));
                accepted(inMemory.handle(reset));
            }
        }
        assertThat(trips).isGreaterThan(2);
    }

    @Test
    void twoProcessesActingInTurnTripTogetherAtTheCap() throws Exception {
        first = open();
        second = open();
        long decided = 0;
        for (int i = 1; i <= 8; i++) {
            if (act(i % 2 == 0 ? first : second, TestCases.post("post-" + i, "owner-" + i))) {
                decided++;
            }
        }

        assertThat(decided).isEqualTo(4);
        List<RuleEvent.BreakerTripped> trips = stored(RuleEvent.BreakerTripped.class);
        assertThat(trips).hasSize(1);
        assertThat(trips.getFirst().figures().cause()).isEqualTo(TripCause.CAP);
        assertThat(trips.getFirst().figures().rate()).isEqualTo(5);
        assertThat(stored(CaseEvent.DecisionProposed.class)).hasSize(4);
    }

    @Test
    void twoProcessesActingAtOnceTripTogetherExactlyOnce() throws Exception {
        first = open();
        second = open();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> a = pool.submit(() -> actOnTen(first, "a"));
            Future<Long> b = pool.submit(() -> actOnTen(second, "b"));
            assertThat(a.get() + b.get()).isEqualTo(4);
        } finally {
            pool.shutdown();
        }

        assertThat(stored(CaseEvent.DecisionTaken.class)).hasSize(4);
        assertThat(stored(RuleEvent.BreakerTripped.class)).hasSize(1);
        assertThat(stored(CaseEvent.DecisionProposed.class)).hasSize(16);
        assertThat(first.breakers().learned(RULE, clock.instant()).orElseThrow().currentMinute()).isEqualTo(4);
    }

    private static long actOnTen(RecourseStore store, String process) {
        long decided = 0;
        for (int i = 1; i <= 10; i++) {
            if (act(store, TestCases.post("post-" + process + i, "owner-" + process + i))) {
                decided++;
            }
        }
        return decided;
    }

    @Test
    void aProcessThatDidNotSeeTheTripDoesNotActInTheNextMinute() throws Exception {
        first = open();
        second = open();
        act(first, TestCases.post("seen-1", "owner-1")); // the first process reads the rule version's stream: not tripped
        for (int i = 2; i <= 5; i++) {
            act(second, TestCases.post("seen-" + i, "owner-" + i));
        }
        assertThat(stored(RuleEvent.BreakerTripped.class)).hasSize(1);
        clock.advance(Duration.ofMinutes(1));

        assertThat(act(first, TestCases.post("next-minute", "owner-6"))).isFalse();
        assertThat(stored(RuleEvent.BreakerTripped.class)).hasSize(1);
    }

    @Test
    void aProcessThatStartsAgainKnowsTheCohortsOfTheLastMinutes() throws Exception {
        first = open();
        assertThat(act(first, inNetwork(TestCases.post("editor-post-1", "editor-1"), "org:tagesblatt"))).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(act(first, inNetwork(TestCases.post("editor-post-2", "editor-2"), "org:tagesblatt"))).isTrue();
        first.close();
        clock.advance(Duration.ofMinutes(2));

        first = open();
        assertThat(act(first, inNetwork(TestCases.post("editor-post-3", "editor-3"), "org:tagesblatt"))).isFalse();

        TripFigures trip = stored(RuleEvent.BreakerTripped.class).getFirst().figures();
        assertThat(trip.cause()).isEqualTo(TripCause.COHORT);
        assertThat(trip.cohortSubjects()).isEqualTo(3);
        assertThat(trip.cohort()).contains(new Cohort.Network(new NetworkId("org:tagesblatt")));
    }

    @Test
    void aResetEmptiesTheCohortsForEveryProcess() throws Exception {
        first = open();
        second = open();
        for (int i = 1; i <= 3; i++) {
            act(i % 2 == 0 ? first : second, inNetwork(TestCases.post("p-" + i, "o-" + i), "net"));
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(stored(RuleEvent.BreakerTripped.class)).hasSize(1);
        // The process that tripped it resets it (another one's cache of the rule version's stream may be older).
        accepted(second.dueProcess().handle(new Command.ResetBreaker(RULE, TestCases.BEA, "Checked: the matches are right.")));
        clock.advance(Duration.ofSeconds(10));

        assertThat(act(second, inNetwork(TestCases.post("p-4", "o-4"), "net"))).isTrue();
        assertThat(act(first, inNetwork(TestCases.post("p-5", "o-5"), "net"))).isTrue();
    }
}
