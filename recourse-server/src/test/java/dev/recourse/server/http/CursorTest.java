package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CursorTest {
    @Property(tries = 200)
    void aCursorReadsBackAsItWasWritten(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long after) {
        Cursor cursor = new Cursor(after);

        assertThat(Cursor.parse(cursor.encode())).contains(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]{11}");
    }

    @Property(tries = 500)
    void anyTextIsACursorOrNotButNeverAnError(@ForAll String text) {
        Cursor.parse(text).ifPresent(c -> assertThat(c.encode()).isEqualTo(text));
    }

    @Test
    void aNegativePositionIsNotACursor() {
        assertThat(Cursor.parse("_____________".substring(0, 11))).isEmpty();
    }

    @Test
    void aSecondSpellingOfTheSameBytesIsRefused() {
        String encoded = new Cursor(1).encode();
        String other = encoded.substring(0, 10) + (char) (encoded.charAt(10) + 1);

        assertThat(Cursor.parse(other)).isEmpty();
    }
}
