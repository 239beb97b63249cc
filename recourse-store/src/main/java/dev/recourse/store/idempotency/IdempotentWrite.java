package dev.recourse.store.idempotency;

import dev.recourse.core.event.RecordedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;

/**
 * A write that an {@code Idempotency-Key} makes idempotent, and how to answer it from the events it stores: the
 * answer is made and stored in the events' own transaction (see {@link AnswerProjection}).
 *
 * @param apiKey the key of the caller
 * @param key the request's {@code Idempotency-Key}
 * @param item the item's index for one item of a batch; empty for a whole request
 * @param claim how the key is claimed: before the write, or with its events
 * @param answer the answer to the write, from its events. It runs on the sequencer's thread, inside the transaction:
 *     it MUST be quick, MUST NOT read the database nor block, and MUST give the same answer the caller gets
 */
public record IdempotentWrite(UUID apiKey, String key, OptionalInt item, KeyClaim claim,
        Function<List<RecordedEvent>, KeptAnswer> answer) {
    public IdempotentWrite {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(answer, "answer");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an Idempotency-Key is not empty");
        }
        if (item.isPresent() && item.getAsInt() < 0) {
            throw new IllegalArgumentException("an item's index is at least 0, not " + item.getAsInt());
        }
        if (item.isPresent() && claim instanceof KeyClaim.WithEvents) {
            throw new IllegalArgumentException("an item of a batch answers under the batch's claim, made before");
        }
    }

    /** A write whose key the caller claimed before, in {@code idempotent_request}, in a transaction of its own. */
    public IdempotentWrite(UUID apiKey, String key, OptionalInt item, Function<List<RecordedEvent>, KeptAnswer> answer) {
        this(apiKey, key, item, new KeyClaim.Before(), answer);
    }

    /** How a write's {@code Idempotency-Key} is claimed in {@code idempotent_request}. */
    public sealed interface KeyClaim {
        /** By the caller, before the write, in a transaction of its own; the events' transaction stores the answer. */
        record Before() implements KeyClaim {}

        /**
         * In the events' transaction, with the answer: a write whose key is held already (a concurrent duplicate took
         * it, or the request was answered before) is refused there, none of its events stored.
         *
         * @param requestHash the SHA-256 of the request (its method, path and body), 32 bytes; not copied: callers
         *     MUST NOT change it after handing it over
         * @param startedAt when the request came
         */
        record WithEvents(byte[] requestHash, Instant startedAt) implements KeyClaim {
            public WithEvents {
                Objects.requireNonNull(startedAt, "startedAt");
                if (requestHash.length != 32) {
                    throw new IllegalArgumentException("a request's hash is a SHA-256 of 32 bytes, not " + requestHash.length);
                }
            }
        }
    }
}
