package dev.recourse.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.Validation;
import dev.recourse.core.entry.EventCodec;
import dev.recourse.core.event.Event;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.process.CommandSequences.Step;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every event the core records for random command sequences is read back equal from its stored form. */
class StoredEventProperties {

    @Provide
    Arbitrary<List<Step>> steps() {
        return CommandSequences.steps();
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void everyRecordedEventReadsBackEqual(@ForAll("steps") List<Step> steps) {
        Fixture f = new Fixture(steps.size());
        steps.forEach(step -> CommandSequences.take(f, step));
        for (RecordedEvent recorded : f.all()) {
            Event event = recorded.event();
            byte[] stored = EventCodec.encode(event);
            assertThat(EventCodec.decode(stored)).as(EventCodec.type(event)).isEqualTo(new Validation.Valid<>(event));
            assertThat(EventCodec.encode(EventCodec.decode(stored).orElseThrow())).isEqualTo(stored);
        }
    }
}
