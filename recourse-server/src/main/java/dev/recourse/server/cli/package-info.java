/**
 * The {@code recourse} command line: {@link dev.recourse.server.cli.Recourse} is the entry point, and
 * its Javadoc says how to add a command, the exit codes, and where errors and progress go.
 */
package dev.recourse.server.cli;
