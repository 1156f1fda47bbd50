package io.seedfleet.masking.run;

import io.seedfleet.masking.method.ColumnMasker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rewrites rows of PostgreSQL's COPY text format, masking the fields that have a masker. Fields
 * without one are copied byte for byte; masked ones are decoded (backslash escapes, {@code \N} for
 * NULL), masked, and encoded again. NULL stays NULL: it carries nothing to hide.
 */
final class CopyText {
    private final ColumnMasker[] maskers;
    private final boolean masksAnything;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    CopyText(List<ColumnMasker> maskers) {
        this.maskers = maskers.toArray(ColumnMasker[]::new);
        boolean any = false;
        for (ColumnMasker m : this.maskers) any |= m != null;
        this.masksAnything = any;
    }

    /** One row as COPY wrote it (ending in a newline) to the row to load. */
    byte[] mask(byte[] row) {
        if (!masksAnything) return row;
        out.reset();
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        int field = 0;
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || row[i] == '\t') {
                if (field > 0) out.write('\t');
                ColumnMasker m = field < maskers.length ? maskers[field] : null;
                if (m == null || (i - start == 2 && row[start] == '\\' && row[start + 1] == 'N')) {
                    out.write(row, start, i - start);
                } else {
                    String masked = m.mask(decode(row, start, i));
                    encode(masked, out);
                }
                field++;
                start = i + 1;
            }
        }
        out.write('\n');
        return out.toByteArray();
    }

    static String decode(byte[] row, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = row[i];
            if (b != '\\' || i + 1 >= to) {
                bytes.write(b);
                continue;
            }
            byte e = row[++i];
            switch (e) {
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'v' -> bytes.write(0x0b);
                case 'x' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i + 1 < to && Character.digit(row[i + 1], 16) >= 0) {
                        v = v * 16 + Character.digit(row[++i], 16);
                        n++;
                    }
                    bytes.write(n == 0 ? 'x' : v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int n = 1; n < 3 && i + 1 < to && row[i + 1] >= '0' && row[i + 1] <= '7'; n++) v = v * 8 + (row[++i] - '0');
                        bytes.write(v);
                    } else {
                        bytes.write(e);
                    }
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static void encode(String value, ByteArrayOutputStream out) {
        if (value == null) {
            out.write('\\');
            out.write('N');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            switch (b) {
                case '\\' -> { out.write('\\'); out.write('\\'); }
                case '\n' -> { out.write('\\'); out.write('n'); }
                case '\r' -> { out.write('\\'); out.write('r'); }
                case '\t' -> { out.write('\\'); out.write('t'); }
                case '\b' -> { out.write('\\'); out.write('b'); }
                case '\f' -> { out.write('\\'); out.write('f'); }
                case 0x0b -> { out.write('\\'); out.write('v'); }
                default -> out.write(b);
            }
        }
    }
}
