package dev.recourse.server.cli;

import java.io.PrintWriter;
import java.time.InstantSource;

/**
 * {@link Progress} towards a total that is learnt only once the work has begun (from the snapshot of the database it
 * reads): nothing is reported before {@link #total}, and closing reports the last line if it began.
 */
final class LateProgress implements AutoCloseable {
    private final String verb;
    private final PrintWriter err;
    private final InstantSource clock;
    private Progress progress;

    LateProgress(String verb, PrintWriter err, InstantSource clock) {
        this.verb = verb;
        this.err = err;
        this.clock = clock;
    }

    /** The work holds {@code total} units; reporting begins. */
    void total(long total) {
        progress = Progress.of(verb, total, err, Progress.Style.forStderr(), clock);
    }

    /** Counts {@code count} more units done, if reporting has begun; safe from several threads. */
    void advance(long count) {
        if (progress != null) {
            progress.advance(count);
        }
    }

    /** Sets the units done so far, if reporting has begun. */
    void advanceTo(long done) {
        if (progress != null) {
            progress.advanceTo(done);
        }
    }

    @Override
    public void close() {
        if (progress != null) {
            progress.close();
        }
    }
}
