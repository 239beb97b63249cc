/**
 * The due-process core of Recourse: subjects, notices, cases, decisions with their statements of reasons,
 * restrictions, appeals and reversals, the register of authority requests, strikes and misuse, and the
 * ports through which the core talks to storage, the transparency log, people and the platform.
 *
 * <p>Plain Java on the JDK alone. Time comes from an injected {@link java.time.InstantSource} and randomness
 * from an injected {@link java.util.random.RandomGenerator}; the core never reads the system clock.
 * The entry point is {@link dev.recourse.core.process.DueProcess}.
 */
package dev.recourse.core;
