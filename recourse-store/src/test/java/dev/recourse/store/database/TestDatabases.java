package dev.recourse.store.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server for the whole test run, kept under {@code target/test-postgres}
 * between runs, and a fresh, migrated database on it for each test that asks.
 */
public final class TestDatabases {
    private static final Path DIRECTORY = Path.of("target", "test-postgres").toAbsolutePath();
    private static final Path DATA_DIRECTORIES = Path.of("target", "test-data").toAbsolutePath();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedServer server;

    private TestDatabases() {}

    /**
     * A new empty database with the schema migrated, as an external server would be used. Its data directory (which
     * an external database leaves empty) is under {@code target}, so that no test run leaves directories in /tmp.
     */
    public static Database fresh() {
        try {
            return Database.start(freshSettings(Files.createTempDirectory(Files.createDirectories(DATA_DIRECTORIES), "data-")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings of a new empty database on the test server, with {@code dataDirectory}; migrated when started. */
    public static DatabaseSettings freshSettings(Path dataDirectory) {
        EmbeddedServer running = server();
        String name = "test_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(running.jdbcUrl(), EmbeddedServer.SUPERUSER, running.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            String url = "jdbc:postgresql://127.0.0.1:" + running.port() + "/" + name;
            return DatabaseSettings.external(url, EmbeddedServer.SUPERUSER, running.password(), dataDirectory);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized EmbeddedServer server() {
        if (server == null) {
            try {
                server = EmbeddedServer.start(DIRECTORY, new SecureRandom());
                dropLeftovers(server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** Drops the test databases an earlier run left. */
    private static void dropLeftovers(EmbeddedServer running) throws SQLException {
        try (Connection c = DriverManager.getConnection(running.jdbcUrl(), EmbeddedServer.SUPERUSER, running.password());
             Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                s.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }
        }
    }
}
