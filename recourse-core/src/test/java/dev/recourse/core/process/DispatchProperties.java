package dev.recourse.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.entry.RecordArbitraries;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.notice.NotifierId;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** {@link Dispatch#DELIVERING} names exactly the events that deliver something, so passing over the rest loses nothing. */
class DispatchProperties {
    @Provide
    Arbitrary<Event> events() {
        return RecordArbitraries.of(Event.class);
    }

    @Property(tries = 600)
    void anEventDeliversSomethingExactlyWhenItsTypeIsAmongTheDelivering(@ForAll("events") Event event) {
        AtomicInteger delivered = new AtomicInteger();
        new Dispatch(action -> delivered.incrementAndGet(), message -> delivered.incrementAndGet())
                .deliver(new RecordedEvent(0, StreamId.of(new NotifierId("n")), 1, event));
        Statistics.label("type").collect(event.type());
        Statistics.label("type").coverage(c -> Dispatch.DELIVERING.forEach(t -> c.check(t.getSimpleName()).count(n -> n > 0)));
        assertThat(delivered.get() > 0).as(event.type()).isEqualTo(Dispatch.DELIVERING.contains(event.getClass()));
    }
}
