package dev.recourse.core.entry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.event.Event;
import dev.recourse.core.json.CanonicalJson;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Log entries and private records are written straight from the records into bytes; those bytes MUST be exactly the
 * canonical JSON of the trees the same events used to be built into, since the log's format is fixed.
 */
class DirectWriterProperties {

    @Provide
    Arbitrary<Event> events() {
        return RecordArbitraries.of(Event.class);
    }

    @Property(tries = 600)
    void thePrivateRecordIsTheCanonicalFormOfTheEventsTree(@ForAll("events") Event event) {
        assertThat(EventCodec.encode(event)).isEqualTo(CanonicalJson.utf8(EventCodec.json(event)));
    }

    @Property(tries = 600)
    void thePublicEntryIsTheCanonicalFormOfItsTree(@ForAll("events") Event event, @ForAll long seed) {
        LogEntry entry = LogEntry.seal(event, new Random(seed));
        String commit = HexFormat.of().formatHex(LogEntry.commit(entry.salt(), entry.privateRecord()));
        assertThat(entry.publicEntry()).isEqualTo(CanonicalJson.utf8(TreeEntries.publicEntry(event, commit)));
    }

    @Property(tries = 200)
    void thePublicPartReadsBackAsItsTree(@ForAll("events") Event event) {
        assertThat(CanonicalJson.write(LogEntry.publicPart(event))).isEqualTo(CanonicalJson.write(TreeEntries.publicPart(event)));
    }
}
