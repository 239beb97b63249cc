package dev.recourse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /** A clock that moves only when told. */
    private static final class ManualClock implements InstantSource {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final StringWriter err = new StringWriter();

    private Progress progress(long total, Progress.Style style) {
        return Progress.of("appended", total, new PrintWriter(err), style, clock);
    }

    @Test
    void lineShowsCountTotalPercentAndRate() {
        var progress = progress(10_000_000, Progress.Style.LINES);
        clock.advance(Duration.ofSeconds(5));
        progress.advanceTo(1_550_000);

        assertThat(err.toString()).isEqualTo("appended 1,550,000 / 10,000,000 (15%) 310,000/s" + System.lineSeparator());
    }

    @Test
    void unboundedWorkShowsCountAndRate() {
        var progress = Progress.unbounded("verified", new PrintWriter(err), Progress.Style.LINES, clock);
        clock.advance(Duration.ofSeconds(10));
        progress.advance(2_000);

        assertThat(err.toString()).isEqualTo("verified 2,000 200/s" + System.lineSeparator());
    }

    @Test
    void linesAreNotPrintedMoreOftenThanEveryFiveSeconds() {
        var progress = progress(100, Progress.Style.LINES);
        clock.advance(Duration.ofSeconds(4));
        progress.advance(10);
        assertThat(err.toString()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        progress.advance(10);
        clock.advance(Duration.ofSeconds(1));
        progress.advance(10);

        assertThat(err.toString().lines()).containsExactly("appended 20 / 100 (20%) 4/s");
    }

    @Test
    void terminalRedrawsOneLineInPlaceAtMostFiveTimesASecond() {
        var progress = progress(1_000, Progress.Style.REDRAW);
        clock.advance(Duration.ofMillis(199));
        progress.advance(100);
        clock.advance(Duration.ofMillis(1));
        progress.advance(100);
        clock.advance(Duration.ofMillis(100));
        progress.advance(100);

        assertThat(err.toString()).isEqualTo("\rappended 200 / 1,000 (20%) 1,000/s");
    }

    @Test
    void redrawWipesWhatALongerLineLeft() {
        var progress = progress(100_000, Progress.Style.REDRAW);
        clock.advance(Duration.ofMillis(200));
        progress.advanceTo(99_000);
        clock.advance(Duration.ofSeconds(100));
        progress.advanceTo(99_001);

        String first = "appended 99,000 / 100,000 (99%) 495,000/s";
        String second = "appended 99,001 / 100,000 (99%) 988/s";
        assertThat(err.toString())
                .isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()));
    }

    @Test
    void closeOnATerminalEndsTheLine() {
        var progress = progress(10, Progress.Style.REDRAW);
        clock.advance(Duration.ofSeconds(1));
        progress.advanceTo(10);
        progress.close();

        assertThat(err.toString()).endsWith("\rappended 10 / 10 (100%) 10/s" + System.lineSeparator());
    }

    @Test
    void closePrintsTheFinalLineEvenForShortWorkAndOnlyOnce() {
        var progress = progress(3, Progress.Style.LINES);
        progress.advanceTo(3);
        progress.close();
        progress.close();

        assertThat(err.toString().lines()).containsExactly("appended 3 / 3 (100%)");
    }

    @Test
    void emptyWorkIsComplete() {
        progress(0, Progress.Style.LINES).close();

        assertThat(err.toString().lines()).containsExactly("appended 0 / 0 (100%)");
    }

    @Test
    void progressNeverGoesBackwards() {
        var progress = progress(10, Progress.Style.LINES);
        progress.advanceTo(5);

        assertThatThrownBy(() -> progress.advanceTo(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> progress.advance(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void progressNeverPassesTheTotal() {
        var progress = progress(10, Progress.Style.LINES);

        assertThatThrownBy(() -> progress.advanceTo(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closedProgressRejectsMoreWork() {
        var progress = progress(10, Progress.Style.LINES);
        progress.close();

        assertThatThrownBy(() -> progress.advance(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void totalMustNotBeNegative() {
        assertThatThrownBy(() -> progress(-1, Progress.Style.LINES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verbMustNotBeBlank() {
        assertThatThrownBy(() -> Progress.of(" ", 1, new PrintWriter(err), Progress.Style.LINES, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
