package dev.recourse.store.idempotency;

import dev.recourse.core.event.RecordedEvent;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;

/**
 * A write that an {@code Idempotency-Key} makes idempotent, and how to answer it from the events it stores: the
 * answer is made and stored in the events' own transaction (see {@link AnswerProjection}).
 *
 * @param apiKey the key of the caller, whose claim of {@code key} is in {@code idempotent_request}
 * @param key the request's {@code Idempotency-Key}
 * @param item the item's index for one item of a batch; empty for a whole request
 * @param answer the answer to the write, from its events. It runs on the sequencer's thread, inside the transaction:
 *     it MUST be quick, MUST NOT read the database nor block, and MUST give the same answer the caller gets
 */
public record IdempotentWrite(UUID apiKey, String key, OptionalInt item, Function<List<RecordedEvent>, KeptAnswer> answer) {
    public IdempotentWrite {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(answer, "answer");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an Idempotency-Key is not empty");
        }
        if (item.isPresent() && item.getAsInt() < 0) {
            throw new IllegalArgumentException("an item's index is at least 0, not " + item.getAsInt());
        }
    }
}
