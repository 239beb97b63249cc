package dev.recourse.server.cli;

import dev.recourse.core.Validation;
import dev.recourse.store.database.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The options of a command that opens the store, shared by its commands as a picocli mixin: where the data is, the
 * database, the configuration file; with the environment and the file they make the {@link ServerSettings}.
 */
final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Where Recourse keeps its files (default ./recourse-data).")
    Path data;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "An external PostgreSQL (jdbc:postgresql://host/db); the user and password come from"
                    + " RECOURSE_DATABASE_USER and RECOURSE_DATABASE_PASSWORD. Default: the embedded one under --data.")
    String databaseUrl;

    @Option(names = "--config", paramLabel = "FILE", description = "A configuration file (Java properties) of settings.")
    Path config;

    /**
     * The settings: defaults, then the configuration file, then the environment, then these options and {@code options}
     * (further command-line options, by setting name).
     *
     * @throws Failures.Failed naming each setting that is wrong
     * @throws IOException if the configuration file cannot be read
     */
    ServerSettings settings(Map<String, String> environment, Map<String, String> options) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(options);
        if (data != null) {
            all.put("data", data.toString());
        }
        if (databaseUrl != null) {
            all.put("database.url", databaseUrl);
        }
        return switch (ServerSettings.resolve(file(environment), environment, all)) {
            case Validation.Valid<ServerSettings> valid -> valid.value();
            case Validation.Invalid<ServerSettings> invalid ->
                    throw new Failures.Failed(invalid.errors().stream().map(Object::toString).toList());
        };
    }

    /**
     * The settings (as {@link #settings}) of a store that {@code recourse serve} made before, never making one: without
     * a database URL, the data directory MUST hold an embedded database already. For the commands that read it.
     *
     * @throws Failures.Failed if a setting is wrong or there is no database to open
     * @throws IOException if the configuration file cannot be read
     */
    ServerSettings existing(Map<String, String> environment) throws IOException {
        ServerSettings settings = settings(environment, Map.of());
        if (settings.databaseUrl().isEmpty() && !Files.isDirectory(settings.dataDirectory().resolve("postgres"))) {
            throw new Failures.Failed("no Recourse data in " + settings.dataDirectory()
                    + " (no database there); give --data DIR or --database-url URL");
        }
        return settings;
    }

    /** Opens the database of {@link #existing}. */
    Database openExisting(Map<String, String> environment) throws IOException {
        return Database.start(existing(environment).store().database());
    }

    /** The settings in the configuration file: {@code --config}, else {@code RECOURSE_CONFIG}, else none. */
    private Map<String, String> file(Map<String, String> environment) throws IOException {
        Path file = config != null ? config : Optional.ofNullable(environment.get("RECOURSE_CONFIG")).map(Path::of).orElse(null);
        Map<String, String> settings = new LinkedHashMap<>();
        if (file == null) {
            return settings;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }
}
