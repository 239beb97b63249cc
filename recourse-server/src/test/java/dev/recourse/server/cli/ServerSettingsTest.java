package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.FieldError;
import dev.recourse.server.http.HttpSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    @Test
    void nothingGivenIsTheEmbeddedDatabaseUnderRecourseDataOnLoopback() {
        ServerSettings settings = ServerSettings.resolve(Map.of(), Map.of(), Map.of()).orElseThrow();

        assertThat(settings.http()).isEqualTo(HttpSettings.onPort(8080));
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("recourse-data"));
        assertThat(settings.databaseUrl()).isEmpty();
        assertThat(settings.store().database().isEmbedded()).isTrue();
        assertThat(settings.store().ledger().logDirectory()).isEqualTo(Path.of("recourse-data", "log"));
    }

    @Test
    void theFileOverridesDefaultsTheEnvironmentTheFileAndOptionsTheEnvironment() {
        Map<String, String> file = Map.of("port", "1001", "host", "10.0.0.1", "data", "/srv/file");
        Map<String, String> environment = Map.of("RECOURSE_PORT", "1002", "RECOURSE_DATA", "/srv/environment", "PATH", "/bin");
        Map<String, String> options = Map.of("port", "1003");

        ServerSettings settings = ServerSettings.resolve(file, environment, options).orElseThrow();

        assertThat(settings.http().port()).isEqualTo(1003);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/environment"));
        assertThat(settings.http().host()).isEqualTo("10.0.0.1");
    }

    @Test
    void theRateLimitIsSharedThroughTheDatabaseWhenAsked() {
        ServerSettings settings = ServerSettings.resolve(Map.of(), Map.of("RECOURSE_HTTP_RATE_LIMIT_STORE", "database"), Map.of())
                .orElseThrow();

        assertThat(settings.http().rateLimits()).isEqualTo(HttpSettings.RateLimits.DATABASE);
    }

    @Test
    void aRateLimitStoreOtherThanMemoryOrDatabaseIsRefused() {
        var resolved = ServerSettings.resolve(Map.of("http.rate-limit-store", "redis"), Map.of(), Map.of());

        assertThat(resolved.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("http.rate-limit-store (in the configuration file)");
            assertThat(e.problem()).contains("memory", "database", "redis");
        });
    }

    @Test
    void thePublicUrlReachesThePages() {
        ServerSettings settings = ServerSettings.resolve(Map.of("public-url", "https://moderation.example.org/"), Map.of(), Map.of())
                .orElseThrow();

        assertThat(settings.http().publicUrl()).contains(java.net.URI.create("https://moderation.example.org"));
    }

    @Test
    void everySettingHasAnEnvironmentVariable() {
        assertThat(ServerSettings.variable("database.pool-size")).isEqualTo("RECOURSE_DATABASE_POOL_SIZE");
        assertThat(ServerSettings.variable("redress.out-of-court")).isEqualTo("RECOURSE_REDRESS_OUT_OF_COURT");
    }

    @Test
    void anExternalDatabaseTakesItsUserAndPasswordFromTheEnvironment() {
        ServerSettings settings = ServerSettings.resolve(Map.of(), Map.of("RECOURSE_DATABASE_USER", "recourse",
                "RECOURSE_DATABASE_PASSWORD", "secret"), Map.of("database.url", "jdbc:postgresql://db/recourse")).orElseThrow();

        assertThat(settings.store().database().url()).contains("jdbc:postgresql://db/recourse");
        assertThat(settings.store().database().user()).contains("recourse");
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void eachWrongSettingIsNamedWithItsSource() {
        var resolved = ServerSettings.resolve(Map.of("database.pool-size", "1"),
                Map.of("RECOURSE_PORT", "http", "RECOURSE_DATABASE_USER", "u"), Map.of("database.url", "postgres://x"));

        assertThat(resolved.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "port (from RECOURSE_PORT)", "database.pool-size (in the configuration file)", "database.url (from --database-url)");
    }

    @Test
    void aDatabaseUserWithoutAUrlIsRefused() {
        var resolved = ServerSettings.resolve(Map.of(), Map.of("RECOURSE_DATABASE_USER", "u"), Map.of());

        assertThat(resolved.errors()).extracting(FieldError::field).containsExactly("database.user (from RECOURSE_DATABASE_USER)");
        assertThat(resolved.isValid()).isFalse();
        assertThat(Optional.of(resolved.errors().getFirst().problem())).hasValueSatisfying(p -> assertThat(p).contains("needs database.url"));
    }

    @Test
    void theTransparencyDatabaseIsOffUnlessItsAddressAndTokenAreGiven() {
        ServerSettings off = ServerSettings.resolve(Map.of(), Map.of(), Map.of()).orElseThrow();
        ServerSettings on = ServerSettings.resolve(Map.of("dsa.api-url", "https://transparency.dsa.ec.europa.eu",
                "dump.directory", "/srv/dumps"), Map.of("RECOURSE_DSA_TOKEN", "X|secret-token"), Map.of()).orElseThrow();

        assertThat(off.publishing().any()).isFalse();
        assertThat(on.publishing().dsaApi()).contains(java.net.URI.create("https://transparency.dsa.ec.europa.eu"));
        assertThat(on.publishing().dsaToken()).contains("X|secret-token");
        assertThat(on.publishing().submitEvery()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(on.publishing().dumpDirectory()).contains(Path.of("/srv/dumps"));
        assertThat(on.toString()).doesNotContain("secret-token");
    }

    @Test
    void anAddressOfTheTransparencyDatabaseWithoutATokenIsNamed() {
        var resolved = ServerSettings.resolve(Map.of("dsa.api-url", "https://transparency.dsa.ec.europa.eu"), Map.of(), Map.of());

        assertThat(resolved.errors()).extracting(FieldError::field).containsExactly("dsa.api-url (in the configuration file)");
    }

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void nothingGivenDeliversNowhereAndQueuesEverything() {
        ServerSettings settings = ServerSettings.resolve(Map.of(), Map.of(), Map.of()).orElseThrow();

        assertThat(settings.delivery().actions()).isEmpty();
        assertThat(settings.delivery().messages()).isEmpty();
        assertThat(settings.delivery().smtp()).isEmpty();
        assertThat(settings.delivery().backoff().maxAttempts()).isEqualTo(12);
    }

    @Test
    void thePlatformsWebhooksAreSignedWithTheirSecretWhichIsNeverShown() {
        ServerSettings settings = ServerSettings.resolve(Map.of("platform.webhook-url", "https://platform.example/recourse/actions",
                "platform.messages-url", "https://platform.example/recourse/messages"), Map.of("RECOURSE_PLATFORM_WEBHOOK_SECRET", SECRET),
                Map.of()).orElseThrow();

        assertThat(settings.delivery().actions().orElseThrow().url()).hasToString("https://platform.example/recourse/actions");
        assertThat(settings.delivery().messages().orElseThrow().secret().reveal()).isEqualTo(SECRET);
        assertThat(settings.toString()).doesNotContain(SECRET.substring(6));
    }

    @Test
    void aWebhookWithoutASecretIsRefused() {
        var resolved = ServerSettings.resolve(Map.of("platform.webhook-url", "https://platform.example/actions"), Map.of(), Map.of());

        assertThat(resolved.errors()).extracting(FieldError::field).containsExactly("platform.webhook-secret (default)");
    }

    @Test
    void aSecretThatIsNotWhsecBase64IsRefused() {
        var resolved = ServerSettings.resolve(Map.of("platform.webhook-secret", "hunter2"), Map.of(), Map.of());

        assertThat(resolved.errors()).extracting(FieldError::field).containsExactly("platform.webhook-secret (in the configuration file)");
    }

    @Test
    void smtpNeedsASenderAndAUserAPassword() {
        var resolved = ServerSettings.resolve(Map.of("smtp.host", "mail.example", "smtp.user", "recourse"), Map.of(),
                Map.of());

        assertThat(resolved.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("smtp.from (default)", "smtp.password (default)");
    }

    @Test
    void smtpIsConfiguredWithItsPasswordHidden() {
        ServerSettings settings = ServerSettings.resolve(Map.of("smtp.host", "mail.example", "smtp.port", "2525",
                "smtp.from", "Recourse <recourse@platform.example>", "smtp.user", "recourse", "smtp.starttls", "false"),
                Map.of("RECOURSE_SMTP_PASSWORD", "s3cret-pw"), Map.of()).orElseThrow();

        assertThat(settings.delivery().smtp().orElseThrow().port()).isEqualTo(2525);
        assertThat(settings.delivery().smtp().orElseThrow().starttls()).isFalse();
        assertThat(settings.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void aBackoffWhoseMostIsBelowItsStartIsRefused() {
        var resolved = ServerSettings.resolve(Map.of("delivery.backoff-seconds", "60", "delivery.backoff-max-seconds", "30"),
                Map.of(), Map.of());

        assertThat(resolved.errors()).extracting(FieldError::field).containsExactly("delivery.backoff-max-seconds (in the configuration file)");
    }

    @Test
    void theBreakersDefaultToTheirDocumentedSettingsAndTakeTheirOwn() {
        assertThat(ServerSettings.resolve(Map.of(), Map.of(), Map.of()).orElseThrow().breakers())
                .isEqualTo(dev.recourse.core.safeguard.BreakerSettings.defaults());

        ServerSettings settings = ServerSettings.resolve(Map.of("breaker.cap", "200"), Map.of("RECOURSE_BREAKER_COHORT_WINDOW_MINUTES", "30"),
                Map.of()).orElseThrow();

        assertThat(settings.breakers().cap()).isEqualTo(200);
        assertThat(settings.breakers().cohortWindow()).isEqualTo(java.time.Duration.ofMinutes(30));
    }

    @Test
    void breakerSettingsThatDoNotGoTogetherAreRefused() {
        var resolved = ServerSettings.resolve(Map.of("breaker.floor", "50", "breaker.cap", "20"), Map.of(), Map.of());

        assertThat(resolved.isValid()).isFalse();
        assertThat(resolved.errors()).extracting(FieldError::field).containsExactly("breaker.cap (in the configuration file)");
    }

    @Test
    void theKafkaConsumerIsOffUnlessItsBrokersTopicAndGroupAreGiven() {
        ServerSettings off = ServerSettings.resolve(Map.of(), Map.of(), Map.of()).orElseThrow();
        ServerSettings on = ServerSettings.resolve(Map.of("kafka.bootstrap-servers", "127.0.0.1:9092", "kafka.topic", "events"),
                Map.of("RECOURSE_KAFKA_GROUP_ID", "recourse"), Map.of()).orElseThrow();

        assertThat(off.kafka()).isEmpty();
        assertThat(on.kafka()).contains(new dev.recourse.server.policy.KafkaSettings("127.0.0.1:9092", "events", "recourse"));
    }

    @Test
    void aKafkaTopicWithoutItsGroupIsNamed() {
        var resolved = ServerSettings.resolve(Map.of("kafka.bootstrap-servers", "127.0.0.1:9092", "kafka.topic", "events"),
                Map.of(), Map.of());

        assertThat(resolved.errors()).extracting(FieldError::field).containsExactly("kafka.group-id (default)");
    }
}
