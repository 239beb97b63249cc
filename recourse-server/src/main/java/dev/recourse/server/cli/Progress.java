package dev.recourse.server.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Progress of long work, reported on stderr: {@code appended 1,200,000 / 10,000,000 (12%) 310,000/s}.
 *
 * <p>On a terminal the line is redrawn in place a few times a second; elsewhere (logs, pipes, CI) a new
 * line is printed every few seconds, so the output stays readable. Closing prints the final line, always.
 * The rate is the average since the start.
 *
 * <p>Reporting reads the injected clock on every {@link #advance}; in a tight loop, advance once per
 * batch. The methods are safe to call from several threads.
 */
final class Progress implements AutoCloseable {
    /** How the reports are laid out. */
    enum Style {
        /** One line redrawn in place with a carriage return, at most five times a second: for a terminal. */
        REDRAW(Duration.ofMillis(200)),
        /** A new line at most every five seconds: for logs and pipes. */
        LINES(Duration.ofSeconds(5));

        private final long intervalMillis;

        Style(Duration interval) {
            this.intervalMillis = interval.toMillis();
        }

        /**
         * The style for this process's stderr. Java cannot tell whether stderr is a terminal, so
         * {@code bin/recourse} says so in the system property {@code recourse.stderr.terminal}; without
         * it, {@link #LINES}.
         */
        static Style forStderr() {
            return Boolean.getBoolean("recourse.stderr.terminal") ? REDRAW : LINES;
        }
    }

    private final String verb;
    private final OptionalLong total;
    private final PrintWriter err;
    private final Style style;
    private final InstantSource clock;
    private final long startMillis;
    private long lastReportMillis;
    private long done;
    private int drawnLength;
    private boolean closed;

    private Progress(String verb, OptionalLong total, PrintWriter err, Style style, InstantSource clock) {
        if (verb.isBlank()) {
            throw new IllegalArgumentException("progress needs a verb, e.g. \"appended\"");
        }
        if (total.isPresent() && total.getAsLong() < 0) {
            throw new IllegalArgumentException("a total is at least 0, not " + total.getAsLong());
        }
        this.verb = verb;
        this.total = total;
        this.err = err;
        this.style = style;
        this.clock = clock;
        this.startMillis = clock.millis();
        this.lastReportMillis = startMillis;
    }

    /** Progress towards a known {@code total}, e.g. {@code of("appended", 10_000_000, ...)}. */
    static Progress of(String verb, long total, PrintWriter err, Style style, InstantSource clock) {
        return new Progress(verb, OptionalLong.of(total), err, style, clock);
    }

    /** Progress of work whose size is not known in advance: counts and rate only. */
    static Progress unbounded(String verb, PrintWriter err, Style style, InstantSource clock) {
        return new Progress(verb, OptionalLong.empty(), err, style, clock);
    }

    /** Counts {@code count} more units done, reporting if it is time to. */
    synchronized void advance(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("progress only goes forward, not by " + count);
        }
        advanceTo(Math.addExact(done, count));
    }

    /** Sets the units done so far to {@code done}, reporting if it is time to. */
    synchronized void advanceTo(long done) {
        if (closed) {
            throw new IllegalStateException("progress of \"" + verb + "\" is already closed");
        }
        if (done < this.done) {
            throw new IllegalArgumentException("progress only goes forward: " + done + " after " + this.done);
        }
        if (total.isPresent() && done > total.getAsLong()) {
            throw new IllegalArgumentException(done + " done is more than the total " + total.getAsLong());
        }
        this.done = done;
        long now = clock.millis();
        if (now - lastReportMillis >= style.intervalMillis) {
            lastReportMillis = now;
            draw(line(now), false);
        }
    }

    /** Prints the final line; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            draw(line(clock.millis()), true);
        }
    }

    /** The report as of {@code nowMillis}, e.g. {@code appended 1,200,000 / 10,000,000 (12%) 310,000/s}. */
    private String line(long nowMillis) {
        var line = new StringBuilder(verb).append(' ').append(count(done));
        total.ifPresent(all -> line.append(" / ").append(count(all)).append(" (").append(percent(done, all)).append("%)"));
        long elapsedMillis = nowMillis - startMillis;
        if (elapsedMillis > 0) {
            line.append(' ').append(count(Math.round(done * 1000.0 / elapsedMillis))).append("/s");
        }
        return line.toString();
    }

    private void draw(String line, boolean last) {
        switch (style) {
            case REDRAW -> {
                // Spaces wipe what is left of a longer line drawn before.
                err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
                drawnLength = line.length();
                if (last) {
                    err.println();
                }
            }
            case LINES -> err.println(line);
        }
        err.flush();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static long percent(long done, long total) {
        if (total == 0) {
            return 100;
        }
        return total <= Long.MAX_VALUE / 100 ? done * 100 / total : done / (total / 100);
    }
}
