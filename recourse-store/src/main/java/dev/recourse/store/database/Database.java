package dev.recourse.store.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The PostgreSQL database Recourse keeps its events and projections in: an external server, or
 * an embedded one started here, behind a connection pool, with the schema migrated to the
 * current version before anything uses it.
 *
 * <p>Migrations are the Flyway scripts under {@code db/migration} on the class path. Connections
 * rewrite JDBC batches of inserts into multi-row inserts. While it runs, the statistics of the tables that grow are
 * refreshed in the background ({@link StatisticsRefresh}), so no plan PostgreSQL keeps for a prepared statement stays
 * one made while its tables were small.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Optional<EmbeddedServer> embedded;
    private final String jdbcUrl;
    private final StatisticsRefresh statistics;

    private Database(HikariDataSource pool, Optional<EmbeddedServer> embedded, String jdbcUrl, StatisticsRefresh statistics) {
        this.pool = pool;
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.statistics = statistics;
    }

    /**
     * Starts the database the settings name: connects to the external server, or starts the
     * embedded one (creating it on first use), then migrates the schema. The embedded server stops
     * when this database is {@link #close() closed}, not by itself when the JVM exits: its owner
     * closes it after what writes through it.
     *
     * @throws IOException if the embedded server cannot start
     * @throws org.flywaydb.core.api.FlywayException if a migration fails
     */
    public static Database start(DatabaseSettings settings) throws IOException {
        return start(settings, new SecureRandom());
    }

    /** {@link #start(DatabaseSettings)}, drawing the embedded server's first password from {@code random}. */
    public static Database start(DatabaseSettings settings, SecureRandom random) throws IOException {
        Optional<EmbeddedServer> embedded = settings.isEmbedded()
                // Closed by this database's owner (close()), in order after what writes through it.
                ? Optional.of(EmbeddedServer.start(settings.dataDirectory(), random, false))
                : Optional.empty();
        try {
            String url = embedded.map(EmbeddedServer::jdbcUrl).orElseGet(() -> settings.url().orElseThrow());
            HikariConfig config = new HikariConfig();
            config.setPoolName("recourse");
            config.setJdbcUrl(url);
            config.setUsername(embedded.isPresent() ? EmbeddedServer.SUPERUSER : settings.user().orElse(null));
            config.setPassword(embedded.map(EmbeddedServer::password).orElseGet(() -> settings.password().orElse(null)));
            config.setMaximumPoolSize(settings.poolSize());
            config.setMinimumIdle(Math.min(2, settings.poolSize()));
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("ApplicationName", "recourse");
            HikariDataSource pool = new HikariDataSource(config);
            try {
                Flyway.configure()
                        .dataSource(pool)
                        .locations("classpath:db/migration")
                        .validateMigrationNaming(true)
                        .failOnMissingLocations(true)
                        // Each part of the service numbers its migrations in its own range (store V1-V99, server
                        // V100 and up, ten a part), so a release can bring a lower number than one already applied.
                        .outOfOrder(true)
                        // Through SLF4J, so the application's logging decides what is shown.
                        .loggers("slf4j")
                        .load()
                        .migrate();
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
            return new Database(pool, embedded, url, StatisticsRefresh.start(pool));
        } catch (RuntimeException e) {
            if (embedded.isPresent()) {
                try {
                    embedded.get().close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    /** The pooled connections; every one is in auto-commit mode when taken. */
    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL connected to, without credentials. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Whether this process runs the server. */
    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    /** Stops the statistics refresh, closes the pool, then stops the embedded server if there is one. */
    @Override
    public void close() throws IOException {
        try {
            statistics.close();
            pool.close();
        } finally {
            if (embedded.isPresent()) {
                embedded.get().close();
            }
        }
    }
}
