package io.seedfleet.masking.run;

import io.seedfleet.core.schema.QualifiedName;
import java.util.Locale;

/**
 * Where a subset starts: rows of one table chosen by a percentage ({@code public.customer:10%}, a
 * repeatable Bernoulli sample) or a condition ({@code public.customer:WHERE country = 'FR'}).
 * Exactly one of {@code percent} and {@code where} is set.
 */
public record Subset(QualifiedName table, Double percent, String where) {

    public Subset {
        if ((percent == null) == (where == null)) throw new IllegalArgumentException("a subset takes a percentage or a WHERE condition");
        if (percent != null && (percent <= 0 || percent > 100)) throw new IllegalArgumentException("a subset percentage must be in (0, 100]: " + percent);
    }

    /** Parses {@code schema.table:N%} or {@code schema.table:WHERE condition}. */
    public static Subset parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("--subset takes table:N% or table:WHERE condition, not " + text);
        QualifiedName table = QualifiedName.parse(text.substring(0, colon).trim());
        String rest = text.substring(colon + 1).trim();
        if (rest.endsWith("%")) {
            try {
                return new Subset(table, Double.parseDouble(rest.substring(0, rest.length() - 1).trim()), null);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--subset percentage is not a number: " + rest);
            }
        }
        if (rest.toUpperCase(Locale.ROOT).startsWith("WHERE ")) return new Subset(table, null, rest.substring(6).trim());
        throw new IllegalArgumentException("--subset takes table:N% or table:WHERE condition, not " + text);
    }
}
