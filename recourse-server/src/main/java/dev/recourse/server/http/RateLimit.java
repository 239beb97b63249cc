package dev.recourse.server.http;

import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The limit on how fast each caller (an API key, or an address that has none) may make requests: {@code perSecond}
 * a second, with bursts of {@code burst}; 0 a second lets everything through. Kept in this node's memory, or in the
 * database so that every node on it shares one budget per caller ({@link HttpSettings.RateLimits}). Thread-safe.
 */
public sealed interface RateLimit permits Buckets, SharedBudgets {
    /** The limit in this node's memory. */
    static RateLimit inMemory(double perSecond, int burst, InstantSource clock) {
        return new Buckets(perSecond, burst, clock);
    }

    /** The limit shared by every node on {@code database} (which holds the table {@code rate_limit_budget}). */
    static RateLimit shared(DataSource database, double perSecond, int burst, InstantSource clock) {
        return new SharedBudgets(database, perSecond, burst, clock);
    }

    /** The limit {@code settings} ask for, kept where they say. */
    static RateLimit of(HttpSettings settings, DataSource database, InstantSource clock) {
        return switch (settings.rateLimits()) {
            case MEMORY -> inMemory(settings.ratePerSecond(), settings.rateBurst(), clock);
            case DATABASE -> shared(database, settings.ratePerSecond(), settings.rateBurst(), clock);
        };
    }

    /**
     * Takes one request of {@code caller}'s budget: empty if it had one, else how long until it has.
     *
     * @throws SQLException if the shared budget cannot be read
     */
    Optional<Duration> take(String caller) throws SQLException;

    /** Forgets the budgets that are full again (the same as none); returns how many. */
    int prune() throws SQLException;
}
