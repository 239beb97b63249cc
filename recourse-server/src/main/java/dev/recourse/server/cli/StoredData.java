package dev.recourse.server.cli;

import dev.recourse.store.database.Database;
import dev.recourse.store.database.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of commands that read what {@code recourse serve} stored: {@code --data DIR} (its embedded database) or
 * {@code --database-url URL} (an external one, with RECOURSE_DATABASE_USER and RECOURSE_DATABASE_PASSWORD). A mixin.
 */
final class StoredData {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "recourse-data",
            description = "Where Recourse keeps its files (default ${DEFAULT-VALUE}); its embedded database is read.")
    Path data;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "An external PostgreSQL, jdbc:postgresql://...; its user and password come from"
                    + " RECOURSE_DATABASE_USER and RECOURSE_DATABASE_PASSWORD.")
    String databaseUrl;

    /**
     * Opens the database, never making one: without a URL, {@code --data} MUST hold an embedded database already.
     *
     * @throws Failures.Failed if there is none to open
     */
    Database open(Map<String, String> environment) throws IOException {
        if (databaseUrl == null) {
            if (!Files.isDirectory(data.resolve("postgres"))) {
                throw new Failures.Failed("no Recourse data in " + data + " (no database there); give --data DIR or --database-url URL");
            }
            return Database.start(DatabaseSettings.embedded(data).withPoolSize(10));
        }
        if (!databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new Failures.Failed("--database-url is a jdbc:postgresql: URL, not " + databaseUrl.replaceAll("\\?.*", ""));
        }
        return Database.start(new DatabaseSettings(Optional.of(databaseUrl),
                Optional.ofNullable(environment.get("RECOURSE_DATABASE_USER")),
                Optional.ofNullable(environment.get("RECOURSE_DATABASE_PASSWORD")), data, 10));
    }
}
