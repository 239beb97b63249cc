package dev.recourse.store.projection;

import java.time.LocalDate;

/**
 * The transparency counts of one day (UTC) for one set of dimensions.
 *
 * @param day the day the counted events happened
 * @param dimensions the decisions' dimensions
 * @param counts what was counted
 */
public record Rollup(LocalDate day, Dimensions dimensions, RollupCounts counts) {}
