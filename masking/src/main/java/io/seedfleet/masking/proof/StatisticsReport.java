package io.seedfleet.masking.proof;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.sink.JdbcTarget;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much a masked copy still looks like its source, per column: the share of NULLs, the share of
 * distinct values, and a distance between the two distributions: for numbers and dates the
 * Kolmogorov-Smirnov statistic over {@value #QUANTILES} quantiles; for everything else the total
 * variation distance over the {@value #TOP_K} most frequent values (the rest as one bucket).
 * 0 means alike, 1 means nothing in common. Reports aggregates only, never values.
 */
public record StatisticsReport(List<ColumnStatistics> columns) {
    static final int QUANTILES = 20;
    static final int TOP_K = 10;
    private static final Set<TypeKind> NOT_COMPARED = Set.of(TypeKind.JSON, TypeKind.XML, TypeKind.BYTEA, TypeKind.TSVECTOR);

    /** {@code distance} is "ks" or "tv"; null rates and distinct ratios are over all rows and non-null rows. */
    public record ColumnStatistics(String table, String column, long sourceRows, long targetRows,
                                   double sourceNullRate, double targetNullRate,
                                   double sourceDistinctRatio, double targetDistinctRatio,
                                   String distance, double value) {}

    public static StatisticsReport compare(JdbcTarget source, JdbcTarget target, SchemaModel schema) throws SQLException {
        try (Connection s = source.open(); Connection t = target.open()) {
            s.setReadOnly(true);
            List<ColumnStatistics> out = new ArrayList<>();
            for (Table table : schema.tables()) {
                for (Column column : table.columns()) {
                    if (NOT_COMPARED.contains(column.type().kind())) continue;
                    out.add(compare(s, t, table, column));
                }
            }
            return new StatisticsReport(out);
        }
    }

    private static ColumnStatistics compare(Connection s, Connection t, Table table, Column column) throws SQLException {
        double[] a = shape(s, table, column);
        double[] b = shape(t, table, column);
        String kind;
        double value;
        String numeric = numericExpression(column);
        if (numeric != null) {
            kind = "ks";
            value = kolmogorovSmirnov(quantiles(s, table, numeric), quantiles(t, table, numeric));
        } else {
            kind = "tv";
            value = totalVariation(top(s, table, column), a[1], top(t, table, column), b[1]);
        }
        return new ColumnStatistics(table.name().toString(), column.name(), (long) a[0], (long) b[0],
                rate(a[0] - a[1], a[0]), rate(b[0] - b[1], b[0]), rate(a[2], a[1]), rate(b[2], b[1]), kind, value);
    }

    private static double rate(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }

    /** rows, non-null rows, distinct values. */
    private static double[] shape(Connection c, Table table, Column column) throws SQLException {
        String col = Identifiers.quote(column.name());
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(" + col + "), count(DISTINCT " + col + "::text) FROM " + table.name().sql())) {
            rs.next();
            return new double[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private static String numericExpression(Column column) {
        TypeKind k = column.type().kind();
        String col = Identifiers.quote(column.name());
        if (k.isNumeric() && k != TypeKind.MONEY) return col + "::double precision";
        if (k == TypeKind.DATE) return "extract(epoch FROM " + col + "::timestamp)::double precision";
        if (k == TypeKind.TIMESTAMP || k == TypeKind.TIMESTAMPTZ || k == TypeKind.TIME || k == TypeKind.INTERVAL) return "extract(epoch FROM " + col + ")::double precision";
        return null;
    }

    private static double[] quantiles(Connection c, Table table, String expression) throws SQLException {
        StringBuilder fractions = new StringBuilder("ARRAY[");
        for (int i = 0; i <= QUANTILES; i++) fractions.append(i == 0 ? "" : ",").append((double) i / QUANTILES);
        fractions.append("]::double precision[]");
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT percentile_disc(" + fractions + ") WITHIN GROUP (ORDER BY v) FROM (SELECT " + expression
                     + " AS v FROM " + table.name().sql() + ") q WHERE v IS NOT NULL AND v <> 'NaN'::double precision AND v BETWEEN '-Infinity' AND 'Infinity'")) {
            rs.next();
            Array array = rs.getArray(1);
            if (array == null) return new double[0];
            Object[] values = (Object[]) array.getArray();
            return Arrays.stream(values).mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
    }

    /**
     * The largest gap between the two empirical distribution functions, each estimated from its
     * quantiles as a step function; 0 when both are empty, 1 when exactly one is.
     */
    static double kolmogorovSmirnov(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) return a.length == b.length ? 0 : 1;
        double max = 0;
        for (double[] points : List.of(a, b)) {
            for (double v : points) max = Math.max(max, Math.abs(cdf(a, v) - cdf(b, v)));
        }
        return max;
    }

    private static double cdf(double[] sortedQuantiles, double v) {
        int n = 0;
        for (double q : sortedQuantiles) if (q <= v) n++;
        return (double) n / sortedQuantiles.length;
    }

    private static Map<String, Long> top(Connection c, Table table, Column column) throws SQLException {
        String col = Identifiers.quote(column.name());
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + col + "::text, count(*) FROM " + table.name().sql() + " WHERE " + col
                     + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + TOP_K)) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }

    /** Half the L1 distance between the two top-k frequency vectors, the remaining mass as one bucket. */
    static double totalVariation(Map<String, Long> a, double aTotal, Map<String, Long> b, double bTotal) {
        if (aTotal == 0 || bTotal == 0) return aTotal == bTotal ? 0 : 1;
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        double sum = 0;
        double aRest = 1;
        double bRest = 1;
        for (String k : keys) {
            double pa = a.getOrDefault(k, 0L) / aTotal;
            double pb = b.getOrDefault(k, 0L) / bTotal;
            aRest -= pa;
            bRest -= pb;
            sum += Math.abs(pa - pb);
        }
        // Values outside both top-k lists are unknown: counting their masses as one shared bucket
        // gives a lower bound of the true distance.
        sum += Math.abs(aRest - bRest);
        return Math.min(1, sum / 2);
    }
}
