package dev.recourse.store.projection;

import dev.recourse.core.authority.Authority;
import dev.recourse.core.authority.AuthorityKind;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.authority.LegalBasis;
import dev.recourse.core.authority.LegalHold;
import dev.recourse.core.command.Command;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.json.Json;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.process.Fixture;
import dev.recourse.core.process.Result;
import dev.recourse.core.process.SteppingClock;
import dev.recourse.core.process.Timers;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.Subject;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 8 of DESIGN.md: "Each authority request is registered with its legal basis and linked to the actions it
 * caused; it is disclosed publicly unless a recorded legal hold delays it, and holds expire." Random sequences of
 * authority requests (with legal holds of random lengths and without), users' notices, decisions that answer them and
 * moves of the clock run through the core on the PostgreSQL store, with the timers a scheduler would run; after every
 * step the events, the register the portal reads, the decisions it lists and every public log entry are checked.
 */
class AuthorityRegisterProperties {
    private static final List<Subject> SUBJECTS = List.of(TestCases.post("p-1", "o-1"), TestCases.post("p-2", "o-2"),
            TestCases.post("p-3", "o-3"));
    /** The members a public entry that names a held request may have: that it exists, and when its hold ends (and the salted commitment to the private record, which reveals nothing). */
    private static final Set<String> EXISTENCE = Set.of("type", "time", "request", "held_until", "commit");

    /** One step of a sequence. */
    sealed interface Step {}

    /** An authority's request about a subject; {@code hold} is the length of its legal hold, if it has one. */
    record Register(int subject, AuthorityKind kind, Optional<Duration> hold) implements Step {}

    /** A user's notice about a subject. */
    record UserNotice(int subject) implements Step {}

    /** A moderator's decision answering the notices of a subject that {@code choice} picks: a removal or no action. */
    record Decide(int subject, int choice, boolean restrict) implements Step {}

    /** The clock moves on, then the timers that became due run. */
    record Advance(Duration by) implements Step {}

    /** The clock moves to the end of the earliest hold still running, exactly, then the timers run. */
    record AdvanceToAHoldsEnd() implements Step {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> subject = Arbitraries.integers().between(0, SUBJECTS.size() - 1);
        Arbitrary<Optional<Duration>> hold = Arbitraries.longs().between(1, 60L * 24 * 60).map(Duration::ofMinutes)
                .optional(0.6);
        Arbitrary<Step> register = Combinators.combine(subject, Arbitraries.of(AuthorityKind.class), hold).as(Register::new);
        Arbitrary<Step> notice = subject.map(UserNotice::new);
        Arbitrary<Step> decide = Combinators.combine(subject, Arbitraries.integers().between(1, 15), Arbitraries.of(true, false))
                .as(Decide::new);
        Arbitrary<Step> advance = Arbitraries.longs().between(1, 30L * 24 * 60).map(m -> new Advance(Duration.ofMinutes(m)));
        Arbitrary<Step> toHoldEnd = Arbitraries.just(new AdvanceToAHoldsEnd());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, register), net.jqwik.api.Tuple.of(2, notice),
                net.jqwik.api.Tuple.of(4, decide), net.jqwik.api.Tuple.of(3, advance), net.jqwik.api.Tuple.of(1, toHoldEnd))
                .list().ofMinSize(8).ofMaxSize(30);
    }

    @Property(tries = 12, edgeCases = EdgeCasesMode.NONE)
    void authorityRequestsAreRegisteredLinkedAndDisclosedUnlessAndUntilAHoldEnds(@ForAll("steps") List<Step> steps)
            throws Exception {
        Path data = Files.createTempDirectory("recourse-register");
        SteppingClock clock = new SteppingClock(Fixture.START);
        try (RecourseStore store = RecourseStore.open(TestCases.settings(data), clock, new SecureRandom())) {
            World world = new World(store, clock);
            for (Step step : steps) {
                world.take(step);
                world.check();
            }
        } finally {
            TestCases.deleteTree(data);
        }
    }

    /** The store under test and what the steps asked of it. */
    private static final class World {
        private final RecourseStore store;
        private final SteppingClock clock;
        private final PublicRecord record;
        private int requests;

        World(RecourseStore store, SteppingClock clock) {
            this.store = store;
            this.clock = clock;
            this.record = new PublicRecord(store.dataSource());
        }

        void take(Step step) {
            switch (step) {
                case Register r -> {
                    int n = ++requests;
                    // Each request names its own body and basis, so that any trace of them in the log is found; numbered
                    // in a fixed width, so that no name is part of another's ("Authority number 1" of "... 11").
                    String number = "%04d".formatted(n);
                    Authority authority = new Authority("Authority number " + number, new CountryCode(n % 2 == 0 ? "DE" : "IT"));
                    Command command = new Command.RegisterAuthorityRequest(SUBJECTS.get(r.subject()), r.kind(), authority,
                            new LegalBasis("Basis of request " + number), Optional.empty(), "Please remove post " + r.subject() + ".",
                            r.hold().map(d -> new LegalHold(clock.instant().plus(d), "an investigation runs")));
                    accepted(command);
                    Statistics.label("registered").collect(r.hold().isPresent() ? "held" : "not held");
                }
                case UserNotice u -> accepted(TestCases.notice(SUBJECTS.get(u.subject()), "u-" + u.subject()));
                case Decide d -> {
                    Subject subject = SUBJECTS.get(d.subject());
                    List<NoticeId> notices = noticesAbout(subject);
                    if (notices.isEmpty()) {
                        return;
                    }
                    Set<NoticeId> chosen = new HashSet<>();
                    for (int i = 0; i < notices.size(); i++) {
                        if ((d.choice() >> (i % 4) & 1) == 1) {
                            chosen.add(notices.get(i));
                        }
                    }
                    if (chosen.isEmpty()) {
                        chosen.add(notices.getLast());
                    }
                    Command command = d.restrict() ? TestCases.removal(subject.ref(), chosen, TestCases.ADA)
                            : new Command.Decide(subject.ref(), chosen, Set.of(), new Command.DecidedBy.Moderator(TestCases.ADA),
                                    new Command.Plan.TakeNoAction("Within the law and the terms."));
                    Result result = store.dueProcess().handle(command);
                    Statistics.label("decisions").collect(result.getClass().getSimpleName());
                }
                case Advance a -> {
                    clock.advance(a.by());
                    runTimers();
                }
                case AdvanceToAHoldsEnd ignored -> {
                    Instant now = clock.instant();
                    events().stream().filter(AuthorityEvent.AuthorityRequestRegistered.class::isInstance)
                            .map(AuthorityEvent.AuthorityRequestRegistered.class::cast)
                            .flatMap(r -> r.hold().stream()).map(LegalHold::until).filter(now::isBefore).min(Instant::compareTo)
                            .ifPresent(end -> clock.advance(Duration.between(now, end)));
                    runTimers();
                }
            }
        }

        private void accepted(Command command) {
            Result result = store.dueProcess().handle(command);
            assertThat(result).as(String.valueOf(result)).isInstanceOf(Result.Accepted.class);
        }

        /** What the service's scheduler does: every command the clock made due, handed to the core. */
        private void runTimers() {
            for (Command due : Timers.of(store.events().readAll(0, Integer.MAX_VALUE)).due(clock.instant())) {
                accepted(due);
            }
        }

        private List<NoticeId> noticesAbout(Subject subject) {
            return store.events().readAll(0, Integer.MAX_VALUE).stream()
                    .filter(r -> r.event() instanceof CaseEvent.NoticeReceived
                            && r.stream().equals(dev.recourse.core.event.StreamId.of(subject.ref())))
                    .map(r -> ((CaseEvent.NoticeReceived) r.event()).notice().id()).toList();
        }

        private List<Event> events() {
            return store.events().readAll(0, Integer.MAX_VALUE).stream().map(RecordedEvent::event).toList();
        }

        // ---- the checks -------------------------------------------------------------------------------------------

        void check() throws SQLException {
            List<Event> events = events();
            Instant now = clock.instant();
            Map<AuthorityRequestId, AuthorityEvent.AuthorityRequestRegistered> registered = new LinkedHashMap<>();
            events.stream().filter(AuthorityEvent.AuthorityRequestRegistered.class::isInstance)
                    .map(AuthorityEvent.AuthorityRequestRegistered.class::cast).forEach(r -> registered.put(r.request(), r));
            Map<AuthorityRequestId, Set<DecisionId>> caused = new LinkedHashMap<>();
            for (Event e : events) {
                if (e instanceof CaseEvent.DecisionTaken t) {
                    registered.values().stream().filter(r -> t.decision().notices().contains(r.notice()))
                            .forEach(r -> caused.computeIfAbsent(r.request(), k -> new HashSet<>()).add(t.decision().id()));
                }
            }
            Map<AuthorityRequestId, RegisteredRequest> rows = record.authorityRequests(Optional.empty(), PublicRecord.MAX_PAGE)
                    .items().stream().collect(Collectors.toMap(RegisteredRequest::id, Function.identity()));
            Set<List<UUID>> actionRows = new HashSet<>();
            List<String> bases = new ArrayList<>();
            List<String> entries = new ArrayList<>();
            try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                try (ResultSet r = statement.executeQuery("SELECT request_id, decision_id FROM authority_action")) {
                    while (r.next()) {
                        actionRows.add(List.of(r.getObject(1, UUID.class), r.getObject(2, UUID.class)));
                    }
                }
                try (ResultSet r = statement.executeQuery("SELECT authority || ' / ' || legal_basis FROM authority_register")) {
                    while (r.next()) {
                        bases.add(r.getString(1));
                    }
                }
                try (ResultSet r = statement.executeQuery("SELECT public_entry FROM event ORDER BY position")) {
                    while (r.next()) {
                        entries.add(new String(r.getBytes(1), StandardCharsets.UTF_8));
                    }
                }
            }

            assertThat(rows.keySet()).as("the register lists every request").isEqualTo(registered.keySet());
            assertThat(bases).hasSize(registered.size()).allSatisfy(b -> assertThat(b).matches("Authority number \\d+ / Basis of request \\d+"));
            for (AuthorityEvent.AuthorityRequestRegistered r : registered.values()) {
                Set<DecisionId> decisions = caused.getOrDefault(r.request(), Set.of());
                boolean held = r.hold().map(h -> now.isBefore(h.until())).orElse(false);
                registeredWithBasisAndBody(r);
                linkedToWhatItCaused(r, decisions, events, actionRows);
                if (held) {
                    discloseNothingButExistence(r, rows.get(r.request()), entries);
                } else {
                    discloseEverything(r, decisions, events, rows.get(r.request()), entries);
                }
                decisionsNameTheirSourceOnlyOnceDisclosed(decisions, registered, caused, now);
            }
        }

        /** Every request has its legal basis and requesting body. */
        private static void registeredWithBasisAndBody(AuthorityEvent.AuthorityRequestRegistered r) {
            assertThat(r.legalBasis().citation()).isNotBlank();
            assertThat(r.authority().name()).isNotBlank();
        }

        /** Every decision a request caused links to it: in the events and in the register's table. */
        private static void linkedToWhatItCaused(AuthorityEvent.AuthorityRequestRegistered r, Set<DecisionId> decisions,
                List<Event> events, Set<List<UUID>> actionRows) {
            for (DecisionId d : decisions) {
                assertThat(events).as("a link of " + d + " to " + r.request()).anyMatch(e -> e instanceof AuthorityEvent.AuthorityActionLinked l
                        && l.request().equals(r.request()) && l.decision().equals(d));
                assertThat(actionRows).as("the register's link of " + d).contains(List.of(r.request().value(), d.value()));
            }
        }

        /** Before its hold ends, a request shows nothing but that it exists and when the hold ends. */
        private static void discloseNothingButExistence(AuthorityEvent.AuthorityRequestRegistered r, RegisteredRequest row,
                List<String> entries) {
            Instant until = r.hold().orElseThrow().until();
            assertThat(row).isEqualTo(new RegisteredRequest.Held(r.request(), r.at().truncatedTo(ChronoUnit.MICROS),
                    until.truncatedTo(ChronoUnit.MICROS)));
            String id = r.request().toString();
            for (String entry : entries) {
                assertThat(entry).as("a public entry while the hold lasts").doesNotContain(r.authority().name())
                        .doesNotContain(r.legalBasis().citation());
                if (entry.contains(r.notice().toString())) {
                    assertThat(entry).as("the request's notice tells no authority asked").doesNotContain("AUTHORITY");
                }
                if (entry.contains(id)) {
                    Json.Obj members = (Json.Obj) Json.parseUtf8(entry.getBytes(StandardCharsets.UTF_8)).orElseThrow();
                    assertThat(EXISTENCE).as("what " + entry + " tells of held request " + id).containsAll(members.members().keySet());
                }
            }
        }

        /** A request without a hold, or whose hold ended, is disclosed with every decision it led to. */
        private static void discloseEverything(AuthorityEvent.AuthorityRequestRegistered r, Set<DecisionId> decisions, List<Event> events,
                RegisteredRequest row, List<String> entries) {
            assertThat(events).as("holds expire").anyMatch(e -> e instanceof AuthorityEvent.AuthorityRequestDisclosed d
                    && d.request().equals(r.request()));
            if (r.hold().isPresent()) {
                assertThat(events).as("the hold's end is recorded").anyMatch(e -> e instanceof AuthorityEvent.LegalHoldExpired x
                        && x.request().equals(r.request()));
            }
            assertThat(row).isInstanceOf(RegisteredRequest.Disclosed.class);
            RegisteredRequest.Disclosed shown = (RegisteredRequest.Disclosed) row;
            assertThat(shown.kind()).isEqualTo(r.kind());
            assertThat(shown.authority()).isEqualTo(r.authority().name());
            assertThat(shown.country()).isEqualTo(r.authority().country().value());
            assertThat(shown.legalBasis()).isEqualTo(r.legalBasis().citation());
            assertThat(shown.heldUntil()).isEqualTo(r.hold().map(h -> h.until().truncatedTo(ChronoUnit.MICROS)));
            assertThat(shown.decisions()).extracting(PublicDecision::id).containsExactlyInAnyOrderElementsOf(decisions);

            // The public log tells the same: the disclosure and the links after it name every decision.
            Set<String> logged = new HashSet<>();
            boolean disclosure = false;
            for (String entry : entries) {
                Json.Obj o = (Json.Obj) Json.parseUtf8(entry.getBytes(StandardCharsets.UTF_8)).orElseThrow();
                if (!(o.get("request") instanceof Json.Str s) || !s.value().equals(r.request().toString())) {
                    continue;
                }
                String type = ((Json.Str) o.get("type")).value();
                if (type.equals("AuthorityRequestDisclosed")) {
                    disclosure = true;
                    assertThat(o.get("authority")).isEqualTo(new Json.Str(r.authority().name()));
                    assertThat(o.get("legal_basis")).isEqualTo(new Json.Str(r.legalBasis().citation()));
                    assertThat(o.get("case")).isEqualTo(new Json.Str(r.caseId().toString()));
                    ((Json.Arr) o.get("decisions")).elements().forEach(d -> logged.add(((Json.Str) d).value()));
                } else if (type.equals("AuthorityActionLinked") && o.get("decision") instanceof Json.Str d) {
                    logged.add(d.value());
                }
            }
            assertThat(disclosure).as("the log holds the disclosure of " + r.request()).isTrue();
            assertThat(logged).containsExactlyInAnyOrderElementsOf(decisions.stream().map(DecisionId::toString).toList());
        }

        /**
     * A decision a request caused names the authority's kind as its source (in the portal's search) only once a request
     * that caused it is disclosed.
     */
        private void decisionsNameTheirSourceOnlyOnceDisclosed(Set<DecisionId> decisions, Map<AuthorityRequestId, AuthorityEvent.AuthorityRequestRegistered> registered,
                Map<AuthorityRequestId, Set<DecisionId>> caused, Instant now) {
            for (DecisionId d : decisions) {
                PublicDecision shown = record.decision(d).orElseThrow();
                Set<DecisionSource> disclosedKinds = registered.values().stream()
                        .filter(x -> caused.getOrDefault(x.request(), Set.of()).contains(d))
                        .filter(x -> x.hold().map(h -> !now.isBefore(h.until())).orElse(true))
                        .map(x -> x.kind() == AuthorityKind.ORDER ? DecisionSource.AUTHORITY_ORDER : DecisionSource.GOVERNMENT_REQUEST)
                        .collect(Collectors.toSet());
                if (disclosedKinds.isEmpty()) {
                    // A decision to take no action has no statement, so no DSA source type.
                    assertThat(shown.source()).as("before the disclosure").isEqualTo(shown.category().isEmpty()
                            ? DecisionSource.NOT_STATED : DecisionSource.OTHER_NOTICE);
                } else {
                    assertThat(disclosedKinds).contains(shown.source());
                }
            }
        }
    }
}
