package io.seedfleet.cli;

import io.seedfleet.core.inspect.Inspection;
import io.seedfleet.core.inspect.Inspection.ColumnInfo;
import io.seedfleet.core.inspect.Inspection.TableInfo;
import java.io.PrintWriter;
import java.util.List;

/** The text form of an {@link Inspection}: a summary, then each table, then what spans tables. */
final class InspectionText {
    private InspectionText() {}

    static void print(PrintWriter out, Inspection i) {
        Inspection.Summary s = i.summary();
        out.printf("%s%n%d tables, %d columns, %d foreign keys, %d unique keys, %d CHECKs, %d cycle-breaking foreign keys, %d junction tables%n",
                i.source(), s.tables(), s.columns(), s.foreignKeys(), s.uniqueKeys(), s.checks(), s.cycles(), s.junctionTables());
        for (TableInfo t : i.tables()) {
            out.printf("%n%s%s%s%n", t.name(), t.partitioning() == null ? "" : "  [partitioned: " + t.partitioning() + "]",
                    t.comment() == null ? "" : "  -- " + t.comment());
            int width = t.columns().stream().mapToInt(c -> c.name().length()).max().orElse(4);
            int typeWidth = t.columns().stream().mapToInt(c -> c.type().length()).max().orElse(4);
            for (ColumnInfo c : t.columns()) {
                out.printf("  %-" + width + "s  %-" + typeWidth + "s  %-8s  %s%n", c.name(), c.type(), c.nullable() ? "null" : "not null",
                        c.role() + (c.semantic() == null ? "" : " (" + c.semantic() + ")"));
            }
            if (!t.primaryKey().isEmpty()) out.printf("  primary key (%s)%n", String.join(", ", t.primaryKey()));
            t.uniqueKeys().forEach(k -> out.printf("  unique %s (%s)%s%s%s%n", k.name(), String.join(", ", columnsAndExpressions(k.columns(), k.expressions())),
                    k.nullsNotDistinct() ? " nulls not distinct" : "", k.predicate() == null ? "" : " where " + k.predicate(),
                    k.kind().equals("unique-index") ? " [index]" : ""));
            t.foreignKeys().forEach(fk -> out.printf("  foreign key %s (%s) -> %s (%s)%s%s%n", fk.name(), String.join(", ", fk.columns()),
                    fk.references(), String.join(", ", fk.referencedColumns()), fk.match().equals("SIMPLE") ? "" : " match " + fk.match().toLowerCase(),
                    fk.deferrable() ? " deferrable" : ""));
            t.checks().forEach(c -> out.printf("  check %s: %s%n", c.name(), c.expression()));
        }
        section(out, "Relationships", i.relationships().stream().map(r -> r.from() + " (" + String.join(", ", r.columns()) + ") -> " + r.to()
                + ": " + r.cardinality() + (r.optional() ? ", optional" : "")).toList());
        section(out, "Many-to-many", i.manyToMany().stream().map(m -> m.left() + " <-> " + m.right() + " through " + m.junction()).toList());
        section(out, "Cycles, and how a load breaks them", i.cycles().stream().map(c -> c.table() + "." + c.constraint() + " -> " + c.references()
                + ": " + (c.strategy().equals("drop-and-readd") ? "NOT NULL; dropped for the load and re-added, so the database checks every row"
                : "nullable; inserted as NULL, then set by an update")).toList());
        List<String> levels = new java.util.ArrayList<>();
        for (int level = 0; level < i.loadOrder().size(); level++) levels.add(level + ": " + String.join(", ", i.loadOrder().get(level)));
        section(out, "Load order (tables of a stage load in parallel)", levels);
        section(out, "Enums", i.enums().stream().map(e -> e.type() + ": " + String.join(", ", e.labels())).toList());
        section(out, "Views (read, never written)", i.views());
        section(out, "Triggers (fire during a load unless disabled)", i.triggers().stream().map(t -> t.table() + "." + t.name() + ": " + t.timing()
                + " " + String.join(" OR ", t.events()) + (t.enabled() ? "" : " (disabled)")).toList());
        section(out, "Not supported", i.unsupported().stream().map(u -> u.object() + ": " + u.construct() + " (" + u.detail() + ")").toList());
        section(out, "Problems that stop generation", i.problems());
    }

    private static List<String> columnsAndExpressions(List<String> columns, List<String> expressions) {
        List<String> all = new java.util.ArrayList<>(columns);
        all.addAll(expressions);
        return all;
    }

    private static void section(PrintWriter out, String title, List<String> lines) {
        if (lines.isEmpty()) return;
        out.printf("%n%s%n", title);
        lines.forEach(line -> out.printf("  %s%n", line));
    }
}
