package dev.recourse.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.core.decider.Role;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.port.InMemoryEventStore;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.core.safeguard.Breakers;
import dev.recourse.core.statement.Statements;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.LanguageCode;
import dev.recourse.core.subject.ProtectedMark;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A core with a clock that tests move, on an in-memory store or, for another module's tests of its own store, on any
 * {@link EventStore}.
 */
public final class Fixture {
    /** When the clock starts. */
    public static final Instant START = Instant.parse("2025-03-14T09:00:00Z");
    static final Person ADA = new Person(new Pseudonym("mod-ada"), Role.MODERATOR);
    static final Person BEA = new Person(new Pseudonym("mod-bea"), Role.SENIOR_MODERATOR);
    static final Person CEM = new Person(new Pseudonym("rev-cem"), Role.APPEAL_REVIEWER);
    static final Person DAN = new Person(new Pseudonym("rev-dan"), Role.APPEAL_REVIEWER);

    final EventStore store;
    final SteppingClock clock;
    final Settings settings = Settings.defaults("Certified out-of-court dispute settlement bodies: https://example.eu/ods",
            "The courts of the country where you live.");
    final DueProcess core;

    Fixture(long seed) {
        this(new InMemoryEventStore(), new SteppingClock(START), seed);
    }

    /** A core on {@code store}, which MUST be empty, with time from {@code clock} and ids drawn from {@code seed}. */
    public Fixture(EventStore store, SteppingClock clock, long seed) {
        this(store, clock, seed, new Breakers(BreakerSettings.defaults()));
    }

    /** A core on {@code store}, which MUST be empty, whose rules trip {@code breakers}. */
    public Fixture(EventStore store, SteppingClock clock, long seed, Breakers breakers) {
        this.store = store;
        this.clock = clock;
        core = new DueProcess(store, clock, new Random(seed), settings, breakers);
    }

    Fixture() {
        this(42);
    }

    static Subject post(String id, String owner) {
        return new Subject(new SubjectRef(SubjectKind.CONTENT, id), new AccountId(owner), 120, new LanguageCode("de"),
                new CountryCode("DE"), Optional.empty(), LocalDate.of(2025, 3, 1), Optional.empty());
    }

    static Subject journalistAccount(String id) {
        return new Subject(new SubjectRef(SubjectKind.ACCOUNT, id), new AccountId(id), 2_000, new LanguageCode("fr"),
                new CountryCode("FR"), Optional.of(ProtectedMark.JOURNALIST), LocalDate.of(2019, 5, 2), Optional.empty());
    }

    static Reasons illegalReasons() {
        return new Reasons(dev.recourse.core.statement.DsaStatement.builder()
                .decisionGround(dev.recourse.core.statement.DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
                .illegalContentLegalGround("§ 130 StGB")
                .illegalContentExplanation("Incites hatred against a religious group.")
                .contentType(java.util.Set.of(dev.recourse.core.statement.ContentType.CONTENT_TYPE_TEXT))
                .category(dev.recourse.core.statement.Category.STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH)
                .decisionFacts("Reported by a user; reviewed against the law.")
                .build());
    }

    static Reasons termsReasons() {
        return Statements.reasons(Statements.incompatible());
    }

    Result.Accepted accept(Command command) {
        Result result = core.handle(command);
        assertThat(result).as(String.valueOf(result)).isInstanceOf(Result.Accepted.class);
        return (Result.Accepted) result;
    }

    Result.Rejected reject(Command command) {
        int before = store.readAll(0, Integer.MAX_VALUE).size();
        Result result = core.handle(command);
        assertThat(result).as(String.valueOf(result)).isInstanceOf(Result.Rejected.class);
        assertThat(store.readAll(0, Integer.MAX_VALUE)).as("a rejection changes nothing").hasSize(before);
        return (Result.Rejected) result;
    }

    /** Every event stored, in position order. */
    public List<RecordedEvent> all() {
        return store.readAll(0, Integer.MAX_VALUE);
    }

    <E extends Event> List<E> events(Class<E> type) {
        return all().stream().map(RecordedEvent::event).filter(type::isInstance).map(type::cast).toList();
    }

    <E extends Event> E only(Class<E> type) {
        List<E> found = events(type);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    /** Runs every command the clock has made due; returns how many. */
    public int runTimers() {
        List<Command> due = Timers.of(all()).due(clock.instant());
        due.forEach(this::accept);
        return due.size();
    }
}
