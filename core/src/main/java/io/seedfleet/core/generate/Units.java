package io.seedfleet.core.generate;

import io.seedfleet.core.schema.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * How a numeric or temporal column is held as a long: its format, scale, the range its type
 * allows, and the granularity values are generated at (whole seconds for timestamps, so that a
 * {@code timestamp(0)} column's rounding can never reorder two related columns).
 */
record Units(LongColumn.Format format, int scale, long min, long max, long granularity, long day) {
    static final long MICROS_PER_DAY = 86_400_000_000L;
    static final long SECOND = 1_000_000L;
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ HH:mm[:ss]]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd().optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    /** The units for a type, or null when the type is not numeric or temporal. */
    static Units of(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> integer(Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> integer(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
            case NUMERIC -> {
                // Generate at most 6 decimals and 17 digits in all: fewer decimals than the column
                // allows are always valid (numeric(65,30) takes 12.5), and a long holds them exactly.
                int declaredScale = type.scale() == null ? 2 : type.scale();
                int scale = Math.max(0, Math.min(declaredScale, 6));
                int integerDigits = type.precision() == null ? 15 : Math.max(0, type.precision() - declaredScale);
                long max = CopyTextWriter.POW10[Math.min(integerDigits + scale, 17)] - 1;
                yield new Units(LongColumn.Format.DECIMAL, scale, -max, max, 1, 0);
            }
            case REAL, DOUBLE, MONEY -> new Units(LongColumn.Format.DECIMAL, 2, -1_000_000_000_000L, 1_000_000_000_000L, 1, 0);
            case DATE -> new Units(LongColumn.Format.DATE, 0, LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay(), 1, 1);
            case TIMESTAMP, TIMESTAMPTZ -> new Units(type.kind() == io.seedfleet.core.schema.TypeKind.TIMESTAMP
                    ? LongColumn.Format.TIMESTAMP : LongColumn.Format.TIMESTAMPTZ, 0,
                    LocalDate.of(1, 1, 1).toEpochDay() * MICROS_PER_DAY, LocalDate.of(9999, 12, 31).toEpochDay() * MICROS_PER_DAY,
                    SECOND, MICROS_PER_DAY);
            case TIME, TIMETZ -> new Units(LongColumn.Format.TIME, 0, 0, MICROS_PER_DAY - SECOND, SECOND, MICROS_PER_DAY);
            default -> null;
        };
    }

    private static Units integer(long min, long max) {
        return new Units(LongColumn.Format.INTEGER, 0, min, max, 1, 0);
    }

    boolean temporal() {
        return day != 0;
    }

    /** A CHECK literal in these units, rounded up (lower bounds) or down (upper bounds) to the granularity. */
    long parse(String literal, boolean roundUp) {
        return switch (format) {
            case INTEGER, DECIMAL -> new BigDecimal(literal).movePointRight(scale)
                    .setScale(0, roundUp ? RoundingMode.CEILING : RoundingMode.FLOOR).longValueExact();
            case DATE -> LocalDate.parse(literal.substring(0, 10)).toEpochDay();
            case TIMESTAMP, TIMESTAMPTZ -> align(timestampMicros(literal), roundUp);
            case TIME -> align(LocalTime.parse(literal).toNanoOfDay() / 1000, roundUp);
            case BOOLEAN -> Boolean.parseBoolean(literal) ? 1 : 0;
        };
    }

    long align(long value, boolean up) {
        long down = Math.floorDiv(value, granularity) * granularity;
        return up && down != value ? down + granularity : down;
    }

    private static long timestampMicros(String literal) {
        var parsed = TIMESTAMP.parseBest(literal.trim(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        if (parsed instanceof OffsetDateTime o) return o.toEpochSecond() * SECOND + o.getNano() / 1000;
        if (parsed instanceof LocalDateTime l) return l.toEpochSecond(ZoneOffset.UTC) * SECOND + l.getNano() / 1000;
        return ((LocalDate) parsed).toEpochDay() * MICROS_PER_DAY;
    }
}
