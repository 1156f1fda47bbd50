package io.seedfleet.masking.method;

import io.seedfleet.core.schema.Column;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A masking rule's params, read with errors that name the column, the method and the param. */
record Params(String method, Column column, Map<String, Object> values) {

    Params {
        values = values == null ? Map.of() : values;
    }

    /** Rejects params the method does not know, so a typo ({@code keepDomian}) is not silently ignored. */
    Params allow(String... names) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(Set.of(names));
        if (!unknown.isEmpty()) throw problem("unknown params " + unknown + " (known: " + String.join(", ", names) + ")");
        return this;
    }

    /** Text types, and citext (an extension type the model files under OTHER) which holds text too. */
    boolean textual() {
        return column.type().kind().isText() || column.type().kind() == io.seedfleet.core.schema.TypeKind.OTHER
                && "citext".equalsIgnoreCase(column.type().sqlName());
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    String string(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v.toString();
    }

    int integer(String name, int fallback, int min, int max) {
        Object v = values.get(name);
        if (v == null) return fallback;
        try {
            int n = v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue()) ? num.intValue() : Integer.parseInt(v.toString().trim());
            if (n < min || n > max) throw problem(name + " must be between " + min + " and " + max + ", not " + n);
            return n;
        } catch (NumberFormatException e) {
            throw problem(name + " must be a whole number, not '" + v + "'");
        }
    }

    double number(String name, double fallback) {
        Object v = values.get(name);
        if (v == null) return fallback;
        try {
            double d = v instanceof Number num ? num.doubleValue() : Double.parseDouble(v.toString().trim());
            if (!Double.isFinite(d) || d < 0) throw problem(name + " must be a non-negative number, not " + v);
            return d;
        } catch (NumberFormatException e) {
            throw problem(name + " must be a number, not '" + v + "'");
        }
    }

    boolean bool(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        return switch (v.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw problem(name + " must be true or false, not '" + v + "'");
        };
    }

    IllegalArgumentException problem(String problem) {
        return new IllegalArgumentException("column " + column.name() + " (" + column.type().sqlName() + "), method " + method + ": " + problem);
    }
}
