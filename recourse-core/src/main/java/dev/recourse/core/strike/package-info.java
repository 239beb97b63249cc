/**
 * Measures against misuse (DSA Art. 23): strikes against accounts, which expire, and the warning and then timed
 * suspension of the processing of notices from a notifier who keeps sending manifestly unfounded ones.
 */
package dev.recourse.core.strike;
