package dev.recourse.core.process;

import dev.recourse.core.FieldError;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.StreamId;
import java.util.List;

/** What came of a command. */
public sealed interface Result {
    /** The command was carried out; these events were stored, in order. */
    record Accepted(List<RecordedEvent> events) implements Result {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** The command was refused and nothing changed; each error names a field of the command or statement. */
    record Rejected(List<FieldError> errors) implements Result {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one field");
            }
        }
    }

    /** Others kept changing {@code stream} while the command was decided; nothing changed; try again. */
    record Contended(StreamId stream) implements Result {}
}
