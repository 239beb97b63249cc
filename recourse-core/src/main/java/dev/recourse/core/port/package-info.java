/**
 * The ports through which the core talks to the world; adapters elsewhere implement them. Time is
 * {@link java.time.InstantSource} and randomness {@link java.util.random.RandomGenerator}, both injected.
 */
package dev.recourse.core.port;
