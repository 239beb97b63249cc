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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The cohort check against a model that counts by brute force: an action trips it exactly when one of its subject's
 * cohorts (owner, network, page) reached the limit within the window, this subject included.
 */
class CohortProperties {
    private static final Versioned RULE = new Versioned("political-words", "7");
    private static final Instant T0 = Instant.parse("2026-01-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    /** One action: which subject, its owner, network and page (-1: none), and the seconds since the action before. */
    record Action(int subject, int owner, int network, int page, int seconds) {
        Subject toSubject() {
            return new Subject(new SubjectRef(SubjectKind.CONTENT, "post-" + subject), new AccountId("owner-" + owner), 10,
                    new LanguageCode("en"), new CountryCode("IE"), Optional.empty(), LocalDate.of(2026, 1, 1), Optional.empty(),
                    network < 0 ? Optional.empty() : Optional.of(new NetworkId("net-" + network)),
                    page < 0 ? Optional.empty() : Optional.of(new SubjectRef(SubjectKind.PAGE, "page-" + page)));
        }
    }

    /** What was acted on, in which cohorts, when. */
    private record Acted(SubjectRef subject, List<Cohort> cohorts, Instant at) {}

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> action = Combinators.combine(Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(-1, 2), Arbitraries.integers().between(-1, 2),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 60)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(60, 900))))
                .as(Action::new);
        return action.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property
    void theCohortCheckTripsExactlyWhenSomeCohortReachesTheLimit(@ForAll("actions") List<Action> actions,
            @ForAll @IntRange(min = 2, max = 5) int limit) {
        // Neither the cap nor the rate check can trip: only the cohort check is under test.
        Breakers breakers = new Breakers(new BreakerSettings(0.5, 1_000_000, 2, 1_000_000, 1_000_000, limit, WINDOW));
        List<Acted> model = new ArrayList<>();
        Instant at = T0;
        for (Action a : actions) {
            at = at.plusSeconds(a.seconds());
            Subject subject = a.toSubject();
            long largest = 0;
            for (Cohort cohort : Cohort.of(subject)) {
                Set<SubjectRef> others = new HashSet<>();
                for (Acted acted : model) {
                    if (!acted.at().isBefore(at.minus(WINDOW)) && acted.cohorts().contains(cohort) && !acted.subject().equals(subject.ref())) {
                        others.add(acted.subject());
                    }
                }
                largest = Math.max(largest, others.size() + 1);
            }
            Optional<TripFigures> trip = breakers.assess(RULE, subject, at);
            assertThat(trip.isPresent()).as("a trip at %s with a largest cohort of %d", a, largest).isEqualTo(largest >= limit);
            if (trip.isPresent()) {
                assertThat(trip.get().cause()).isEqualTo(TripCause.COHORT);
                assertThat(trip.get().cohortSubjects()).isEqualTo(largest);
                assertThat(Cohort.of(subject)).contains(trip.get().cohort().orElseThrow());
            }
            breakers.record(RULE, subject, at);
            model.add(new Acted(subject.ref(), Cohort.of(subject), at));
        }
    }
}
