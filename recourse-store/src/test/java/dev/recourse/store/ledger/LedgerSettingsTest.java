package dev.recourse.store.ledger;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerSettingsTest {
    private static final String ORIGIN = "test.recourse.dev/log";
    private final Path data = Path.of("/var/lib/recourse");

    @Test
    void theDefaultsKeepTheKeyBesideTheLog() {
        LedgerSettings settings = LedgerSettings.under(data, ORIGIN);
        assertThat(settings.logDirectory()).isEqualTo(data.resolve("log"));
        assertThat(settings.keyFile()).isEqualTo(data.resolve("log-signer.key"));
    }

    @Test
    void theKeyFileMustNotBeInThePublishedDirectory() {
        assertThatThrownBy(() -> new LedgerSettings(data.resolve("log"), data.resolve("log").resolve("key"), ORIGIN,
                100, Duration.ofMillis(100))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("published");
    }

    @Test
    void theIdleWaitIsAtMostOneSecond() {
        assertThatThrownBy(() -> new LedgerSettings(data.resolve("log"), data.resolve("key"), ORIGIN,
                100, Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerSettings(data.resolve("log"), data.resolve("key"), ORIGIN,
                100, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchesAreBounded() {
        assertThatThrownBy(() -> new LedgerSettings(data.resolve("log"), data.resolve("key"), ORIGIN,
                0, Duration.ofMillis(100))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerSettings(data.resolve("log"), data.resolve("key"), ORIGIN,
                65_537, Duration.ofMillis(100))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOriginIsNotBlank() {
        assertThatThrownBy(() -> LedgerSettings.under(data, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
