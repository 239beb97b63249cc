package dev.recourse.server.cli;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.process.Settings;
import dev.recourse.server.delivery.Backoff;
import dev.recourse.server.delivery.DeliverySettings;
import dev.recourse.server.delivery.Endpoint;
import dev.recourse.server.delivery.SmtpSettings;
import dev.recourse.server.delivery.WebhookSecret;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.server.http.HttpSettings;
import dev.recourse.server.policy.KafkaSettings;
import dev.recourse.server.transparency.Publishing;
import dev.recourse.store.StoreSettings;
import dev.recourse.store.database.DatabaseSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.function.Function;

/**
 * Everything {@code recourse serve} is configured by, resolved once at start and never changed: defaults, then a
 * configuration file ({@code --config}, Java properties), then the environment ({@code RECOURSE_*}), then the command
 * line's options; each later source overrides the earlier ones. docs/operations.md lists every setting.
 *
 * @param http how the API is served
 * @param dataDirectory where Recourse keeps its files: the embedded database, the log and its key
 * @param databaseUrl an external PostgreSQL's JDBC URL; empty for the embedded one
 * @param databaseUser the external database's user
 * @param databasePassword the external database's password; never printed
 * @param databasePoolSize connections kept to the database
 * @param logOrigin the log's origin line, which names its key; fixed when the log is made
 * @param outOfCourtSettlement the out-of-court settlement option every statement of reasons states (DSA Art. 21)
 * @param judicialRedress the judicial redress option every statement of reasons states
 * @param publicUrl where people reach this service, if not where it listens
 * @param delivery where actions and messages are delivered: the platform's webhooks, SMTP, the backoff
 * @param publishing what serving publishes by itself: statements to the DSA Transparency Database, daily dumps
 * @param breakers how the circuit breakers of automated rules learn and trip
 * @param policiesDirectory a directory of policy files loaded at start, if any
 * @param kafka where the Kafka consumer of event intake reads, if it runs
 */
public record ServerSettings(HttpSettings http, Path dataDirectory, Optional<String> databaseUrl, Optional<String> databaseUser,
        Optional<String> databasePassword, int databasePoolSize, String logOrigin, String outOfCourtSettlement,
        String judicialRedress, Optional<URI> publicUrl, DeliverySettings delivery, Publishing publishing,
        BreakerSettings breakers, Optional<Path> policiesDirectory, Optional<KafkaSettings> kafka) {
    /** Every setting: its name in a file, its default; the environment variable is derived ({@link #variable}). */
    static final SequencedMap<String, String> DEFAULTS = Collections.unmodifiableSequencedMap(defaults());

    public ServerSettings {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(breakers, "breakers");
        Objects.requireNonNull(kafka, "kafka");
        if (logOrigin.isBlank() || outOfCourtSettlement.isBlank() || judicialRedress.isBlank()) {
            throw new IllegalArgumentException("the log origin and the redress options are stated");
        }
    }

    /**
     * Where people reach this service, for the links in notices and e-mails: {@code public-url} when set, else the
     * address it listens on.
     */
    public URI publicBase() {
        return publicUrl.orElseGet(() -> URI.create("http://" + (http.host().contains(":") ? "[" + http.host() + "]" : http.host())
                + ":" + http.port()));
    }

    /** The store these settings describe: the database, the log under the data directory, the due-process settings. */
    StoreSettings store() {
        DatabaseSettings database = new DatabaseSettings(databaseUrl, databaseUser, databasePassword, dataDirectory, databasePoolSize);
        return StoreSettings.under(dataDirectory, logOrigin, Settings.defaults(outOfCourtSettlement, judicialRedress))
                .withDatabase(database);
    }

    /** The environment variable of setting {@code name}: {@code database.pool-size} is {@code RECOURSE_DATABASE_POOL_SIZE}. */
    static String variable(String name) {
        return "RECOURSE_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The settings from {@code file} (setting names to values), overridden by {@code environment} ({@code RECOURSE_*}
     * variables; others are ignored), overridden by {@code options} (setting names to values from the command line);
     * or every setting that is wrong, each naming the setting and where its value came from.
     */
    static Validation<ServerSettings> resolve(Map<String, String> file, Map<String, String> environment, Map<String, String> options) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : file.keySet()) {
            if (!DEFAULTS.containsKey(name)) {
                errors.add(new FieldError(name + " (in the configuration file)", "is not a setting; the settings are "
                        + String.join(", ", DEFAULTS.keySet())));
            }
        }
        Map<String, Sourced> values = new LinkedHashMap<>();
        DEFAULTS.forEach((name, value) -> values.put(name, new Sourced(value, "default")));
        file.forEach((name, value) -> values.put(name, new Sourced(value, "in the configuration file")));
        DEFAULTS.keySet().forEach(name -> Optional.ofNullable(environment.get(variable(name)))
                .ifPresent(value -> values.put(name, new Sourced(value, "from " + variable(name)))));
        options.forEach((name, value) -> values.put(name, new Sourced(value, "from --" + name.replace('.', '-'))));
        Reader r = new Reader(values, errors);
        String host = r.text("host");
        int port = r.whole("port", 0, 65_535);
        int maxRequestBytes = r.whole("http.max-request-bytes", 1024, 64 << 20);
        double rate = r.number("http.rate-per-second");
        int burst = r.whole("http.rate-burst", 1, Integer.MAX_VALUE);
        HttpSettings.RateLimits rateLimits = r.choice("http.rate-limit-store", HttpSettings.RateLimits.values(),
                HttpSettings.RateLimits::settingName);
        Path data = r.path("data");
        Optional<String> url = r.optional("database.url");
        Optional<String> user = r.optional("database.user");
        Optional<String> password = r.optional("database.password");
        int pool = r.whole("database.pool-size", 2, 200);
        String origin = r.text("log.origin");
        String outOfCourt = r.text("redress.out-of-court");
        String judicial = r.text("redress.judicial");
        Optional<URI> publicUrl = r.optional("public-url").flatMap(u -> r.url("public-url", u));
        Optional<URI> dsaApi = r.optional("dsa.api-url").flatMap(u -> r.url("dsa.api-url", u));
        Optional<String> dsaToken = r.optional("dsa.token");
        int submitEvery = r.whole("dsa.submit-every-seconds", 10, 86_400);
        Optional<Path> dumps = r.optional("dump.directory").map(d -> r.path("dump.directory"));
        if (r.optional("dsa.api-url").isPresent() != dsaToken.isPresent()) {
            r.error(dsaToken.isPresent() ? "dsa.token" : "dsa.api-url", "goes with " + (dsaToken.isPresent() ? "dsa.api-url" : "dsa.token")
                    + ": the Transparency Database takes statements only with the platform's token");
        }
        dsaToken.filter(t -> t.chars().anyMatch(c -> c < 0x21 || c > 0x7e))
                .ifPresent(t -> r.error("dsa.token", "is printable ASCII without spaces"));
        Optional<Path> policies = r.optional("policies.dir").map(dir -> r.path("policies.dir"));
        url.filter(u -> !u.startsWith("jdbc:postgresql:"))
                .ifPresent(u -> r.error("database.url", "is a jdbc:postgresql: URL"));
        if (url.isEmpty() && (user.isPresent() || password.isPresent())) {
            r.error(user.isPresent() ? "database.user" : "database.password",
                    "needs database.url: the embedded database chooses its own user and password");
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            r.error("http.rate-per-second", "is at least 0 (0 turns the limit off)");
        }
        DeliverySettings delivery = delivery(r);
        BreakerSettings breakers = breakers(r);
        Optional<KafkaSettings> kafka = kafka(r);
        return Validation.of(errors, () -> new ServerSettings(new HttpSettings(host, port, maxRequestBytes, rate, burst, publicUrl,
                rateLimits), data, url,
                user, password, pool, origin, outOfCourt, judicial, publicUrl, delivery,
                new Publishing(dsaApi, dsaToken, Duration.ofSeconds(submitEvery), dumps), breakers, policies, kafka));
    }

    /** The Kafka consumer of event intake: all three settings, or none (it does not run). */
    private static Optional<KafkaSettings> kafka(Reader r) {
        List<String> names = List.of("kafka.bootstrap-servers", "kafka.topic", "kafka.group-id");
        List<Optional<String>> values = names.stream().map(r::optional).toList();
        if (values.stream().allMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        for (int i = 0; i < names.size(); i++) {
            if (values.get(i).isEmpty()) {
                r.error(names.get(i), "is needed with the other kafka settings (" + String.join(", ", names)
                        + "): the consumer needs its brokers, topic and group");
                return Optional.empty();
            }
        }
        return Optional.of(new KafkaSettings(values.get(0).get(), values.get(1).get(), values.get(2).get()));
    }

    /** The delivery settings: the platform's webhooks and their secret, SMTP, the backoff. */
    private static DeliverySettings delivery(Reader r) {
        Optional<URI> actionsUrl = r.optional("platform.webhook-url").flatMap(u -> r.url("platform.webhook-url", u));
        Optional<URI> messagesUrl = r.optional("platform.messages-url").flatMap(u -> r.url("platform.messages-url", u));
        Optional<String> secretText = r.optional("platform.webhook-secret");
        Optional<WebhookSecret> secret = secretText.flatMap(WebhookSecret::parse);
        if (secretText.isPresent() && secret.isEmpty()) {
            r.error("platform.webhook-secret", "is whsec_ and the base64 of " + WebhookSecret.MIN_BYTES + " to "
                    + WebhookSecret.MAX_BYTES + " random bytes");
        } else if (secretText.isEmpty() && (actionsUrl.isPresent() || messagesUrl.isPresent())) {
            r.error("platform.webhook-secret", "is needed to sign the webhooks of "
                    + (actionsUrl.isPresent() ? "platform.webhook-url" : "platform.messages-url"));
        }
        Optional<String> smtpHost = r.optional("smtp.host");
        int smtpPort = r.whole("smtp.port", 1, 65_535);
        Optional<String> from = r.optional("smtp.from");
        Optional<String> smtpUser = r.optional("smtp.user");
        Optional<String> smtpPassword = r.optional("smtp.password");
        boolean starttls = r.flag("smtp.starttls");
        if (smtpHost.isPresent() && from.isEmpty()) {
            r.error("smtp.from", "is needed with smtp.host: the address messages are sent from");
        }
        from.filter(f -> !SmtpSettings.isAddress(f)).ifPresent(f -> r.error("smtp.from", "is an e-mail address, not \"" + f + "\""));
        if (smtpUser.isPresent() != smtpPassword.isPresent()) {
            r.error(smtpUser.isPresent() ? "smtp.password" : "smtp.user", "is needed with "
                    + (smtpUser.isPresent() ? "smtp.user" : "smtp.password"));
        }
        int maxAttempts = r.whole("delivery.max-attempts", 1, 100);
        int backoff = r.whole("delivery.backoff-seconds", 1, 86_400);
        int backoffMax = r.whole("delivery.backoff-max-seconds", 1, 7 * 86_400);
        if (backoffMax < backoff) {
            r.error("delivery.backoff-max-seconds", "is at least delivery.backoff-seconds (" + backoff + ")");
        }
        if (!r.errors().isEmpty()) {
            return DeliverySettings.none();
        }
        Optional<SmtpSettings> smtp = smtpHost.map(h -> new SmtpSettings(h, smtpPort, from.orElseThrow(), smtpUser, smtpPassword, starttls));
        return new DeliverySettings(actionsUrl.map(u -> new Endpoint(u, secret.orElseThrow())),
                messagesUrl.map(u -> new Endpoint(u, secret.orElseThrow())), smtp,
                new Backoff(maxAttempts, Duration.ofSeconds(backoff), Duration.ofSeconds(backoffMax)), DeliverySettings.DEFAULT_POLL);
    }

    /** The circuit breakers' settings; the defaults where a setting is wrong, which is recorded. */
    private static BreakerSettings breakers(Reader r) {
        double smoothing = r.number("breaker.smoothing");
        int history = r.whole("breaker.minimum-history-minutes", 1, 10_000);
        double factor = r.number("breaker.factor");
        int floor = r.whole("breaker.floor", 1, Integer.MAX_VALUE);
        int cap = r.whole("breaker.cap", 1, Integer.MAX_VALUE);
        int cohort = r.whole("breaker.cohort-limit", 2, Integer.MAX_VALUE);
        int window = r.whole("breaker.cohort-window-minutes", 1, 1_440);
        boolean valid = true;
        if (!(smoothing > 0 && smoothing <= 1)) {
            r.error("breaker.smoothing", "is more than 0 and at most 1");
            valid = false;
        }
        if (!(factor > 1) || Double.isInfinite(factor)) {
            r.error("breaker.factor", "is more than 1");
            valid = false;
        }
        if (cap < floor) {
            r.error("breaker.cap", "is at least breaker.floor (" + floor + ")");
            valid = false;
        }
        return valid ? new BreakerSettings(smoothing, history, factor, floor, cap, cohort, java.time.Duration.ofMinutes(window))
                : BreakerSettings.defaults();
    }

    /** Shows everything but the database password. */
    @Override
    public String toString() {
        return "ServerSettings[http=" + http + ", dataDirectory=" + dataDirectory + ", databaseUrl=" + databaseUrl.orElse("(embedded)")
                + ", databaseUser=" + databaseUser.orElse("(none)") + ", databasePassword=" + (databasePassword.isPresent() ? "(set)" : "(none)")
                + ", databasePoolSize=" + databasePoolSize + ", logOrigin=" + logOrigin + ", publicBase=" + publicBase()
                + ", delivery=" + delivery + ", publishing=" + publishing + "]";
    }

    private record Sourced(String value, String source) {}

    /** Reads settings from their sourced values, recording what is wrong. */
    private record Reader(Map<String, Sourced> values, List<FieldError> errors) {
        String text(String name) {
            String value = values.get(name).value().strip();
            if (value.isEmpty()) {
                error(name, "is empty");
            }
            return value.isEmpty() ? "unset" : value;
        }

        Optional<String> optional(String name) {
            String value = values.get(name).value().strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        int whole(String name, int min, int max) {
            String value = values.get(name).value().strip();
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // Reported below, as a value out of range is.
            }
            error(name, "is a whole number from " + min + " to " + max + ", not \"" + value + "\"");
            return min;
        }

        /** The one of {@code choices} whose name (by {@code named}) is the value of {@code name}. */
        <E extends Enum<E>> E choice(String name, E[] choices, Function<E, String> named) {
            String value = values.get(name).value().strip();
            for (E choice : choices) {
                if (named.apply(choice).equals(value)) {
                    return choice;
                }
            }
            error(name, "is one of " + Arrays.stream(choices).map(named).toList() + ", not \"" + value + "\"");
            return choices[0];
        }

        boolean flag(String name) {
            String value = values.get(name).value().strip();
            if (!value.equals("true") && !value.equals("false")) {
                error(name, "is true or false, not \"" + value + "\"");
            }
            return value.equals("true");
        }

        double number(String name) {
            return parse(name, Double::parseDouble, "a number", 0.0);
        }

        Optional<URI> url(String name, String value) {
            try {
                URI uri = new URI(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                        && uri.getQuery() == null && uri.getFragment() == null) {
                    return Optional.of(URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value));
                }
            } catch (URISyntaxException e) {
                // Reported below, as a URL of another scheme is.
            }
            error(name, "is an http or https URL without query or fragment, not \"" + value + "\"");
            return Optional.empty();
        }

        Path path(String name) {
            return parse(name, Path::of, "a path", Path.of("."));
        }

        private <T> T parse(String name, Function<String, T> parser, String what, T fallback) {
            String value = values.get(name).value().strip();
            try {
                return parser.apply(value);
            } catch (NumberFormatException | InvalidPathException e) {
                error(name, "is " + what + ", not \"" + value + "\"");
                return fallback;
            }
        }

        void error(String name, String problem) {
            errors.add(new FieldError(name + " (" + values.get(name).source() + ")", problem));
        }
    }

    private static SequencedMap<String, String> defaults() {
        SequencedMap<String, String> d = new LinkedHashMap<>();
        d.put("host", HttpSettings.DEFAULT_HOST);
        d.put("port", Integer.toString(HttpSettings.DEFAULT_PORT));
        d.put("public-url", "");
        d.put("data", "recourse-data");
        d.put("database.url", "");
        d.put("database.user", "");
        d.put("database.password", "");
        d.put("database.pool-size", Integer.toString(DatabaseSettings.DEFAULT_POOL_SIZE));
        d.put("log.origin", "recourse.localhost/log");
        d.put("http.max-request-bytes", Integer.toString(HttpSettings.DEFAULT_MAX_REQUEST_BYTES));
        d.put("http.rate-per-second", Double.toString(HttpSettings.DEFAULT_RATE_PER_SECOND));
        d.put("http.rate-burst", Integer.toString(HttpSettings.DEFAULT_RATE_BURST));
        d.put("http.rate-limit-store", HttpSettings.RateLimits.MEMORY.settingName());
        d.put("redress.out-of-court", "A certified out-of-court dispute settlement body (DSA Art. 21).");
        d.put("redress.judicial", "The courts of the Member State where you live.");
        d.put("dsa.api-url", "");
        d.put("dsa.token", "");
        d.put("dsa.submit-every-seconds", "300");
        d.put("dump.directory", "");
        d.put("platform.webhook-url", "");
        d.put("platform.messages-url", "");
        d.put("platform.webhook-secret", "");
        d.put("smtp.host", "");
        d.put("smtp.port", "587");
        d.put("smtp.from", "");
        d.put("smtp.user", "");
        d.put("smtp.password", "");
        d.put("smtp.starttls", "true");
        d.put("delivery.max-attempts", Integer.toString(DeliverySettings.DEFAULT_MAX_ATTEMPTS));
        d.put("delivery.backoff-seconds", Long.toString(DeliverySettings.DEFAULT_BACKOFF.toSeconds()));
        d.put("delivery.backoff-max-seconds", Long.toString(DeliverySettings.DEFAULT_BACKOFF_MAX.toSeconds()));
        BreakerSettings breakers = BreakerSettings.defaults();
        d.put("breaker.smoothing", Double.toString(breakers.smoothing()));
        d.put("breaker.minimum-history-minutes", Long.toString(breakers.minimumHistory()));
        d.put("breaker.factor", Double.toString(breakers.factor()));
        d.put("breaker.floor", Long.toString(breakers.floor()));
        d.put("breaker.cap", Long.toString(breakers.cap()));
        d.put("breaker.cohort-limit", Long.toString(breakers.cohortLimit()));
        d.put("breaker.cohort-window-minutes", Long.toString(breakers.cohortWindow().toMinutes()));
        d.put("policies.dir", "");
        d.put("kafka.bootstrap-servers", "");
        d.put("kafka.topic", "");
        d.put("kafka.group-id", "");
        return d;
    }
}
