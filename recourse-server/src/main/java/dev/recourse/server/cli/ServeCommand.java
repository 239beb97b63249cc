package dev.recourse.server.cli;

import dev.recourse.core.Validation;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.server.http.Service;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.server.page.PageLinks;
import dev.recourse.store.RecourseStore;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code recourse serve}: runs the service. It opens the store (the embedded PostgreSQL under {@code --data} unless a
 * database URL is set; the log and its key beside it), serves the HTTP API, and on the first start makes the first
 * admin API key and prints it, once. Ctrl-C (or SIGTERM) stops it in order: the API answers what it has, the
 * sequencer commits what is queued, the log takes it in, the database stops.
 */
@Command(
        name = "serve",
        description = {
            "Run the service: the HTTP API, the public log and the database (embedded under --data unless --database-url"
                    + " is given), on 127.0.0.1 by default, until Ctrl-C.",
            "The first start makes the first admin API key and prints it once. Settings come from defaults, then --config,"
                    + " then RECOURSE_* variables, then these options; see docs/operations.md."
        })
final class ServeCommand implements Callable<Integer> {
    /** The name of the first admin key's holder. */
    static final String FIRST_ADMIN = "admin";

    @Option(names = "--port", paramLabel = "PORT", description = "The port to serve on (default 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--data", paramLabel = "DIR", description = "Where Recourse keeps its files (default ./recourse-data).")
    Path data;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "An external PostgreSQL, jdbc:postgresql://...; its user and password come from"
                    + " RECOURSE_DATABASE_USER and RECOURSE_DATABASE_PASSWORD. Default: the embedded one under --data.")
    String databaseUrl;

    @Option(names = "--config", paramLabel = "FILE", description = "A configuration file (Java properties) of settings.")
    Path config;

    @ParentCommand
    Recourse recourse;

    @Spec
    CommandSpec spec;

    /** What happens while it serves; by default, nothing until Ctrl-C ends the program. */
    Serving whileServing = Serving.untilStopped();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerSettings settings = switch (ServerSettings.resolve(file(), recourse.environment(), options())) {
            case Validation.Valid<ServerSettings> valid -> valid.value();
            case Validation.Invalid<ServerSettings> invalid ->
                    throw new Failures.Failed(invalid.errors().stream().map(Object::toString).toList());
        };
        // The command line is the edge of the program: the one place the clock and randomness are chosen.
        InstantSource clock = InstantSource.system();
        SecureRandom random = new SecureRandom();
        Files.createDirectories(settings.dataDirectory());
        out.println("Recourse: starting in " + settings.dataDirectory().toAbsolutePath().normalize() + " ("
                + settings.databaseUrl().map(url -> "database " + url.replaceAll("\\?.*", "")).orElse("embedded database") + ")");
        out.flush();
        RecourseStore store = RecourseStore.open(settings.store(), clock, random);
        Service service;
        try {
            PageLinks links = PageLinks.load(settings.dataDirectory(), settings.publicBase(), random);
            service = Service.start(settings.http(), settings.delivery(), links, store, clock, random, version());
        } catch (JavalinBindException e) {
            store.close();
            throw new Failures.Failed("cannot serve on " + settings.http().host() + ":" + settings.http().port() + ": "
                    + e.getMessage() + "; choose another port with --port (0 picks a free one)", e);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        Stopping stopping = new Stopping(service, store, out);
        Thread hook = Thread.ofPlatform().name("recourse-shutdown").unstarted(stopping::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            firstAdminKey(service.keys(), out);
            URI url = service.url();
            out.println("Serving " + url + " until Ctrl-C:");
            out.println("  the API:       " + url.resolve("/v1/"));
            out.println("  its docs:      " + url.resolve("/docs/api") + " (OpenAPI: " + url.resolve("/openapi.json") + ")");
            out.println("  the log:       " + url.resolve("/log/checkpoint") + " (key: " + url.resolve("/log/key") + ")");
            out.println("  health:        " + url.resolve("/health") + ", metrics: " + url.resolve("/metrics"));
            out.println("  actions to:    " + settings.delivery().actions().map(e -> e.url().toString())
                    .orElse("(platform.webhook-url not set: actions wait in their queue)"));
            out.println("  messages to:   " + settings.delivery().messages().map(e -> e.url().toString())
                    .orElse("(platform.messages-url not set: messages wait in their queue)")
                    + settings.delivery().smtp().map(smtp -> "; e-mail by " + smtp.host() + ":" + smtp.port()).orElse(""));
            out.flush();
            whileServing.during(url);
        } catch (InterruptedException e) {
            // Being interrupted is how serving is asked to stop; the thread stays marked for its caller.
            Thread.currentThread().interrupt();
        } finally {
            stopping.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping, and the hook has run or runs now: nothing to remove.
            }
        }
        return 0;
    }

    /** Prints the first admin key if this start made it: the only time it is shown. */
    private static void firstAdminKey(ApiKeys keys, PrintWriter out) throws java.sql.SQLException {
        Optional<ApiKeys.Made> made = keys.makeFirstAdmin(new Pseudonym(FIRST_ADMIN));
        if (made.isPresent()) {
            out.println();
            out.println("The first admin API key (shown this once; keep it secret, it makes the other keys):");
            out.println("  " + made.get().key().reveal());
            out.println("  use it as: curl -H 'Authorization: Bearer " + made.get().key().reveal() + "' ...");
            out.println();
        }
    }

    /**
     * Stops the service and then the store, once, whether Ctrl-C (the JVM's shutdown hook) or the end of serving asks
     * first: the API answers what it has, the sequencer commits what is queued, the log takes it in, the database
     * stops. The embedded database has no hook of its own that could stop it first (see {@code Database.start}).
     */
    private static final class Stopping {
        private final Service service;
        private final RecourseStore store;
        private final PrintWriter out;
        private final AtomicBoolean stopped = new AtomicBoolean();

        Stopping(Service service, RecourseStore store, PrintWriter out) {
            this.service = service;
            this.store = store;
            this.out = out;
        }

        void stop() {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            try {
                service.close();
            } finally {
                try {
                    store.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            out.println("Recourse: stopped");
            out.flush();
        }
    }

    private Map<String, String> file() throws IOException {
        Path file = config != null ? config : Optional.ofNullable(recourse.environment().get("RECOURSE_CONFIG")).map(Path::of).orElse(null);
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

    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        if (port != null) {
            options.put("port", port.toString());
        }
        if (host != null) {
            options.put("host", host);
        }
        if (data != null) {
            options.put("data", data.toString());
        }
        if (databaseUrl != null) {
            options.put("database.url", databaseUrl);
        }
        return options;
    }

    private static String version() {
        return Objects.requireNonNullElse(ServeCommand.class.getPackage().getImplementationVersion(), "development");
    }
}
