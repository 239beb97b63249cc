package dev.recourse.server.delivery;

import java.time.Instant;

/**
 * One attempt to deliver.
 *
 * @param number 1 for the first
 * @param at when it was made
 * @param accepted whether the receiver took it
 * @param detail what the receiver answered (an HTTP status, an SMTP reply), or why nothing was answered
 */
public record Attempt(int number, Instant at, boolean accepted, String detail) {
    public Attempt {
        if (number < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + number);
        }
    }
}
