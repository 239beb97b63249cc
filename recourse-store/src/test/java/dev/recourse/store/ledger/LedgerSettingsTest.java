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

    private LedgerSettings settings(Path keyFile, int maxBatch, Duration idleWait, Duration appendInterval) {
        return new LedgerSettings(data.resolve("log"), keyFile, ORIGIN, maxBatch, idleWait, appendInterval);
    }

    @Test
    void theKeyFileMustNotBeInThePublishedDirectory() {
        assertThatThrownBy(() -> settings(data.resolve("log").resolve("key"), 100, Duration.ofMillis(100), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("published");
    }

    @Test
    void theIdleWaitIsMoreThanZeroAndAtMostOneSecond() {
        assertThatThrownBy(() -> settings(data.resolve("key"), 100, Duration.ofSeconds(2), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(data.resolve("key"), 100, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAppendIntervalIsAtMostOneSecond() {
        assertThat(settings(data.resolve("key"), 100, Duration.ofMillis(100), Duration.ZERO).appendInterval()).isZero();
        assertThatThrownBy(() -> settings(data.resolve("key"), 100, Duration.ofMillis(100), Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(data.resolve("key"), 100, Duration.ofMillis(100), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchesAreBounded() {
        assertThatThrownBy(() -> settings(data.resolve("key"), 0, Duration.ofMillis(100), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(data.resolve("key"), 65_537, Duration.ofMillis(100), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOriginIsNotBlank() {
        assertThatThrownBy(() -> LedgerSettings.under(data, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
