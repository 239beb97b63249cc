package dev.recourse.store.sequencer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteTest {
    private final NewEvent event = TestEvents.event("t");

    @Test
    void aWriteNamesItsStream() {
        assertThatThrownBy(() -> new Write(" ", ExpectedVersion.ANY, List.of(event)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesHoldNoNulCharacter() {
        assertThatThrownBy(() -> new Write("a\0b", ExpectedVersion.ANY, List.of(event)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> new NewEvent("t\0", event.occurredAt(), event.payload(), event.publicEntry(),
                event.privateRecord())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    @Test
    void aWriteHoldsAtLeastOneEvent() {
        assertThatThrownBy(() -> new Write("s", ExpectedVersion.ANY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpectedVersionIsNotNegative() {
        assertThatThrownBy(() -> ExpectedVersion.exactly(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expectedVersionsAdmitWhatTheySay() {
        assertThat(ExpectedVersion.ANY.admits(7)).isTrue();
        assertThat(ExpectedVersion.NO_STREAM.admits(0)).isTrue();
        assertThat(ExpectedVersion.NO_STREAM.admits(1)).isFalse();
        assertThat(ExpectedVersion.exactly(3).admits(3)).isTrue();
        assertThat(ExpectedVersion.exactly(3).admits(4)).isFalse();
    }

    @Test
    void aPublicEntryFitsInALogEntry() {
        assertThatThrownBy(() -> new NewEvent("t", event.occurredAt(), event.payload(), new byte[65_536], event.privateRecord()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
        assertThatThrownBy(() -> new NewEvent("t", event.occurredAt(), event.payload(), new byte[0], event.privateRecord()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventTypeIsNotBlank() {
        assertThatThrownBy(() -> new NewEvent(" ", event.occurredAt(), event.payload(), event.publicEntry(), event.privateRecord()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSaltIsAtLeastSixteenBytes() {
        assertThatThrownBy(() -> new PrivateRecord(new byte[15], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16");
    }

    @Test
    void aPositionRangeIsNotEmpty() {
        assertThatThrownBy(() -> new PositionRange(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PositionRange(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PositionRange(5, 3).last()).isEqualTo(7);
        assertThat(new PositionRange(5, 3).contains(8)).isFalse();
    }
}
