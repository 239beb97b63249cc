package dev.recourse.core.safeguard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BreakersTest {
    private static final Instant T0 = Instant.parse("2026-01-20T10:00:00Z");
    private static final Versioned RULE = new Versioned("political-words", "7");
    /** Learns after 5 minutes; trips above 4 × baseline (at least 3), above 50 a minute, or on 4 subjects of one owner. */
    private static final BreakerSettings SETTINGS = new BreakerSettings(0.5, 5, 4, 3, 50, 4, Duration.ofMinutes(10));

    private final Breakers breakers = new Breakers(SETTINGS);
    private int subjects;

    private Subject next() {
        subjects++;
        return post("post-" + subjects, "owner-" + subjects);
    }

    private static Subject post(String id, String owner) {
        return new Subject(new SubjectRef(SubjectKind.CONTENT, id), new AccountId(owner), 10, new LanguageCode("en"),
                new CountryCode("IE"), Optional.empty(), LocalDate.of(2026, 1, 1), Optional.empty());
    }

    /** {@code perMinute} actions in each of {@code minutes} minutes from {@code start}, each on a new owner's subject. */
    private Instant act(Instant start, int minutes, int perMinute) {
        for (int m = 0; m < minutes; m++) {
            for (int i = 0; i < perMinute; i++) {
                Instant at = start.plus(Duration.ofMinutes(m)).plusSeconds(i % 60);
                Subject s = next();
                assertThat(breakers.assess(RULE, s, at)).as("minute %d action %d", m, i).isEmpty();
                breakers.record(RULE, s, at);
            }
        }
        return start.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aRuleActingAtItsUsualRateDoesNotTrip() {
        act(T0, 30, 3);
        assertThat(breakers.learned(RULE, T0.plus(Duration.ofMinutes(30))).orElseThrow().baseline()).isCloseTo(3, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aRateFarAboveTheLearnedBaselineTripsWithItsFigures() {
        Instant now = act(T0, 10, 2); // baseline 2 a minute: the threshold is 8
        act(now, 1, 7);
        Optional<TripFigures> trip = breakers.assess(RULE, next(), now.plusSeconds(30));
        assertThat(trip).isPresent();
        TripFigures f = trip.get();
        assertThat(f.cause()).isEqualTo(TripCause.RATE);
        assertThat(f.rate()).isEqualTo(8);
        assertThat(f.baseline()).isCloseTo(2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(f.threshold()).isCloseTo(8, org.assertj.core.data.Offset.offset(0.05));
        assertThat(f.history()).isEqualTo(10);
    }

    @Test
    void beforeTheMinimumHistoryOnlyTheCapTrips() {
        act(T0, 1, 50); // a new rule version, already busy: no baseline yet, but within the cap
        Optional<TripFigures> trip = breakers.assess(RULE, next(), T0.plusSeconds(59));
        assertThat(trip).map(TripFigures::cause).contains(TripCause.CAP);
        assertThat(trip.get().rate()).isEqualTo(51);
        assertThat(trip.get().cap()).isEqualTo(50);
    }

    @Test
    void quietMinutesLowerTheBaseline() {
        Instant now = act(T0, 10, 10);
        double busy = breakers.learned(RULE, now).orElseThrow().baseline();
        double later = breakers.learned(RULE, now.plus(Duration.ofMinutes(5))).orElseThrow().baseline();
        assertThat(later).isLessThan(busy / 10);
    }

    @Test
    void manySubjectsOfOneOwnerWithinTheWindowTripTheCohortCheck() {
        for (int i = 1; i <= 3; i++) {
            Subject page = post("editor-post-" + i, "news-site");
            Instant at = T0.plus(Duration.ofMinutes(2L * i));
            assertThat(breakers.assess(RULE, page, at)).isEmpty();
            breakers.record(RULE, page, at);
        }
        Optional<TripFigures> trip = breakers.assess(RULE, post("editor-post-4", "news-site"), T0.plus(Duration.ofMinutes(8)));
        assertThat(trip).map(TripFigures::cause).contains(TripCause.COHORT);
        assertThat(trip.get().cohortSubjects()).isEqualTo(4);
    }

    @Test
    void theCohortForgetsActionsOlderThanItsWindow() {
        for (int i = 1; i <= 3; i++) {
            breakers.record(RULE, post("old-" + i, "news-site"), T0);
        }
        assertThat(breakers.assess(RULE, post("new", "news-site"), T0.plus(Duration.ofMinutes(11)))).isEmpty();
    }

    @Test
    void actingOnTheSameSubjectAgainIsNotACohort() {
        Subject one = post("same", "news-site");
        for (int i = 0; i < 5; i++) {
            assertThat(breakers.assess(RULE, one, T0.plusSeconds(i))).isEmpty();
            breakers.record(RULE, one, T0.plusSeconds(i));
        }
    }

    @Test
    void aResetEmptiesTheMinuteAndTheCohortsButKeepsTheBaseline() {
        Instant now = act(T0, 10, 2);
        act(now, 1, 7);
        double baseline = breakers.learned(RULE, now).orElseThrow().baseline();
        breakers.reset(RULE, now.plusSeconds(40));
        assertThat(breakers.assess(RULE, next(), now.plusSeconds(41))).isEmpty();
        assertThat(breakers.learned(RULE, now.plusSeconds(41)).orElseThrow().baseline()).isEqualTo(baseline);
        assertThat(breakers.learned(RULE, now.plusSeconds(41)).orElseThrow().currentMinute()).isZero();
    }

    @Test
    void whatWasLearnedIsRestoredFromCountsPerMinute() {
        Instant now = act(T0, 10, 2);
        Breakers restored = new Breakers(SETTINGS);
        for (int m = 0; m < 10; m++) {
            restored.learn(RULE, T0.plus(Duration.ofMinutes(m)), 2);
        }
        assertThat(restored.learned(RULE, now)).isEqualTo(breakers.learned(RULE, now));
    }

    @Test
    void settingsOutsideTheirBoundsAreRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new BreakerSettings(0, 5, 4, 3, 50, 4, Duration.ofMinutes(10)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new BreakerSettings(0.5, 5, 1, 3, 50, 4, Duration.ofMinutes(10)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new BreakerSettings(0.5, 5, 4, 60, 50, 4, Duration.ofMinutes(10)));
    }
}
