package dev.recourse.server.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A delivery as the queue keeps it.
 *
 * @param id its id: the {@code webhook-id} of each attempt
 * @param number its place in the order deliveries were made; for paging
 * @param position the event that asked for it
 * @param channel where it goes
 * @param type what it is
 * @param createdAt when the dispatcher took it in
 * @param state where it stands
 * @param failures attempts that failed since it was made or last replayed
 * @param nextAttemptAt when it is tried next, while pending
 * @param deliveredAt when the receiver accepted it
 * @param acknowledgedAt when the platform acknowledged the action
 * @param failureReason why the platform could not apply the action
 * @param attempts every attempt, oldest first (empty where a listing leaves them out)
 */
public record Delivery(UUID id, long number, long position, Channel channel, String type, Instant createdAt,
        DeliveryState state, int failures, Optional<Instant> nextAttemptAt, Optional<Instant> deliveredAt,
        Optional<Instant> acknowledgedAt, Optional<String> failureReason, List<Attempt> attempts) {
    public Delivery {
        attempts = List.copyOf(attempts);
    }
}
