package io.seedfleet.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between two versions: tables whose rows or checksum changed (or that only one has), and
 * columns whose statistics changed. Empty lists mean the two hold the same data as far as manifests can tell.
 */
public record ManifestDiff(String from, String to, List<TableChange> tables, List<ColumnChange> columns) {

    /** A table's rows and checksum on each side; a side is null when that version lacks the table. */
    public record TableChange(String table, Long rowsFrom, Long rowsTo, String checksumFrom, String checksumTo) {}

    /** A column's statistics on each side; a side is null when that version lacks the column. */
    public record ColumnChange(String table, String column, ColumnStats from, ColumnStats to) {}

    public ManifestDiff {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
    }

    public static ManifestDiff of(Manifest a, Manifest b) {
        List<TableChange> tables = new ArrayList<>();
        List<ColumnChange> columns = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(a.tables().keySet());
        names.addAll(b.tables().keySet());
        for (String name : names) {
            TableEntry x = a.tables().get(name);
            TableEntry y = b.tables().get(name);
            if (x == null || y == null || x.rows() != y.rows() || !Objects.equals(x.checksum(), y.checksum())) {
                tables.add(new TableChange(name, x == null ? null : x.rows(), y == null ? null : y.rows(),
                        x == null ? null : x.checksum(), y == null ? null : y.checksum()));
            }
            Map<String, ColumnStats> cx = x == null ? Map.of() : x.columns();
            Map<String, ColumnStats> cy = y == null ? Map.of() : y.columns();
            TreeSet<String> columnNames = new TreeSet<>(cx.keySet());
            columnNames.addAll(cy.keySet());
            for (String column : columnNames) {
                if (!Objects.equals(cx.get(column), cy.get(column))) columns.add(new ColumnChange(name, column, cx.get(column), cy.get(column)));
            }
        }
        return new ManifestDiff(label(a), label(b), tables, columns);
    }

    private static String label(Manifest m) {
        return m.identity() == null ? "snapshot " + m.createdAt() : m.identity();
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    public String toJson() {
        return Json.pretty(this);
    }

    /** One line per changed table and per changed column, naming only what changed. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("from ").append(from).append('\n').append("to   ").append(to).append('\n');
        if (isEmpty()) return out.append("no differences\n").toString();
        out.append(tables.size()).append(" tables and ").append(columns.size()).append(" columns differ\n");
        for (TableChange t : tables) {
            out.append("  table ").append(t.table()).append(": ");
            if (t.rowsFrom() == null || t.rowsTo() == null) {
                out.append(t.rowsFrom() == null ? "only in the second" : "only in the first").append('\n');
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (!t.rowsFrom().equals(t.rowsTo())) parts.add("rows " + t.rowsFrom() + " -> " + t.rowsTo());
            if (!Objects.equals(t.checksumFrom(), t.checksumTo())) parts.add("checksum " + t.checksumFrom() + " -> " + t.checksumTo());
            out.append(String.join(", ", parts)).append('\n');
        }
        for (ColumnChange c : columns) {
            out.append("  column ").append(c.table()).append('.').append(c.column()).append(": ");
            if (c.from() == null || c.to() == null) {
                out.append(c.from() == null ? "only in the second" : "only in the first").append('\n');
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (c.from().count() != c.to().count()) parts.add("count " + c.from().count() + " -> " + c.to().count());
            if (c.from().nulls() != c.to().nulls()) parts.add("nulls " + c.from().nulls() + " -> " + c.to().nulls());
            if (c.from().distinct() != c.to().distinct()) parts.add("distinct " + c.from().distinct() + " -> " + c.to().distinct());
            if (!Objects.equals(c.from().min(), c.to().min())) parts.add("min " + quoted(c.from().min()) + " -> " + quoted(c.to().min()));
            if (!Objects.equals(c.from().max(), c.to().max())) parts.add("max " + quoted(c.from().max()) + " -> " + quoted(c.to().max()));
            out.append(String.join(", ", parts)).append('\n');
        }
        return out.toString();
    }

    private static String quoted(String value) {
        if (value == null) return "NULL";
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + shown.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
    }
}
