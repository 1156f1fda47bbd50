package io.seedfleet.core.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, written straight into a reusable byte buffer: no Strings,
 * no boxing, no per-value allocation on the hot path. Values that come from pools are escaped and
 * encoded once ({@link #escape}) and then copied as bytes.
 */
public final class CopyTextWriter {
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] buf;
    private int len;
    private boolean firstInRow = true;

    public CopyTextWriter(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    public byte[] buffer() {
        return buf;
    }

    public int length() {
        return len;
    }

    public void reset() {
        len = 0;
        firstInRow = true;
    }

    /** Starts a field: the column separator goes before every field but the first of a row. */
    public CopyTextWriter field() {
        if (!firstInRow) put((byte) '\t');
        firstInRow = false;
        return this;
    }

    public void endRow() {
        put((byte) '\n');
        firstInRow = true;
    }

    public void writeNull() {
        bytes(NULL);
    }

    public void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    public void bytes(byte[] b, int from, int count) {
        ensure(count);
        System.arraycopy(b, from, buf, len, count);
        len += count;
    }

    public void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    /** ASCII text known to need no escaping (digits, letters, punctuation other than backslash). */
    public void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
    }

    /** Any text, escaped for COPY; used off the hot path (pooled values are pre-escaped). */
    public void text(String s) {
        bytes(escape(s));
    }

    public void longValue(long v) {
        if (v == Long.MIN_VALUE) {
            ascii("-9223372036854775808");
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int digits = digitCount(v);
        int end = len + digits;
        int pos = end;
        while (v > Integer.MAX_VALUE) { // long division only for the high digits
            int r = (int) (v % 100);
            v /= 100;
            buf[--pos] = DIGIT_PAIRS[2 * r + 1];
            buf[--pos] = DIGIT_PAIRS[2 * r];
        }
        int i = (int) v;
        while (i >= 100) {
            int q = i / 100;
            int r = i - q * 100;
            i = q;
            buf[--pos] = DIGIT_PAIRS[2 * r + 1];
            buf[--pos] = DIGIT_PAIRS[2 * r];
        }
        if (i >= 10) {
            buf[--pos] = DIGIT_PAIRS[2 * i + 1];
            buf[--pos] = DIGIT_PAIRS[2 * i];
        } else {
            buf[--pos] = (byte) ('0' + i);
        }
        len = end;
    }

    /** A number with leading zeros to {@code width} digits (non-negative values only). */
    public void zeroPadded(long v, int width) {
        int digits = digitCount(v);
        ensure(width);
        for (int i = digits; i < width; i++) buf[len++] = '0';
        longValue(v);
    }

    /** An unscaled decimal rendered with {@code scale} digits after the point. */
    public void decimal(long unscaled, int scale) {
        if (scale <= 0) {
            longValue(unscaled);
            return;
        }
        if (unscaled < 0) {
            put((byte) '-');
            unscaled = -unscaled;
        }
        long pow = POW10[scale];
        longValue(unscaled / pow);
        put((byte) '.');
        zeroPadded(unscaled % pow, scale);
    }

    /** A date (days since 1970-01-01) as YYYY-MM-DD (Howard Hinnant's civil_from_days, allocation-free). */
    public void date(long epochDay) {
        long z = epochDay + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1) throw new IllegalArgumentException("date before year 1: " + epochDay);
        ensure(10);
        if (year < 10000) {
            int y = (int) year;
            buf[len++] = DIGIT_PAIRS[2 * (y / 100)];
            buf[len++] = DIGIT_PAIRS[2 * (y / 100) + 1];
            buf[len++] = DIGIT_PAIRS[2 * (y % 100)];
            buf[len++] = DIGIT_PAIRS[2 * (y % 100) + 1];
        } else {
            longValue(year);
        }
        put((byte) '-');
        twoDigits(month);
        put((byte) '-');
        twoDigits(day);
    }

    /** Microseconds of a day as HH:MM:SS[.ffffff]. */
    public void time(long micros) {
        long seconds = micros / 1_000_000;
        twoDigits((int) (seconds / 3600));
        put((byte) ':');
        twoDigits((int) (seconds / 60 % 60));
        put((byte) ':');
        twoDigits((int) (seconds % 60));
        long fraction = micros % 1_000_000;
        if (fraction != 0) {
            put((byte) '.');
            zeroPadded(fraction, 6);
        }
    }

    /** Microseconds since the epoch (UTC) as a timestamp; with {@code zone} the "+00" offset is added. */
    public void timestamp(long epochMicros, boolean zone) {
        long day = Math.floorDiv(epochMicros, 86_400_000_000L);
        date(day);
        put((byte) ' ');
        time(epochMicros - day * 86_400_000_000L);
        if (zone) {
            put((byte) '+');
            put((byte) '0');
            put((byte) '0');
        }
    }

    /**
     * Cuts the value written since {@code mark} to at most {@code maxChars} characters, at a
     * character boundary (an escape pair such as backslash-n counts as one character).
     */
    public void truncate(int mark, int maxChars) {
        if (len - mark <= maxChars) return; // bytes >= characters: nothing to cut
        len = Math.min(len, advance(mark, maxChars));
    }

    /** Pads the value written since {@code mark} with 'x' up to {@code minChars} characters. */
    public void padTo(int mark, int minChars) {
        if (len - mark >= 4 * minChars) return; // surely long enough whatever the encoding
        int chars = 0;
        for (int i = mark; i < len; i = advance(i, 1)) chars++;
        for (; chars < minChars; chars++) put((byte) 'x');
    }

    /** The byte position {@code chars} characters after {@code from}. */
    private int advance(int from, int chars) {
        int i = from;
        for (int c = 0; c < chars && i < len; c++) {
            int b = buf[i] & 0xff;
            i += b == '\\' ? 2 : b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        }
        return i;
    }

    /** A non-negative number in base 36, lower case, zero-padded to {@code width}. */
    public void base36(long v, int width) {
        ensure(Math.max(width, 13));
        int digits = 1;
        for (long x = v / 36; x > 0; x /= 36) digits++;
        for (int i = digits; i < width; i++) buf[len++] = '0';
        int end = len + digits;
        for (int pos = end - 1; pos >= len; pos--) {
            int d = (int) (v % 36);
            buf[pos] = (byte) (d < 10 ? '0' + d : 'a' + d - 10);
            v /= 36;
        }
        len = end;
    }

    private void twoDigits(int v) {
        ensure(2);
        buf[len++] = DIGIT_PAIRS[2 * v];
        buf[len++] = DIGIT_PAIRS[2 * v + 1];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }

    static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    static int digitCount(long v) {
        int d = 1;
        while (d < 19 && v >= POW10[d]) d++;
        return d;
    }

    /** COPY text back to the value it stands for (the inverse of {@link #escape}). */
    public static String unescape(String copyText) {
        if (copyText.indexOf('\\') < 0) return copyText;
        StringBuilder b = new StringBuilder(copyText.length());
        for (int i = 0; i < copyText.length(); i++) {
            char c = copyText.charAt(i);
            if (c == '\\' && i + 1 < copyText.length()) {
                char n = copyText.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Text escaped for COPY (backslash, tab, newline, carriage return) and encoded as UTF-8. */
    public static byte[] escape(String s) {
        boolean clean = true;
        for (int i = 0; i < s.length() && clean; i++) {
            char c = s.charAt(i);
            clean = c != '\\' && c != '\t' && c != '\n' && c != '\r';
        }
        if (clean) return s.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
