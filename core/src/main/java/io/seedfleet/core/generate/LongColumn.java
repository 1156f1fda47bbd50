package io.seedfleet.core.generate;

import java.util.function.LongUnaryOperator;

/**
 * A column whose values are longs in the column's unit (integers; decimals as unscaled values;
 * dates as epoch days; timestamps as epoch microseconds; times as microseconds of the day;
 * booleans as 0/1). Keeping one numeric form lets a column be derived from another
 * ({@code ends_at > starts_at}) by arithmetic, and keeps boxing off the hot path.
 */
public final class LongColumn implements ColumnGenerator {

    /** How a long is rendered into COPY text. */
    public enum Format {
        INTEGER, DATE, TIMESTAMP, TIMESTAMPTZ, TIME, BOOLEAN, DECIMAL;
    }

    private final LongUnaryOperator values;
    private final Format format;
    private final int scale;

    public LongColumn(LongUnaryOperator values, Format format, int scale) {
        this.values = values;
        this.format = format;
        this.scale = scale;
    }

    public long value(long row) {
        return values.applyAsLong(row);
    }

    public Format format() {
        return format;
    }

    public int scale() {
        return scale;
    }


    @Override
    public void write(long row, CopyTextWriter out) {
        long v = values.applyAsLong(row);
        switch (format) {
            case INTEGER -> out.longValue(v);
            case DECIMAL -> out.decimal(v, scale);
            case DATE -> out.date(v);
            case TIMESTAMP -> out.timestamp(v, false);
            case TIMESTAMPTZ -> out.timestamp(v, true);
            case TIME -> out.time(v);
            case BOOLEAN -> out.put(v != 0 ? (byte) 't' : (byte) 'f');
        }
    }
}
