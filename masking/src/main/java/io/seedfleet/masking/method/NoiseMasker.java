package io.seedfleet.masking.method;

import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Bounded deterministic noise keyed by the value (the same value always moves the same way): numbers
 * by at most {@code amount} or {@code percent} % of themselves, dates and timestamps by at most
 * {@code days} days (default 30; the time of day and zone are kept). Integers stay integers and
 * within their type; numerics keep their scale.
 */
final class NoiseMasker {
    private NoiseMasker() {}

    static ColumnMasker of(Params params, MaskingSecret secret) {
        ColumnType type = params.column().type();
        TypeKind kind = type.kind();
        Keyed keyed = Keyed.of(secret, "noise");
        if (kind.isNumeric()) {
            params.allow("amount", "percent");
            if (params.has("amount") == params.has("percent")) throw params.problem("give exactly one of amount or percent");
            double amount = params.number("amount", 0);
            double percent = params.number("percent", 0);
            Integer scale = kind.isInteger() ? Integer.valueOf(0) : type.scale();
            return value -> {
                if (value == null) return null;
                String v = value.strip();
                if (v.equals("NaN") || v.endsWith("Infinity")) return v;
                BigDecimal number;
                try {
                    number = new BigDecimal(v.replace("$", "").replace(",", ""));
                } catch (NumberFormatException e) {
                    throw params.problem("not a number");
                }
                double bound = params.has("amount") ? amount : Math.abs(number.doubleValue()) * percent / 100;
                BigDecimal noisy = number.add(BigDecimal.valueOf(keyed.unitOf(v) * bound));
                if (scale != null) noisy = noisy.setScale(scale, RoundingMode.HALF_EVEN);
                if (kind.isInteger()) noisy = clamp(noisy, kind);
                return noisy.stripTrailingZeros().toPlainString();
            };
        }
        if (kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMPTZ) {
            params.allow("days");
            int days = params.integer("days", 30, 0, 36_500);
            return value -> {
                if (value == null || value.endsWith("infinity") || value.endsWith(" BC")) return value;
                String v = value.strip();
                try {
                    LocalDate date = LocalDate.parse(v.substring(0, 10));
                    long shift = Math.round(keyed.unitOf(v) * days);
                    return date.plusDays(shift) + v.substring(10);
                } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                    throw params.problem("not a date: the value does not start with YYYY-MM-DD");
                }
            };
        }
        throw params.problem("noise applies to numbers, dates and timestamps");
    }

    private static BigDecimal clamp(BigDecimal v, TypeKind kind) {
        long max = kind == TypeKind.SMALLINT ? Short.MAX_VALUE : kind == TypeKind.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
        long min = kind == TypeKind.SMALLINT ? Short.MIN_VALUE : kind == TypeKind.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
        if (v.compareTo(BigDecimal.valueOf(max)) > 0) return BigDecimal.valueOf(max);
        if (v.compareTo(BigDecimal.valueOf(min)) < 0) return BigDecimal.valueOf(min);
        return v;
    }
}
