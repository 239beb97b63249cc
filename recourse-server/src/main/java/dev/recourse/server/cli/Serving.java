package dev.recourse.server.cli;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * What a command does while it serves at {@code url}: serving stops when it returns or throws. Commands wait until
 * the program is ended ({@link #untilStopped}); tests put their checks here instead.
 */
@FunctionalInterface
interface Serving {
    /** Runs while the command serves at {@code url}. */
    void during(URI url) throws InterruptedException, IOException;

    /** Waits until the program is ended (Ctrl-C). */
    static Serving untilStopped() {
        return url -> new CountDownLatch(1).await();
    }
}
