package dev.recourse.store.database;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is and how many connections to keep to it.
 *
 * <p>Without a JDBC URL, {@link Database#start} runs an embedded PostgreSQL whose files live in
 * {@code dataDirectory/postgres}; with one, it connects to that server and {@code dataDirectory} is
 * not used by the database.
 *
 * @param url a {@code jdbc:postgresql:} URL of an external server, or empty for the embedded one
 * @param user the user to connect as; only with a URL
 * @param password the user's password; only with a URL, and never printed
 * @param dataDirectory where Recourse keeps its files (the embedded server's under {@code postgres/})
 * @param poolSize how many connections the pool keeps open, 2 to 200: the sequencer and the
 *     integrator hold one each while they work
 */
public record DatabaseSettings(Optional<String> url, Optional<String> user, Optional<String> password,
                               Path dataDirectory, int poolSize) {
    /** The pool size of {@link #embedded}: enough for the writers, the integrator and a few readers. */
    public static final int DEFAULT_POOL_SIZE = 10;

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (url.isPresent() && !url.get().startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("the database URL must start with " + JDBC_PREFIX + ", not "
                    + url.get().substring(0, Math.min(url.get().length(), JDBC_PREFIX.length())) + "...");
        }
        if (url.isEmpty() && (user.isPresent() || password.isPresent())) {
            throw new IllegalArgumentException("a database user or password needs a database URL;"
                    + " the embedded database chooses its own");
        }
        if (user.isPresent() && user.get().isBlank()) {
            throw new IllegalArgumentException("the database user is blank");
        }
        if (poolSize < 2 || poolSize > 200) {
            throw new IllegalArgumentException("the connection pool size must be 2 to 200, not " + poolSize);
        }
    }

    /** The embedded database under {@code dataDirectory}, with the default pool size. */
    public static DatabaseSettings embedded(Path dataDirectory) {
        return new DatabaseSettings(Optional.empty(), Optional.empty(), Optional.empty(), dataDirectory, DEFAULT_POOL_SIZE);
    }

    /** An external server at {@code url}, with the default pool size. */
    public static DatabaseSettings external(String url, String user, String password, Path dataDirectory) {
        return new DatabaseSettings(Optional.of(url), Optional.of(user), Optional.of(password), dataDirectory, DEFAULT_POOL_SIZE);
    }

    /** These settings with another pool size. */
    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(url, user, password, dataDirectory, size);
    }

    /** Whether these settings start the embedded server. */
    public boolean isEmbedded() {
        return url.isEmpty();
    }

    /** Shows everything but the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url.orElse("(embedded)") + ", user=" + user.orElse("(embedded)")
                + ", password=" + (password.isPresent() ? "(set)" : "(none)") + ", dataDirectory=" + dataDirectory
                + ", poolSize=" + poolSize + "]";
    }
}
