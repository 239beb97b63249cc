package dev.recourse.server.delivery;

/** Sends a channel's deliveries. Implementations MUST be safe to call from several threads at once. */
interface Transport {
    /**
     * One attempt to send {@code delivery}.
     *
     * @throws InterruptedException if the attempt was interrupted (the service stops); it is tried again later
     */
    Sent send(Deliveries.Claimed delivery) throws InterruptedException;

    /**
     * How an attempt went.
     *
     * @param accepted whether the receiver took it
     * @param detail what the receiver answered, or why nothing was answered; for the attempt's record
     */
    record Sent(boolean accepted, String detail) {}
}
