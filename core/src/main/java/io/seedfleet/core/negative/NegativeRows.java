package io.seedfleet.core.negative;

import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.Semantic;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.plan.CheckAnalyzer;
import io.seedfleet.core.plan.ColumnDomain;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Negative test data: rows that each break exactly one rule of their table (NULL in a NOT NULL
 * column, a value one past a CHECK bound or a length, a value outside an enum or IN list, a
 * malformed email, a duplicate key, a reference to a parent that does not exist). They are valid
 * generated rows with one value replaced, written as CSV with a {@code _violation} column, for
 * testing validation code; they are never loaded into a constrained database.
 */
public final class NegativeRows {
    private static final List<String> MALFORMED_EMAILS = List.of("no-at-sign.example.com", "two@@example.com", "@example.com",
            "trailing.dot.@example.com", "spaces in@example.com");

    private NegativeRows() {}

    /** The ways a row of this table can be invalid, one per column and rule. */
    public static List<Violation> violations(Table table) {
        CheckAnalyzer.Result checks = CheckAnalyzer.analyze(table);
        List<Violation> out = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!c.writable()) continue;
            TypeKind kind = c.type().kind();
            ColumnDomain d = checks.domain(c.name());
            if (!c.nullable()) out.add(new Violation(c.name(), "not-null", null));
            if (kind.isText() && c.type().length() != null) out.add(new Violation(c.name(), "too-long", "x".repeat(c.type().length() + 1)));
            if (d.maxLength() != null) out.add(new Violation(c.name(), "check-length", "x".repeat(d.maxLength() + 1)));
            if (kind == TypeKind.ENUM || d.allowed() != null) out.add(new Violation(c.name(), "not-allowed-value", "not_a_valid_value"));
            if (kind.isNumeric() && d.lower() != null) out.add(new Violation(c.name(), "below-range", below(d.lower())));
            if (kind.isNumeric() && d.upper() != null) out.add(new Violation(c.name(), "above-range", above(d.upper())));
            if (kind.isText() && Semantic.classify(table, c) == Semantic.EMAIL) {
                int i = Math.floorMod(c.name().hashCode(), MALFORMED_EMAILS.size());
                out.add(new Violation(c.name(), "malformed-email", MALFORMED_EMAILS.get(i)));
            }
        }
        for (UniqueKey key : table.uniqueKeys()) {
            if (key.isPlain()) out.add(new Violation(String.join(",", key.columns()), "duplicate-key:" + key.name(), DUPLICATE));
        }
        for (ForeignKey fk : table.foreignKeys()) {
            out.add(new Violation(fk.columns().get(0), "orphan:" + fk.name(), missingParent(table.column(fk.columns().get(0)))));
        }
        return out;
    }

    /** A marker: the key's values are copied from the row before. */
    private static final String DUPLICATE = "\\u0000duplicate";

    /** An invalid row: the values of the table's written columns (null for NULL), and the rule it breaks. */
    public record NegativeRow(Violation violation, List<String> values) {}

    /**
     * {@code perRule} invalid rows for each rule of the table. A duplicate-key row repeats the key of
     * the valid row after it, and an orphan points at a parent no valid dataset holds.
     */
    public static List<NegativeRow> rows(TableGenerator table, int perRule) {
        List<String> columns = table.insertColumns();
        List<NegativeRow> out = new ArrayList<>();
        long row = 0;
        for (Violation v : violations(table.table())) {
            if (!DUPLICATE.equals(v.value()) && !columns.contains(v.column())) continue;
            for (int i = 0; i < perRule && row + 1 < table.rows(); i++, row++) {
                String[] fields = fields(table, row);
                if (DUPLICATE.equals(v.value())) {
                    String[] next = fields(table, row + 1);
                    for (String c : v.column().split(",")) fields[columns.indexOf(c)] = next[columns.indexOf(c)];
                } else {
                    fields[columns.indexOf(v.column())] = v.value();
                }
                out.add(new NegativeRow(v, java.util.Arrays.asList(fields)));
            }
        }
        return out;
    }

    /** Writes the invalid rows as CSV with a header and a {@code _violation} column; an empty field is NULL. */
    public static long write(TableGenerator table, int perRule, Writer csv) throws IOException {
        csv.write(String.join(",", table.insertColumns().stream().map(NegativeRows::csvField).toList()) + ",_violation\n");
        List<NegativeRow> rows = rows(table, perRule);
        for (NegativeRow r : rows) {
            StringBuilder line = new StringBuilder();
            for (String f : r.values()) line.append(f == null ? "" : csvField(f)).append(',');
            csv.write(line.append(csvField(r.violation().describe())).append('\n').toString());
        }
        return rows.size();
    }

    private static String[] fields(TableGenerator table, long row) {
        CopyTextWriter out = new CopyTextWriter(256);
        table.writeInsertRow(row, out);
        String[] copy = new String(out.buffer(), 0, out.length() - 1, StandardCharsets.UTF_8).split("\t", -1);
        for (int i = 0; i < copy.length; i++) copy[i] = copy[i].equals("\\N") ? null : CopyTextWriter.unescape(copy[i]);
        return copy;
    }

    private static String below(ColumnDomain.Bound b) {
        return b.number().subtract(b.strict() ? BigDecimal.ZERO : BigDecimal.ONE).toPlainString();
    }

    private static String above(ColumnDomain.Bound b) {
        return b.number().add(b.strict() ? BigDecimal.ZERO : BigDecimal.ONE).toPlainString();
    }

    private static String missingParent(Column c) {
        return c.type().kind() == TypeKind.UUID ? "00000000-0000-4000-8000-00000000dead" : c.type().kind().isText() ? "missing-parent" : "987654321";
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; an empty quoted field is an empty string, not NULL. */
    static String csvField(String v) {
        if (v.isEmpty()) return "\"\"";
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
