package dev.recourse.store.database;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {
    private final Path data = Path.of("recourse-data");

    @Test
    void noUrlMeansTheEmbeddedServer() {
        assertThat(DatabaseSettings.embedded(data).isEmbedded()).isTrue();
        assertThat(DatabaseSettings.external("jdbc:postgresql://db/recourse", "u", "p", data).isEmbedded()).isFalse();
    }

    @Test
    void onlyPostgresqlUrlsAreAccepted() {
        assertThatThrownBy(() -> DatabaseSettings.external("jdbc:mysql://db/recourse", "u", "p", data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void credentialsNeedAUrl() {
        assertThatThrownBy(() -> new DatabaseSettings(Optional.empty(), Optional.of("u"), Optional.empty(), data, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URL");
    }

    @Test
    void thePoolSizeIsBounded() {
        assertThatThrownBy(() -> DatabaseSettings.embedded(data).withPoolSize(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseSettings.embedded(data).withPoolSize(201)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(DatabaseSettings.external("jdbc:postgresql://db/recourse", "u", "s3cret", data).toString())
                .doesNotContain("s3cret").contains("(set)");
    }
}
