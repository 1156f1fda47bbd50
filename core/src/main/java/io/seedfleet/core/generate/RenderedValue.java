package io.seedfleet.core.generate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** A generated value as PostgreSQL reads it from COPY text (null for NULL), for comparisons at planning time. */
final class RenderedValue {
    private static final ThreadLocal<CopyTextWriter> SCRATCH = ThreadLocal.withInitial(() -> new CopyTextWriter(256));

    private RenderedValue() {}

    static String of(ColumnGenerator g, long row) {
        CopyTextWriter out = SCRATCH.get();
        int mark = out.length();
        g.write(row, out);
        String text = new String(out.buffer(), mark, out.length() - mark, StandardCharsets.UTF_8);
        if (mark == 0) out.reset();
        return text.equals("\\N") ? null : CopyTextWriter.unescape(text);
    }

    /** A YAML value as text: whole doubles without ".0", booleans as PostgreSQL prints them. */
    static String literal(Object v) {
        if (v == null) return null;
        if (v instanceof Boolean b) return b ? "t" : "f";
        if (v instanceof Double || v instanceof Float) {
            BigDecimal d = BigDecimal.valueOf(((Number) v).doubleValue()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return String.valueOf(v);
    }

    /** Equal as text, as booleans (t/true) or as numbers (5 and 5.00). */
    static boolean matches(String value, String wanted) {
        if (value == null || wanted == null) return value == null && wanted == null;
        if (value.equals(wanted)) return true;
        if ((value.equals("t") || value.equals("f")) && (wanted.equalsIgnoreCase("true") || wanted.equalsIgnoreCase("false"))) {
            return value.equals("t") == wanted.equalsIgnoreCase("true");
        }
        try {
            return new BigDecimal(value).compareTo(new BigDecimal(wanted)) == 0;
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }
}
