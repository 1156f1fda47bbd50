package io.seedfleet.core.generate;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.TypeKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The values that break software, per column: each valid for the column's type, length and CHECK
 * bounds, so the database still accepts every row. Classes are named so a coverage report can say
 * which ones each column received.
 */
final class EdgeCases {
    /** One edge value: its class (for the coverage report) and its COPY text. */
    record Edge(String edgeClass, byte[] copyText) {}

    private record Candidate(String edgeClass, String text) {}

    private static final List<Candidate> TEXT = List.of(
            new Candidate("empty", ""),
            new Candidate("single-character", "a"),
            new Candidate("blank", "   "),
            new Candidate("quotes", "O'Brien \"Bobby\""),
            new Candidate("backslash", "C:\\Users\\test\\new"),
            new Candidate("newline-and-tab", "first line\nsecond\tline"),
            new Candidate("html-script", "<script>alert('xss')</script>"),
            new Candidate("sql-injection", "'; DROP TABLE users; --"),
            new Candidate("path-traversal", "../../../etc/passwd"),
            new Candidate("accents", "Zoë Ångström-Núñez"),
            new Candidate("combining-marks", "Jose\u0301 Zo\u0308e"),
            new Candidate("cjk", "山田太郎"),
            new Candidate("right-to-left", "محمد الأحمد"),
            new Candidate("emoji", "👩‍💻 🚀 🎉"),
            new Candidate("zero-width", "zero\u200Bwidth\u200Djoiner"));

    /** Valid addresses that still trip naive parsers. */
    private static final List<Candidate> EMAIL = List.of(
            new Candidate("plus-addressing", "first.last+qa@example.com"),
            new Candidate("apostrophe", "o'brien@example.org"),
            new Candidate("subdomain", "user@mail.eu.example.net"),
            new Candidate("single-character", "a@example.com"),
            new Candidate("uppercase", "Mixed.Case@Example.COM"));

    private EdgeCases() {}

    static List<Edge> text(Column c, Semantic semantic, int minChars, int maxChars) {
        List<Candidate> candidates = new ArrayList<>(semantic == Semantic.EMAIL ? EMAIL : TEXT);
        if (semantic != Semantic.EMAIL && maxChars != Integer.MAX_VALUE && maxChars > 0 && maxChars <= 10_000) {
            candidates.add(new Candidate("maximum-length", "x".repeat(maxChars)));
        }
        if (c.type().kind() == TypeKind.CHAR) {
            candidates.removeIf(x -> x.text().isBlank()); // bpchar pads and trims: blank values collapse
        }
        List<Edge> edges = new ArrayList<>();
        for (Candidate x : candidates) {
            int chars = x.text().codePointCount(0, x.text().length());
            if (chars >= Math.max(minChars, 0) && chars <= maxChars) edges.add(new Edge(x.edgeClass(), CopyTextWriter.escape(x.text())));
        }
        return edges;
    }

    /** min, min+1, max-1, max, 0 and ±1 of the column's domain (in its units), and dates people forget. */
    static List<Edge> longValued(Units u, long lo, long hi) {
        List<Edge> edges = new ArrayList<>();
        CopyTextWriter w = new CopyTextWriter(64);
        if (u.temporal()) {
            if (u.format() == LongColumn.Format.TIME) {
                add(edges, w, u, "midnight", 0, lo, hi);
                add(edges, w, u, "last-second", Units.MICROS_PER_DAY - Units.SECOND, lo, hi);
                return edges;
            }
            long day = u.day();
            add(edges, w, u, "epoch", 0, lo, hi);
            add(edges, w, u, "1900-01-01", LocalDate.of(1900, 1, 1).toEpochDay() * day, lo, hi);
            add(edges, w, u, "2099-12-31", LocalDate.of(2099, 12, 31).toEpochDay() * day, lo, hi);
            add(edges, w, u, "leap-day", LocalDate.of(2024, 2, 29).toEpochDay() * day, lo, hi);
            add(edges, w, u, "year-end", day == 1 ? LocalDate.of(2024, 12, 31).toEpochDay()
                    : micros(LocalDateTime.of(2024, 12, 31, 23, 59, 59)), lo, hi);
            if (day != 1) {
                // 02:30 on 2024-03-10 does not exist in US time zones; 01:30 on 2024-11-03 happens twice.
                add(edges, w, u, "dst-gap", micros(LocalDateTime.of(2024, 3, 10, 2, 30)), lo, hi);
                add(edges, w, u, "dst-overlap", micros(LocalDateTime.of(2024, 11, 3, 1, 30)), lo, hi);
            }
            if (u.format() == LongColumn.Format.TIMESTAMPTZ) {
                addText(edges, "utc+14", "2024-06-30 23:30:00+14");
                addText(edges, "utc+13", "2024-06-30 23:30:00+13");
                addText(edges, "utc-12", "2024-06-30 00:30:00-12");
            }
            return edges;
        }
        long one = u.format() == LongColumn.Format.DECIMAL ? CopyTextWriter.POW10[u.scale()] : 1;
        add(edges, w, u, "minimum", lo, lo, hi);
        add(edges, w, u, "minimum+1", lo + one, lo, hi);
        add(edges, w, u, "maximum-1", hi - one, lo, hi);
        add(edges, w, u, "maximum", hi, lo, hi);
        add(edges, w, u, "zero", 0, lo, hi);
        add(edges, w, u, "one", one, lo, hi);
        add(edges, w, u, "minus-one", -one, lo, hi);
        return edges;
    }

    /** Floats outside what a decimal can say: NaN and the infinities, and extreme magnitudes. */
    static List<Edge> floating(TypeKind kind) {
        List<Edge> edges = new ArrayList<>();
        addText(edges, "nan", "NaN");
        addText(edges, "infinity", "Infinity");
        addText(edges, "minus-infinity", "-Infinity");
        addText(edges, "huge", kind == TypeKind.REAL ? "3.4e38" : "1.7e308");
        addText(edges, "tiny", kind == TypeKind.REAL ? "1.2e-38" : "2.3e-308");
        return edges;
    }

    private static void add(List<Edge> edges, CopyTextWriter w, Units u, String edgeClass, long value, long lo, long hi) {
        if (value < lo || value > hi || value % u.granularity() != 0) return;
        w.reset();
        new LongColumn(row -> value, u.format(), u.scale()).write(0, w);
        edges.add(new Edge(edgeClass, java.util.Arrays.copyOf(w.buffer(), w.length())));
    }

    private static void addText(List<Edge> edges, String edgeClass, String text) {
        edges.add(new Edge(edgeClass, CopyTextWriter.escape(text)));
    }

    private static long micros(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * Units.SECOND;
    }
}
