package io.seedfleet.masking.method;

import io.seedfleet.core.schema.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Less precise values: dates and timestamps to the first of their month or year ({@code to: month|year},
 * default month), numbers down to a multiple of {@code bucket} (default 10), text to its first
 * {@code keep} characters (default 3, e.g. the outward part of a postcode).
 */
final class GeneralizeMasker {
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4,})-(\\d{2})-(\\d{2})(.*?)([+-]\\d{2}(?::?\\d{2}){0,2})?( BC)?");

    private GeneralizeMasker() {}

    static ColumnMasker of(Params params) {
        TypeKind kind = params.column().type().kind();
        if (kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMPTZ) {
            params.allow("to");
            String to = params.string("to", "month");
            if (!to.equals("month") && !to.equals("year")) throw params.problem("to must be month or year, not '" + to + "'");
            boolean year = to.equals("year");
            boolean withTime = kind != TypeKind.DATE;
            boolean withZone = kind == TypeKind.TIMESTAMPTZ;
            return value -> {
                if (value == null || value.equals("infinity") || value.equals("-infinity")) return value;
                Matcher m = DATE_TIME.matcher(value.strip());
                if (!m.matches()) throw params.problem("not a date: the value does not start with YYYY-MM-DD");
                String out = m.group(1) + "-" + (year ? "01" : m.group(2)) + "-01";
                if (withTime) out += " 00:00:00";
                if (withZone && m.group(5) != null) out += m.group(5);
                return m.group(6) == null ? out : out + m.group(6);
            };
        }
        if (kind.isNumeric()) {
            params.allow("bucket");
            double bucketParam = params.number("bucket", 10);
            if (bucketParam <= 0) throw params.problem("bucket must be positive");
            BigDecimal bucket = BigDecimal.valueOf(bucketParam);
            return value -> {
                if (value == null) return null;
                String v = value.strip();
                if (v.equals("NaN") || v.endsWith("Infinity")) return v;
                try {
                    BigDecimal number = new BigDecimal(v.replace("$", "").replace(",", ""));
                    BigDecimal floor = number.divide(bucket, 0, RoundingMode.FLOOR).multiply(bucket);
                    return floor.stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    throw params.problem("not a number");
                }
            };
        }
        if (params.textual()) {
            params.allow("keep");
            int keep = params.integer("keep", 3, 0, 10_000);
            return value -> value == null || value.codePointCount(0, value.length()) <= keep ? value
                    : value.substring(0, value.offsetByCodePoints(0, keep));
        }
        throw params.problem("generalize applies to dates, timestamps, numbers and text");
    }
}
