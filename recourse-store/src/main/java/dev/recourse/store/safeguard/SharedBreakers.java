package dev.recourse.store.safeguard;

import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.event.CaseEvent.DecisionTaken;
import dev.recourse.core.event.CaseEvent.RestrictionApplied;
import dev.recourse.core.event.CaseEvent.SubjectDescribed;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.core.safeguard.Breakers;
import dev.recourse.core.safeguard.CircuitBreakers;
import dev.recourse.core.safeguard.Cohort;
import dev.recourse.core.safeguard.TripFigures;
import dev.recourse.core.subject.AccountId;
import dev.recourse.core.subject.NetworkId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.StoreException;
import dev.recourse.store.database.Queries;
import dev.recourse.store.events.EventAdmission;
import dev.recourse.store.events.EventProjection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Circuit breakers whose counts every process shares, in PostgreSQL: each enforcing action of a rule version is a row of
 * {@code rule_action} (with the subject's owner, network and page), written in the sequencer's transaction that stores
 * the decision, and only if, counted there, it does not trip the breaker ({@link #admission}). Since that transaction
 * holds the event head, the transactions of every process are counted one after another: however many rule workers
 * act, together they trip at the cap, and a process that starts again knows the cohorts of the last minutes.
 *
 * <p>The decision is {@link Breakers#judge} over the figures counted here: the actions since the minute began (or the
 * last reset, if later), the baseline learned from the actions per minute ({@code rule_minute}), and the different
 * subjects per cohort within the window (since the last reset, if later). {@link #assess} counts what is committed,
 * before the command's events are written; the admission counts again inside the transaction, and an action that would
 * trip there (because other processes acted in between) is refused as a conflict, so the core decides again, now
 * tripping the breaker. The trip itself is stored once: it is an event of the rule version's stream.
 */
public final class SharedBreakers implements CircuitBreakers {
    private static final String STATE = "SELECT tripped_at, reset_at FROM rule_figures WHERE rule = ?";
    private static final String ACTIONS_SINCE = "SELECT count(*) FROM rule_action WHERE rule = ? AND acted_at >= ?";
    private static final String COHORTS = "SELECT count(DISTINCT subject) FILTER (WHERE owner = ?),"
            + " count(DISTINCT subject) FILTER (WHERE network = ?), count(DISTINCT subject) FILTER (WHERE page = ?)"
            + " FROM rule_action WHERE rule = ? AND acted_at >= ? AND subject <> ? AND (owner = ? OR network = ? OR page = ?)";
    private static final String FIRST_MINUTE = "SELECT min(minute) FROM rule_minute WHERE rule = ?";
    private static final String MINUTES = "SELECT minute, actions FROM rule_minute WHERE rule = ? AND minute >= ? AND minute < ?";
    private static final String COHORTS_OF = "SELECT owner, network, page FROM subject_cohort WHERE subject = ?";
    private static final String ACTED = "INSERT INTO rule_action (rule, acted_at, subject, owner, network, page)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    /**
     * A batch's descriptions, whole columns as arrays (empty arrays write nothing), and the head's advance: one round
     * trip of the sequencer's transaction.
     */
    private static final String DESCRIBED = "INSERT INTO subject_cohort (subject, owner, network, page)"
            + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])"
            + " ON CONFLICT (subject) DO UPDATE SET owner = EXCLUDED.owner, network = EXCLUDED.network, page = EXCLUDED.page;"
            + " UPDATE subject_cohort_head SET next_position = ? WHERE next_position = ?";
    private static final String HEAD = "SELECT next_position FROM subject_cohort_head FOR UPDATE";

    private final DataSource dataSource;
    private final BreakerSettings settings;
    /** Per rule version, the baseline learned up to a minute: it changes only when a minute closes. */
    private final Map<Versioned, Baseline> baselines = new ConcurrentHashMap<>();

    /** What a breaker learned from the minutes before {@code minute} (in epoch minutes). */
    private record Baseline(long minute, double baseline, long history) {}

    /** What a rule version's breaker counted by a time: its actions since the minute began, its baseline, its last reset. */
    private record Counted(long minuteActions, Baseline baseline, Optional<Instant> reset) {}

    /** Since when a rule version's breaker is tripped, and when it was last reset, as its events say. */
    private record State(Optional<Instant> tripped, Optional<Instant> reset) {}

    /** Breakers that learn and trip as {@code settings} say, counting in {@code dataSource}. */
    public SharedBreakers(DataSource dataSource, BreakerSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    @Override
    public BreakerSettings settings() {
        return settings;
    }

    @Override
    public Optional<TripFigures> assess(Versioned rule, Subject subject, Instant at) {
        return read("count the breaker of " + rule, connection -> judge(connection, rule, state(connection, rule), subject.ref(),
                Cohort.of(subject), at));
    }

    /** Nothing to do: the {@link #admission} recorded the action in the transaction that stored it. */
    @Override
    public void record(Versioned rule, Subject subject, Instant at) {}

    /** Nothing to do: the reset is an event, and counting starts again from its time ({@code rule_figures}). */
    @Override
    public void reset(Versioned rule, Instant at) {}

    @Override
    public Optional<Breakers.Learned> learned(Versioned rule, Instant at) {
        return read("read the breaker of " + rule, connection -> {
            Counted counted = counted(connection, rule, state(connection, rule), at);
            if (counted.minuteActions() == 0 && firstMinute(connection, rule).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Breakers.Learned(counted.baseline().baseline(), counted.baseline().history(),
                    counted.minuteActions(), settings.threshold(counted.baseline().baseline())));
        });
    }

    /**
     * Admits an append unless an enforcing action in it (a restrictive decision a rule version took alone) is of a rule
     * version whose breaker is tripped, or trips it, counted inside the transaction; records each action it admits. A
     * refusal names the rule version's stream, which the core reads again: it then finds the trip, or trips it.
     */
    public EventAdmission admission() {
        return (connection, events) -> {
            for (Event event : events) {
                if (!(event instanceof DecisionTaken taken) || !(taken.decision().outcome() instanceof Outcome.Restrict restrict)) {
                    continue;
                }
                Deciders deciders = restrict.statement().deciders();
                if (deciders.rule().isEmpty() || !deciders.people().isEmpty()) {
                    continue;
                }
                Versioned rule = deciders.rule().map(AutomatedRule::rule).orElseThrow();
                Optional<SubjectRef> subject = events.stream().filter(RestrictionApplied.class::isInstance)
                        .map(e -> ((RestrictionApplied) e).subject()).findFirst();
                if (subject.isEmpty()) {
                    throw new SQLException("a restrictive decision is stored with its restrictions applied");
                }
                List<Cohort> cohorts = cohortsOf(connection, subject.get(), events);
                State state = state(connection, rule);
                if (state.tripped().isPresent() || judge(connection, rule, state, subject.get(), cohorts, taken.at()).isPresent()) {
                    return Optional.of(StreamId.of(rule));
                }
                acted(connection, rule, subject.get(), cohorts, taken.at());
            }
            return Optional.empty();
        };
    }

    /** The projection that keeps each subject's cohorts as last described, for the sequencer. */
    public EventProjection projection() {
        return SharedBreakers::project;
    }

    /**
     * Takes in the descriptions of subjects it has not seen yet, in transactions of up to a thousand events: on start,
     * before anything is written.
     *
     * @return how many events it took in
     */
    public long catchUp(EventStore events) {
        return Queries.catchUp(dataSource, "the subjects' cohorts", HEAD, events, projection());
    }

    /** Whether one more action of {@code rule} on {@code subject}, of {@code cohorts}, at {@code at} trips, as counted now. */
    private Optional<TripFigures> judge(Connection connection, Versioned rule, State state, SubjectRef subject, List<Cohort> cohorts,
            Instant at) throws SQLException {
        Counted c = counted(connection, rule, state, at);
        return Breakers.judge(settings, c.minuteActions() + 1, c.baseline().baseline(), c.baseline().history(),
                cohorts(connection, rule, subject, cohorts, later(at.minus(settings.cohortWindow()), c.reset())));
    }

    private Counted counted(Connection connection, Versioned rule, State state, Instant at) throws SQLException {
        Optional<Instant> reset = state.reset();
        long minute = Math.floorDiv(at.getEpochSecond(), 60);
        Instant minuteStart = Instant.ofEpochSecond(minute * 60);
        long actions;
        try (PreparedStatement query = Queries.prepareForKeys(connection, ACTIONS_SINCE)) {
            query.setString(1, rule.toString());
            query.setObject(2, RuleProjection.time(later(minuteStart, reset)));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                actions = rows.getLong(1);
            }
        }
        return new Counted(actions, baseline(connection, rule, minute), reset);
    }

    /** How many different subjects of each of {@code cohorts} the rule version acted on since {@code since}, {@code subject} included. */
    private static List<Breakers.CohortCount> cohorts(Connection connection, Versioned rule, SubjectRef subject, List<Cohort> cohorts,
            Instant since) throws SQLException {
        if (cohorts.isEmpty()) {
            return List.of();
        }
        String[] keys = keys(cohorts);
        long[] counts = new long[3];
        try (PreparedStatement query = Queries.prepareForKeys(connection, COHORTS)) {
            for (int i = 0; i < 3; i++) {
                query.setString(1 + i, keys[i]);
                query.setString(7 + i, keys[i]);
            }
            query.setString(4, rule.toString());
            query.setObject(5, RuleProjection.time(since));
            query.setString(6, subject.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                for (int i = 0; i < 3; i++) {
                    counts[i] = rows.getLong(1 + i);
                }
            }
        }
        List<Breakers.CohortCount> counted = new ArrayList<>(cohorts.size());
        for (Cohort cohort : cohorts) {
            int column = switch (cohort) {
                case Cohort.Owner ignored -> 0;
                case Cohort.Network ignored -> 1;
                case Cohort.Page ignored -> 2;
            };
            counted.add(new Breakers.CohortCount(cohort, counts[column] + 1));
        }
        return counted;
    }

    /** The owner, network and page keys of {@code cohorts}, null where it has none. */
    private static String[] keys(List<Cohort> cohorts) {
        String[] keys = new String[3];
        for (Cohort cohort : cohorts) {
            switch (cohort) {
                case Cohort.Owner o -> keys[0] = o.owner().value();
                case Cohort.Network n -> keys[1] = n.network().value();
                case Cohort.Page p -> keys[2] = p.page().platformId();
            }
        }
        return keys;
    }

    /** The baseline learned before {@code minute}, from the actions per minute the store keeps; cached per minute. */
    private Baseline baseline(Connection connection, Versioned rule, long minute) throws SQLException {
        Baseline cached = baselines.get(rule);
        if (cached != null && cached.minute() == minute) {
            return cached;
        }
        Optional<Long> first = firstMinute(connection, rule);
        Baseline learned;
        if (first.isEmpty() || first.get() >= minute) {
            learned = new Baseline(minute, 0, 0);
        } else {
            long from = Math.max(first.get(), minute - settings.memory());
            Map<Long, Long> actions = new HashMap<>();
            try (PreparedStatement query = Queries.prepareForKeys(connection, MINUTES)) {
                query.setString(1, rule.toString());
                query.setObject(2, RuleProjection.time(Instant.ofEpochSecond(from * 60)));
                query.setObject(3, RuleProjection.time(Instant.ofEpochSecond(minute * 60)));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        actions.put(rows.getObject(1, OffsetDateTime.class).toEpochSecond() / 60, rows.getLong(2));
                    }
                }
            }
            learned = new Baseline(minute, Breakers.baseline(settings, actions, from, minute), minute - first.get());
        }
        baselines.put(rule, learned);
        return learned;
    }

    private static State state(Connection connection, Versioned rule) throws SQLException {
        try (PreparedStatement query = Queries.prepareForKeys(connection, STATE)) {
            query.setString(1, rule.toString());
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return new State(Optional.empty(), Optional.empty());
                }
                return new State(instant(rows, 1), instant(rows, 2));
            }
        }
    }

    private static Optional<Long> firstMinute(Connection connection, Versioned rule) throws SQLException {
        try (PreparedStatement query = Queries.prepareForKeys(connection, FIRST_MINUTE)) {
            query.setString(1, rule.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return instant(rows, 1).map(i -> Math.floorDiv(i.getEpochSecond(), 60));
            }
        }
    }

    /** {@code subject}'s cohorts: as described in {@code events}, if it is, else as last described in the store. */
    private static List<Cohort> cohortsOf(Connection connection, SubjectRef subject, List<Event> events) throws SQLException {
        Optional<Subject> described = events.stream().filter(SubjectDescribed.class::isInstance).map(e -> ((SubjectDescribed) e).subject())
                .filter(s -> s.ref().equals(subject)).reduce((a, b) -> b);
        if (described.isPresent()) {
            return Cohort.of(described.get());
        }
        try (PreparedStatement query = Queries.prepareForKeys(connection, COHORTS_OF)) {
            query.setString(1, subject.toString());
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return List.of(); // never described: a decision is only taken on a described subject
                }
                List<Cohort> cohorts = new ArrayList<>(3);
                cohorts.add(new Cohort.Owner(new AccountId(rows.getString(1))));
                Optional.ofNullable(rows.getString(2)).ifPresent(n -> cohorts.add(new Cohort.Network(new NetworkId(n))));
                Optional.ofNullable(rows.getString(3)).ifPresent(p -> cohorts.add(new Cohort.Page(new SubjectRef(SubjectKind.PAGE, p))));
                return cohorts;
            }
        }
    }

    private static void acted(Connection connection, Versioned rule, SubjectRef subject, List<Cohort> cohorts, Instant at)
            throws SQLException {
        String[] keys = keys(cohorts);
        try (PreparedStatement insert = connection.prepareStatement(ACTED)) {
            insert.setString(1, rule.toString());
            insert.setObject(2, RuleProjection.time(at));
            insert.setString(3, subject.toString());
            for (int i = 0; i < 3; i++) {
                insert.setString(4 + i, keys[i]);
            }
            insert.executeUpdate();
        }
    }

    /** Keeps {@code subject_cohort}: each subject's cohorts as its last description in {@code events} says. */
    private static void project(Connection connection, List<RecordedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Map<SubjectRef, Subject> described = new LinkedHashMap<>();
        for (RecordedEvent r : events) {
            if (r.event() instanceof SubjectDescribed d) {
                described.put(d.subject().ref(), d.subject());
            }
        }
        int n = described.size();
        String[] subjects = new String[n];
        String[] owners = new String[n];
        String[] networks = new String[n];
        String[] pages = new String[n];
        int i = 0;
        for (Subject d : described.values()) {
            subjects[i] = d.ref().toString();
            owners[i] = d.owner().value();
            networks[i] = d.network().map(NetworkId::value).orElse(null);
            pages[i++] = d.page().map(SubjectRef::platformId).orElse(null);
        }
        try (PreparedStatement save = connection.prepareStatement(DESCRIBED)) {
            save.setArray(1, connection.createArrayOf("text", subjects));
            save.setArray(2, connection.createArrayOf("text", owners));
            save.setArray(3, connection.createArrayOf("text", networks));
            save.setArray(4, connection.createArrayOf("text", pages));
            save.setLong(5, events.getLast().position() + 1);
            save.setLong(6, events.getFirst().position());
            save.execute();
            if (Queries.lastUpdateCount(save) != 1) {
                throw new SQLException("the subjects' cohorts have not taken in the events before position "
                        + events.getFirst().position() + "; they catch up when the store starts");
            }
        }
    }

    private static Instant later(Instant a, Optional<Instant> b) {
        return b.filter(a::isBefore).orElse(a);
    }

    private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /** Work on a connection of its own. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }
}
