package dev.recourse.server.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The rate limit in the database, shared by every node on it: the generic cell rate algorithm (GCRA), one row per
 * caller holding its theoretical arrival time (TAT). A request at {@code now} moves the TAT to
 * {@code max(tat, now) + interval} when that stays within {@code burst × interval} of now, and is refused otherwise,
 * until the TAT has come that close. One statement per request (an upsert that returns what it decided), so nodes
 * never race between a read and a write; the row lock orders them. The same budget as {@link Buckets}: a burst of
 * {@code burst}, then {@code perSecond} a second.
 *
 * <p>Time is this node's clock: nodes whose clocks differ by much give a caller a little more or less.
 */
final class SharedBudgets implements RateLimit {
    /**
     * Takes a request: inserts a fresh budget with one request taken, or moves the TAT if it stays in the burst.
     * Parameters: caller, TAT of a fresh budget (now + interval), then now, interval, now, limit, now, interval for
     * the update. Returns whether it was allowed and the TAT (the old one when refused).
     */
    private static final String TAKE = """
            INSERT INTO rate_limit_budget AS b (caller, tat, allowed) VALUES (?, ?, true)
            ON CONFLICT (caller) DO UPDATE SET
                allowed = GREATEST(b.tat, ?) + ? - ? <= ?,
                tat = CASE WHEN GREATEST(b.tat, ?) + ? - ? <= ? THEN GREATEST(b.tat, ?) + ? ELSE b.tat END
            RETURNING allowed, tat""";

    /**
     * The longest interval, and the longest burst window, in nanoseconds (about 31 years): a burst worth more of the
     * rate than that is cut to that much.
     */
    private static final double LONGEST = 1e18;

    private final DataSource database;
    private final double perSecond;
    private final long interval;
    private final long limit;
    private final InstantSource clock;

    SharedBudgets(DataSource database, double perSecond, int burst, InstantSource clock) {
        if (perSecond < 0 || !Double.isFinite(perSecond) || burst < 1) {
            throw new IllegalArgumentException("a rate limit is at least 0 a second with bursts of at least 1");
        }
        this.database = database;
        this.perSecond = perSecond;
        // Capped, so that the sums in the statement stay far from overflowing a bigint.
        this.interval = perSecond == 0 ? 0 : (long) Math.max(1, Math.min(LONGEST, Math.round(1e9 / perSecond)));
        this.limit = (long) Math.min(LONGEST, (double) interval * burst);
        this.clock = clock;
    }

    @Override
    public Optional<Duration> take(String caller) throws SQLException {
        if (perSecond == 0) {
            return Optional.empty();
        }
        long now = nanos();
        try (Connection connection = database.getConnection(); PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setString(1, caller);
            take.setLong(2, now + interval);
            for (int i = 0; i < 2; i++) {
                take.setLong(3 + 4 * i, now);
                take.setLong(4 + 4 * i, interval);
                take.setLong(5 + 4 * i, now);
                take.setLong(6 + 4 * i, limit);
            }
            take.setLong(11, now);
            take.setLong(12, interval);
            try (ResultSet taken = take.executeQuery()) {
                taken.next();
                if (taken.getBoolean(1)) {
                    return Optional.empty();
                }
                return Optional.of(Duration.ofNanos(Math.max(1, taken.getLong(2) + interval - now - limit)));
            }
        }
    }

    @Override
    public int prune() throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement prune = connection.prepareStatement("DELETE FROM rate_limit_budget WHERE tat < ?")) {
            prune.setLong(1, nanos());
            return prune.executeUpdate();
        }
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
