/**
 * The HTTP load generator: it serves the real API in-process on the embedded defaults, in a temporary directory, and
 * drives it over loopback with a realistic mix of reads, notices, decisions and appeals, open-loop at a target rate,
 * with latencies that count from each request's scheduled start (so a server that falls behind shows it).
 */
package dev.recourse.bench.load;
