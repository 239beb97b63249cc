package dev.recourse.core.safeguard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.decider.Versioned;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.NetworkId;
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

    /** A post of {@code owner} in {@code network}, if any, on the page {@code page}, if any. */
    private static Subject post(String id, String owner, Optional<String> network, Optional<String> page) {
        Subject s = post(id, owner);
        return new Subject(s.ref(), s.owner(), s.reach(), s.language(), s.territory(), s.protectedMark(), s.since(),
                s.accountType(), network.map(NetworkId::new), page.map(p -> new SubjectRef(SubjectKind.PAGE, p)));
    }

    /** Acts on each of {@code subjects}, a minute apart from {@code T0}, none tripping; returns the next minute. */
    private Instant actOnEach(Subject... subjects) {
        Instant at = T0;
        for (Subject s : subjects) {
            assertThat(breakers.assess(RULE, s, at)).as("%s", s.ref()).isEmpty();
            breakers.record(RULE, s, at);
            at = at.plus(Duration.ofMinutes(1));
        }
        return at;
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
    void manySubjectsOfDifferentOwnersInOneNetworkTripTheCohortCheck() {
        Optional<String> newsroom = Optional.of("org:tagesblatt");
        Instant next = actOnEach(post("ed-1", "editor-1", newsroom, Optional.empty()), post("ed-2", "editor-2", newsroom, Optional.empty()),
                post("ed-3", "editor-3", newsroom, Optional.empty()));
        Optional<TripFigures> trip = breakers.assess(RULE, post("ed-4", "editor-4", newsroom, Optional.empty()), next);
        assertThat(trip).map(TripFigures::cause).contains(TripCause.COHORT);
        assertThat(trip.get().cohortSubjects()).isEqualTo(4);
        assertThat(trip.get().cohort()).contains(new Cohort.Network(new NetworkId("org:tagesblatt")));
    }

    @Test
    void manySubjectsOfDifferentOwnersOnOnePageTripTheCohortCheck() {
        Optional<String> page = Optional.of("campus-gruen");
        Instant next = actOnEach(post("p-1", "member-1", Optional.empty(), page), post("p-2", "member-2", Optional.empty(), page),
                post("p-3", "member-3", Optional.empty(), page));
        Optional<TripFigures> trip = breakers.assess(RULE, post("p-4", "member-4", Optional.empty(), page), next);
        assertThat(trip).map(TripFigures::cause).contains(TripCause.COHORT);
        assertThat(trip.get().cohort()).contains(new Cohort.Page(new SubjectRef(SubjectKind.PAGE, "campus-gruen")));
    }

    @Test
    void aCohortCheckTrippedByTheOwnerNamesTheOwner() {
        Instant next = actOnEach(post("o-1", "news-site"), post("o-2", "news-site"), post("o-3", "news-site"));
        Optional<TripFigures> trip = breakers.assess(RULE, post("o-4", "news-site", Optional.of("org:x"), Optional.of("x")), next);
        assertThat(trip.get().cohort()).contains(new Cohort.Owner(new AccountId("news-site")));
        assertThat(trip.get().toJson().get("cohort")).isEqualTo(dev.recourse.core.json.Json.of("owner"));
    }

    @Test
    void subjectsOfDifferentNetworksAndPagesAreCountedApart() {
        Instant next = actOnEach(post("a-1", "a1", Optional.of("net-a"), Optional.of("page-a")),
                post("a-2", "a2", Optional.of("net-a"), Optional.of("page-a")),
                post("b-1", "b1", Optional.of("net-b"), Optional.of("page-b")),
                post("b-2", "b2", Optional.of("net-b"), Optional.of("page-b")),
                post("a-3", "a3", Optional.of("net-a"), Optional.of("page-b")));
        // net-a has 3 subjects and page-b 3: the fourth of either trips, a subject of neither does not.
        assertThat(breakers.assess(RULE, post("c-1", "c1", Optional.of("net-c"), Optional.of("page-c")), next)).isEmpty();
        assertThat(breakers.assess(RULE, post("b-3", "b3", Optional.of("net-b"), Optional.of("page-c")), next)).isEmpty();
        assertThat(breakers.assess(RULE, post("c-2", "c2", Optional.of("net-c"), Optional.of("page-b")), next))
                .flatMap(TripFigures::cohort).contains(new Cohort.Page(new SubjectRef(SubjectKind.PAGE, "page-b")));
    }

    @Test
    void aTripByAnotherCheckNamesTheLargestCohortOfTheSubject() {
        act(T0, 1, 50);
        Optional<TripFigures> trip = breakers.assess(RULE, post("n", "someone", Optional.of("net"), Optional.empty()), T0.plusSeconds(59));
        assertThat(trip.get().cause()).isEqualTo(TripCause.CAP);
        assertThat(trip.get().cohortSubjects()).isEqualTo(1);
        assertThat(trip.get().cohort()).contains(new Cohort.Owner(new AccountId("someone")));
    }

    @Test
    void aSubjectBelongsOnlyToAPage() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Subject(
                new SubjectRef(SubjectKind.CONTENT, "c"), new AccountId("o"), 1, new LanguageCode("en"), new CountryCode("IE"),
                Optional.empty(), LocalDate.of(2026, 1, 1), Optional.empty(), Optional.empty(),
                Optional.of(new SubjectRef(SubjectKind.ACCOUNT, "a"))));
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
    void theBaselineOfCountsPerMinuteIsWhatABreakerLearns() {
        Instant now = act(T0, 3, 2);
        now = act(now.plus(Duration.ofMinutes(2)), 2, 3); // two quiet minutes between
        long first = T0.getEpochSecond() / 60;
        java.util.Map<Long, Long> counts = java.util.Map.of(first, 2L, first + 1, 2L, first + 2, 2L, first + 5, 3L, first + 6, 3L);

        double baseline = Breakers.baseline(SETTINGS, counts, first, now.getEpochSecond() / 60);

        assertThat(baseline).isCloseTo(breakers.learned(RULE, now).orElseThrow().baseline(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theMemoryCoversTheMinutesThatStillWeighInTheBaseline() {
        assertThat(BreakerSettings.defaults().memory()).isEqualTo(136); // 0.95^135 < 0.001
        assertThat(SETTINGS.memory()).isEqualTo(11); // the minimum history of 5, or 10 minutes at smoothing 0.5
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
