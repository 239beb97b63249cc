package dev.recourse.store.projection;

import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.decision.TerritorialScope;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.process.Settings;
import dev.recourse.core.statement.DecisionAccount;
import dev.recourse.core.statement.DecisionMonetary;
import dev.recourse.core.statement.DecisionProvision;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.CountryCode;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.StoreException;
import dev.recourse.store.database.Queries;
import dev.recourse.store.database.Queries.Parameters;
import dev.recourse.store.database.Queries.Row;
import dev.recourse.store.events.EventProjection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The read model: projections of the events kept in the same transaction as the events (see
 * {@link #projection()}), and the queries on them. Every query reads a handful of rows through
 * an index: none scans all cases or all decisions.
 *
 * <ul>
 *   <li>cases: where each stands ({@link #caseById}, {@link #caseOf});</li>
 *   <li>the review queues: proposals waiting for approval, appeals waiting for a reviewer, in the
 *       order they arrived, a page at a time ({@link #proposals}, {@link #appeals});</li>
 *   <li>the restrictions in force on a subject ({@link #standingRestrictions});</li>
 *   <li>the transparency rollups: per day and {@link Dimensions}, decisions, appeals and their
 *       outcomes, reinstatements and time to decide ({@link #rollups}).</li>
 * </ul>
 *
 * <p>Times read back truncated to the microsecond, as PostgreSQL keeps them. Thread-safe. The queries throw
 * {@link StoreException} when the database fails.
 */
public final class ReadModel {
    /** The most items one page of a queue holds. */
    public static final int MAX_PAGE = 1_000;

    private static final String NEXT_END = "(SELECT min(s.ends_at) FROM standing_restriction s WHERE s.subject_kind = c.subject_kind"
            + " AND s.subject_id = c.subject_id AND s.ends_at > ?)";
    private static final String CASE = "SELECT " + Projector.CASE_COLUMNS.replace("case_id", "c.case_id") + ", " + NEXT_END
            + " FROM case_view c WHERE ";
    private static final String QUEUE = "SELECT item_id, case_id, subject_kind, subject_id, detail, decision_id, approvals,"
            + " queued_at, queued_position FROM review_queue WHERE queue = ? AND queued_position > ? ORDER BY queued_position LIMIT ?";
    private static final String QUEUED = "SELECT item_id, case_id, subject_kind, subject_id, detail, decision_id, approvals,"
            + " queued_at, queued_position FROM review_queue WHERE queue = ? AND item_id = ?";
    private static final String STANDING_COLUMNS = "restriction_id, case_id, decision_id, subject_kind, subject_id, measure,"
            + " measure_value, measure_other, countries, applied_at, ends_at";
    private static final String STANDING = "SELECT " + STANDING_COLUMNS + " FROM standing_restriction"
            + " WHERE subject_kind = ? AND subject_id = ? AND (ends_at IS NULL OR ends_at > ?) ORDER BY applied_at, restriction_id";
    /** A case and the restrictions in force on its subject in one round trip: a row per restriction, or one without. */
    private static final String CASE_STANDING = "SELECT " + Projector.CASE_COLUMNS.replaceAll("(\\w+)", "c.$1") + ", "
            + STANDING_COLUMNS.replaceAll("(\\w+)", "s.$1") + " FROM case_view c LEFT JOIN standing_restriction s"
            + " ON s.subject_kind = c.subject_kind AND s.subject_id = c.subject_id"
            + " AND (s.ends_at IS NULL OR s.ends_at > ?) WHERE c.case_id = ? ORDER BY s.applied_at, s.restriction_id";
    private static final int CASE_COLUMN_COUNT = Projector.CASE_COLUMNS.split(",").length;
    private static final String ROLLUPS = "SELECT day, category, ground, restriction_kind, automation, source_type, decisions,"
            + " appeals_filed, appeals_decided, appeals_upheld, appeals_reversed, appeals_modified, reinstatements, time_to_decide"
            + " FROM transparency_rollup WHERE day BETWEEN ? AND ?"
            + " ORDER BY day, category, ground, restriction_kind, automation, source_type";
    private static final String HEAD = "SELECT next_position FROM read_model_head FOR UPDATE";
    private static final Logger LOG = LoggerFactory.getLogger(ReadModel.class);

    /**
     * The shape of the read model this code keeps. It MUST be raised whenever a projection starts keeping something
     * from the events that it did not keep before (a table, or a column filled from the events), and the table added
     * to {@link #TABLES}: a database whose read model an earlier version built is then rebuilt from the events when the
     * store opens ({@link #rebuildIfOutdated}). 1: the public record, its facets and the figures per rule. 2: the
     * combinations of dimensions the search looks decisions up by (V250) and the positions of each day's decisions
     * (V251).
     */
    public static final int VERSION = 2;

    /** Every table the read model keeps from the events: emptied for a rebuild. */
    private static final List<String> TABLES = List.of("case_view", "review_queue", "standing_restriction", "decision_dimensions",
            "transparency_rollup", "transparency_facet", "public_decision", "decision_combination", "decision_day", "authority_register", "authority_action", "rule_rollup");
    /** How many events between two lines of progress in the log, at least. */
    private static final long PROGRESS_EVERY = 100_000;

    private final DataSource dataSource;
    private final InstantSource clock;
    private final Settings process;

    /**
     * The read model in {@code dataSource}.
     *
     * @param clock what "now" is for restrictions past their end
     * @param process the appeal window, for appeal deadlines
     */
    public ReadModel(DataSource dataSource, InstantSource clock, Settings process) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.process = process;
    }

    /** The projection that keeps the read model, for the sequencer of the events. */
    public EventProjection projection() {
        return (connection, events) -> Projector.project(connection, events, process);
    }

    /**
     * Takes in the events the read model has not seen yet, read from {@code events}, in
     * transactions of up to a thousand events: on start, before anything is written, so that a read
     * model added to a database that already holds events (or a database restored from a backup
     * taken between the two) catches up.
     *
     * @return how many events it took in
     */
    public long catchUp(EventStore events) {
        return Queries.catchUp(dataSource, "the read model", HEAD, events, projection());
    }

    /**
     * Rebuilds the read model from every event if an earlier version of the code built it ({@link #VERSION} is stored
     * with it): empties its tables, then takes in the events from the first, reporting progress in the log. On start,
     * before anything is written. A rebuild cut short (the process stopped) goes on from where it was at the next
     * start, as any catching up does; a database that holds no events is only stamped with the version.
     *
     * @return whether it rebuilt
     * @throws StoreException if the database fails
     * @throws IllegalStateException if a newer version of the code built the read model: this one would keep it wrongly
     */
    public boolean rebuildIfOutdated(EventStore events) {
        long total;
        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                int built;
                try (ResultSet rows = statement.executeQuery("SELECT version FROM read_model_head FOR UPDATE")) {
                    rows.next();
                    built = rows.getInt(1);
                }
                if (built == VERSION) {
                    connection.rollback();
                    return false;
                }
                if (built > VERSION) {
                    connection.rollback();
                    throw new IllegalStateException("the read model was built by a newer Recourse (read model version " + built
                            + "); this one keeps version " + VERSION + " and cannot serve it");
                }
                try (ResultSet rows = statement.executeQuery("SELECT next_position FROM event_head")) {
                    rows.next();
                    total = rows.getLong(1);
                }
                if (total > 0) {
                    LOG.info("The read model was built by an earlier version ({} < {}): rebuilding it from {} events", built, VERSION,
                            total);
                    statement.execute("TRUNCATE " + String.join(", ", TABLES));
                }
                statement.executeUpdate("UPDATE read_model_head SET next_position = 0, version = " + VERSION);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("the read model could not be rebuilt: " + e.getMessage(), e);
        }
        if (total == 0) {
            return false;
        }
        long every = Math.max(PROGRESS_EVERY, total / 20);
        long[] reported = {0};
        long taken = Queries.catchUp(dataSource, "the read model", HEAD, events, projection(), done -> {
            if (done - reported[0] >= every) {
                reported[0] = done;
                LOG.info("Rebuilding the read model: {} of {} events ({}%)", done, total, done * 100 / total);
            }
        });
        LOG.info("Rebuilt the read model from {} events", taken);
        return true;
    }

    /** The case {@code id}, if there is one. */
    public Optional<CaseView> caseById(CaseId id) {
        return oneCase("c.case_id = ?", statement -> statement.setObject(2, id.value()));
    }

    /**
     * The case {@code id}, if there is one, with the restrictions in force on its subject now: what
     * {@link #caseById} and {@link #standingRestrictions} tell, read in one query (one round trip, one snapshot).
     */
    public Optional<CaseWithRestrictions> caseWithRestrictions(CaseId id) {
        record Joined(CaseView view, Optional<StandingRestriction> restriction) {}
        List<Joined> rows = query(CASE_STANDING, statement -> {
            statement.setObject(1, Rows.time(clock.instant()));
            statement.setObject(2, id.value());
        }, row -> new Joined(caseView(row, Optional.empty()), row.getObject(CASE_COLUMN_COUNT + 1) == null ? Optional.empty()
                : Optional.of(standingRestriction(row, CASE_COLUMN_COUNT + 1))));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<StandingRestriction> restrictions = rows.stream().flatMap(r -> r.restriction().stream()).toList();
        // The earliest end of a restriction in force, as NEXT_END finds it: every restriction here is in force.
        Optional<Instant> nextEnd = restrictions.stream().flatMap(r -> r.endsAt().stream()).min(Comparator.naturalOrder());
        CaseView c = rows.getFirst().view();
        return Optional.of(new CaseWithRestrictions(new CaseView(c.id(), c.subject(), c.status(), c.latestDecision(), c.decidedAt(),
                c.appealDeadline(), c.awaitingSince(), c.pendingAppeals(), nextEnd, c.openedAt(), c.updatedAt()), restrictions));
    }

    /** The case about {@code subject}, if there is one. */
    public Optional<CaseView> caseOf(SubjectRef subject) {
        return oneCase("c.subject_kind = ? AND c.subject_id = ?", statement -> Rows.setSubject(statement, 2, subject));
    }

    /**
     * Proposals waiting for a person to approve or decline them, oldest first: up to {@code limit}
     * after {@code after} (from the first if empty).
     *
     * @param limit 1 to {@value #MAX_PAGE}
     */
    public Page<PendingProposal> proposals(Optional<Cursor> after, int limit) {
        return page("PROPOSAL", after, limit, ReadModel::pendingProposal);
    }

    /** The proposal {@code id}, if it waits for a person: proposed, neither taken nor declined yet. */
    public Optional<PendingProposal> pendingProposal(DecisionId id) {
        return query(QUEUED, statement -> {
            statement.setString(1, "PROPOSAL");
            statement.setObject(2, id.value());
        }, ReadModel::pendingProposal).stream().findFirst();
    }

    private static PendingProposal pendingProposal(ResultSet rows) throws SQLException {
        return new PendingProposal(new DecisionId(rows.getObject(1, UUID.class)), new CaseId(rows.getObject(2, UUID.class)),
                Rows.subject(rows, 3), rows.getString(5), rows.getInt(7), Rows.instant(rows, 8).orElseThrow());
    }

    /**
     * Appeals waiting for a reviewer, oldest first: up to {@code limit} after {@code after} (from the
     * first if empty).
     *
     * @param limit 1 to {@value #MAX_PAGE}
     */
    public Page<PendingAppeal> appeals(Optional<Cursor> after, int limit) {
        return page("APPEAL", after, limit, ReadModel::pendingAppeal);
    }

    /** The appeal {@code id}, if it waits for a reviewer: filed and not decided. */
    public Optional<PendingAppeal> pendingAppeal(AppealId id) {
        return query(QUEUED, statement -> {
            statement.setString(1, "APPEAL");
            statement.setObject(2, id.value());
        }, ReadModel::pendingAppeal).stream().findFirst();
    }

    private static PendingAppeal pendingAppeal(ResultSet rows) throws SQLException {
        return new PendingAppeal(new AppealId(rows.getObject(1, UUID.class)), new CaseId(rows.getObject(2, UUID.class)),
                Rows.subject(rows, 3), new DecisionId(rows.getObject(6, UUID.class)),
                PendingAppeal.AppellantKind.valueOf(rows.getString(5)), Rows.instant(rows, 8).orElseThrow());
    }

    /** The restrictions in force on {@code subject} now (applied, not lifted, not past their end), oldest first. */
    public List<StandingRestriction> standingRestrictions(SubjectRef subject) {
        return query(STANDING, statement -> {
            Rows.setSubject(statement, 1, subject);
            statement.setObject(3, Rows.time(clock.instant()));
        }, rows -> standingRestriction(rows, 1));
    }

    /** The restriction whose {@link #STANDING_COLUMNS} start at column {@code first}. */
    private static StandingRestriction standingRestriction(ResultSet rows, int first) throws SQLException {
        int c = first - 1;
        return new StandingRestriction(new RestrictionId(rows.getObject(c + 1, UUID.class)),
                new CaseId(rows.getObject(c + 2, UUID.class)), new DecisionId(rows.getObject(c + 3, UUID.class)),
                Rows.subject(rows, c + 4), measure(rows.getString(c + 6), rows.getString(c + 7),
                Optional.ofNullable(rows.getString(c + 8))), scope(rows.getArray(c + 9)), Rows.instant(rows, c + 10).orElseThrow(),
                Rows.instant(rows, c + 11));
    }

    /** The transparency rollups of the days {@code from} to {@code to}, both included, by day then dimensions. */
    public List<Rollup> rollups(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the days run from " + from + " to a later day, not to " + to);
        }
        return query(ROLLUPS, statement -> {
            statement.setObject(1, from);
            statement.setObject(2, to);
        }, rows -> {
            Long[] buckets = (Long[]) rows.getArray(14).getArray();
            return new Rollup(rows.getObject(1, LocalDate.class), Dimensions.ofColumns(rows.getString(2), rows.getString(3),
                    rows.getString(4), rows.getString(5), rows.getString(6)), new RollupCounts(rows.getLong(7), rows.getLong(8),
                    rows.getLong(9), rows.getLong(10), rows.getLong(11), rows.getLong(12), rows.getLong(13), Arrays.asList(buckets)));
        });
    }

    private Optional<CaseView> oneCase(String where, Parameters parameters) {
        List<CaseView> found = query(CASE + where, statement -> {
            statement.setObject(1, Rows.time(clock.instant()));
            parameters.set(statement);
        }, rows -> caseView(rows, Rows.instant(rows, CASE_COLUMN_COUNT + 1)));
        return found.stream().findFirst();
    }

    /** The case of the row's first {@link Projector#CASE_COLUMNS}, with {@code nextRestrictionEnd}. */
    private static CaseView caseView(ResultSet rows, Optional<Instant> nextRestrictionEnd) throws SQLException {
        return new CaseView(new CaseId(rows.getObject(1, UUID.class)), Rows.subject(rows, 2),
                CaseStatus.valueOf(rows.getString(4)), Rows.uuid(rows, 5).map(DecisionId::new), Rows.instant(rows, 6),
                Rows.instant(rows, 7), Rows.instant(rows, 8), rows.getInt(9), nextRestrictionEnd,
                Rows.instant(rows, 10).orElseThrow(), Rows.instant(rows, 11).orElseThrow());
    }

    private <T> Page<T> page(String queue, Optional<Cursor> after, int limit, Row<T> row) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " items, not " + limit);
        }
        List<Long> positions = new ArrayList<>();
        List<T> items = query(QUEUE, statement -> {
            statement.setString(1, queue);
            statement.setLong(2, after.map(Cursor::position).orElse(-1L));
            statement.setInt(3, limit + 1);
        }, rows -> {
            positions.add(rows.getLong(9));
            return row.read(rows);
        });
        if (items.size() <= limit) {
            return new Page<>(items, Optional.empty());
        }
        return new Page<>(items.subList(0, limit), Optional.of(new Cursor(positions.get(limit - 1))));
    }

    private static Measure measure(String kind, String value, Optional<String> other) {
        return switch (RestrictionKind.valueOf(kind)) {
            case VISIBILITY -> new Measure.Visibility(DecisionVisibility.valueOf(value), other);
            case MONETARY -> new Measure.Monetary(DecisionMonetary.valueOf(value), other);
            case SERVICE -> new Measure.Service(DecisionProvision.valueOf(value));
            case ACCOUNT -> new Measure.Account(DecisionAccount.valueOf(value));
        };
    }

    private static TerritorialScope scope(Array countries) throws SQLException {
        if (countries == null) {
            return TerritorialScope.EVERYWHERE;
        }
        Set<CountryCode> codes = Arrays.stream((String[]) countries.getArray()).map(CountryCode::new).collect(Collectors.toSet());
        return new TerritorialScope.Countries(codes);
    }

    private <T> List<T> query(String sql, Parameters parameters, Row<T> row) {
        return Queries.list(dataSource, "the read model", sql, parameters, row);
    }
}
