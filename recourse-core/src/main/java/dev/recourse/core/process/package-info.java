/**
 * The decision pipeline: {@link dev.recourse.core.process.DueProcess} checks a command, decides, and appends the
 * resulting events to the {@link dev.recourse.core.port.EventStore}, all or nothing; state is a fold of events.
 * {@link dev.recourse.core.process.Timers} finds what the clock has made due.
 */
package dev.recourse.core.process;
