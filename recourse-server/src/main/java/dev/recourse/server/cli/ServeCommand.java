package dev.recourse.server.cli;

import dev.recourse.core.decider.Pseudonym;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.server.policy.KafkaIntake;
import dev.recourse.server.policy.PolicyDirectory;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code recourse serve}: runs the service. It opens the store (the embedded PostgreSQL under {@code --data} unless a
 * database URL is set; the log and its key beside it), serves the HTTP API, and on the first start makes the first
 * admin API key and prints it, once. Ctrl-C (or SIGTERM) stops it in order: the API answers what it has, the
 * sequencer commits what is queued, the log takes it in, the database stops. With the {@code dsa.*} or
 * {@code dump.*} settings it also publishes by itself ({@link Publisher}), and stops that first.
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

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--policies-dir", paramLabel = "DIR",
            description = "A directory of policy files (*.yaml, docs/policies.md), loaded at start.")
    Path policiesDir;

    @ParentCommand
    Recourse recourse;

    @Spec
    CommandSpec spec;

    /** What happens while it serves; by default, nothing until Ctrl-C ends the program. */
    Serving whileServing = Serving.untilStopped();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerSettings settings = storeOptions.settings(recourse.environment(), options());
        // The command line is the edge of the program: the one place the clock and randomness are chosen.
        InstantSource clock = InstantSource.system();
        SecureRandom random = new SecureRandom();
        RunningService running = RunningService.start(settings, clock, random, version(), out);
        running.untilExit(() -> {
            firstAdminKey(running.service().keys(), out);
            URI url = running.service().url();
            if (settings.policiesDirectory().isPresent()) {
                PolicyDirectory.load(settings.policiesDirectory().get(), running.service().policies()).forEach(out::println);
            }
            out.println("Serving " + url + " until Ctrl-C:");
            out.println("  the API:       " + url.resolve("/v1/"));
            out.println("  its docs:      " + url.resolve("/docs/api") + " (OpenAPI: " + url.resolve("/openapi.json") + ")");
            out.println("  the log:       " + url.resolve("/log/checkpoint") + " (key: " + url.resolve("/log/key") + ")");
            out.println("  health:        " + url.resolve("/health") + ", metrics (auditor key): " + url.resolve("/metrics"));
            out.println("  actions to:    " + settings.delivery().actions().map(e -> e.url().toString())
                    .orElse("(platform.webhook-url not set: actions wait in their queue)"));
            out.println("  messages to:   " + settings.delivery().messages().map(e -> e.url().toString())
                    .orElse("(platform.messages-url not set: messages wait in their queue)")
                    + settings.delivery().smtp().map(smtp -> "; e-mail by " + smtp.host() + ":" + smtp.port()).orElse(""));
            out.println("  events from:   " + settings.kafka().map(k -> "Kafka topic " + k.topic() + " at " + k.bootstrapServers()
                    + ", group " + k.groupId()).orElse("POST /v1/events (kafka.* not set: no Kafka consumer)"));
            out.flush();
            // Started after the policies directory is loaded, so that no event is judged without its policies.
            Optional<KafkaIntake> kafka = settings.kafka().map(k -> KafkaIntake.start(k, running.service().ruleWorker(), clock,
                    line -> {
                        out.println("Recourse: " + line);
                        out.flush();
                    }));
            try {
                whileServing.during(url);
            } finally {
                if (kafka.isPresent()) {
                    kafka.get().close();
                }
            }
        });
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

    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        if (port != null) {
            options.put("port", port.toString());
        }
        if (host != null) {
            options.put("host", host);
        }
        if (policiesDir != null) {
            options.put("policies.dir", policiesDir.toString());
        }
        return options;
    }

    static String version() {
        return Objects.requireNonNullElse(ServeCommand.class.getPackage().getImplementationVersion(), "development");
    }
}
