package dev.recourse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IdsProperties {
    private static final long LAST_MILLISECOND = (1L << 48) - 1;

    @Property
    void anOrderedIdIsAVersion7UuidHoldingItsMillisecond(@ForAll @LongRange(min = 0, max = LAST_MILLISECOND) long millis,
                                                         @ForAll long seed) {
        UUID id = Ids.ordered(new SplittableRandom(seed), Instant.ofEpochMilli(millis));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Property
    void anIdMadeInALaterMillisecondSortsAfter(@ForAll @LongRange(min = 0, max = LAST_MILLISECOND - 1) long millis,
                                               @ForAll @LongRange(min = 1, max = 1_000_000) long later, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        UUID first = Ids.ordered(random, Instant.ofEpochMilli(millis));
        UUID second = Ids.ordered(random, Instant.ofEpochMilli(Math.min(LAST_MILLISECOND, millis + later)));

        // As text too: stream ids and the database's text columns hold ids as their canonical hex form.
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits())).isNegative();
        assertThat(first.toString()).isLessThan(second.toString());
    }

    @Test
    void aTimeBefore1970HasNoOrderedId() {
        assertThatThrownBy(() -> Ids.ordered(new SplittableRandom(1), Instant.parse("1969-12-31T23:59:59.999Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1969-12-31T23:59:59.999Z");
    }

    @Test
    void aTimeBeyond48BitsOfMillisecondsHasNoOrderedId() {
        assertThatThrownBy(() -> Ids.ordered(new SplittableRandom(1), Instant.ofEpochMilli(LAST_MILLISECOND + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
