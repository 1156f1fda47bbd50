package io.seedfleet.datasets;

/**
 * Summary statistics of one column as the database holds it: {@code count} non-null values, {@code nulls},
 * {@code distinct} non-null values, and the smallest and largest value as text (numbers and times in
 * their own order, everything else in byte order); min and max are null when every value is null.
 */
public record ColumnStats(long count, long nulls, long distinct, String min, String max) {}
