package dev.recourse.server.transparency;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code recourse serve} publishes by itself, set by the {@code dsa.*} and {@code dump.*} settings
 * (docs/operations.md): the statements of reasons sent to the DSA Transparency Database, and the daily dumps.
 *
 * @param dsaApi the Transparency Database's address ({@code dsa.api-url}); empty: nothing is sent
 * @param dsaToken its API token ({@code dsa.token}); present exactly when {@code dsaApi} is
 * @param submitEvery how often the statements not yet accepted are sent ({@code dsa.submit-every-seconds})
 * @param dumpDirectory where the daily dumps go ({@code dump.directory}); empty: none are written
 */
public record Publishing(Optional<URI> dsaApi, Optional<String> dsaToken, Duration submitEvery, Optional<Path> dumpDirectory) {
    /** Nothing published by itself. */
    public static final Publishing NONE = new Publishing(Optional.empty(), Optional.empty(), Duration.ofMinutes(5), Optional.empty());

    public Publishing {
        Objects.requireNonNull(dsaApi);
        Objects.requireNonNull(dsaToken);
        Objects.requireNonNull(dumpDirectory);
        if (dsaApi.isPresent() != dsaToken.isPresent()) {
            throw new IllegalArgumentException("the Transparency Database's address and token go together");
        }
        if (!submitEvery.isPositive()) {
            throw new IllegalArgumentException("statements are sent every positive while, not every " + submitEvery);
        }
    }

    /** Whether serving publishes anything by itself. */
    public boolean any() {
        return dsaApi.isPresent() || dumpDirectory.isPresent();
    }

    /** Shows everything but the token. */
    @Override
    public String toString() {
        return "Publishing[dsaApi=" + dsaApi.map(URI::toString).orElse("(off)") + ", dsaToken=" + (dsaToken.isPresent() ? "(set)" : "(none)")
                + ", submitEvery=" + submitEvery + ", dumpDirectory=" + dumpDirectory.map(Path::toString).orElse("(off)") + "]";
    }
}
