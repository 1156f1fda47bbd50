package io.seedfleet.core.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedfleet.core.inspect.Inspection;
import io.seedfleet.core.inspect.Inspection.ColumnInfo;
import io.seedfleet.core.inspect.SchemaInspector;
import io.seedfleet.core.plan.CheckAnalyzer;
import io.seedfleet.core.plan.ColumnDomain;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a starting definition for a schema with every rule the engine would infer spelled out, for
 * users to edit rather than write: each table's default volume, a realistic column's generator, an
 * enum's or IN list's choices at equal weights, a boolean's probability, CHECK-bounded numbers as a
 * range; the columns the engine makes itself (keys, references, identity, generated) as comments.
 * The text is YAML by hand, since comments are half of its value and Jackson cannot write them.
 */
public final class DefinitionTemplate {
    private DefinitionTemplate() {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final java.util.Set<String> YAML_WORDS = java.util.Set.of("true", "false", "yes", "no", "on", "off",
            "null", "y", "n", "~");

    public static String write(SchemaModel schema) {
        Inspection inspection = SchemaInspector.inspect("template", schema);
        Optional<GenerationPlan> plan = plan(schema);
        StringBuilder y = new StringBuilder();
        y.append("# yaml-language-server: $schema=https://seedfleet.io/schemas/definition.schema.json\n");
        y.append("#\n# A starting definition: every rule Seedfleet infers for this schema, spelled out.\n");
        y.append("# Edit what should differ, delete what should not (a deleted rule is inferred again).\n");
        y.append("apiVersion: ").append(DataDefinition.API_VERSION).append('\n');
        y.append("kind: ").append(DataDefinition.KIND).append('\n');
        y.append("metadata:\n  name: starter\n  description: ").append(quote("Inferred from " + schema.tables().size() + " tables")).append('\n');
        y.append("spec:\n");
        y.append("  defaults:\n");
        y.append("    rows: ").append(RowCounts.DEFAULT_ROOT_ROWS).append("  # rows of each table without a parent\n");
        y.append("    fanOut: ").append(number(RowCounts.DEFAULT_FAN_OUT)).append("  # child rows per row of the largest parent\n");
        y.append("    edgeCaseRate: ").append(number(GenerationPlan.DEFAULT_EDGE_CASES_PER_MILLE / 1000.0))
                .append("  # share of boundary and unusual values\n");
        y.append("    # locales: {en-US: 60, de-DE: 20, ja-JP: 20}\n");
        y.append(schema.tables().isEmpty() ? "  tables: {}\n" : "  tables:\n");
        for (int i = 0; i < schema.tables().size(); i++) {
            table(y, schema.tables().get(i), inspection.tables().get(i), plan);
        }
        String example = schema.tables().isEmpty() ? "users" : schema.tables().get(0).name().toString();
        y.append("  traits: {}\n");
        y.append("  # traits:\n  #   example-trait:\n  #     table: ").append(example).append('\n');
        y.append("  #     fields: {some_column: {constant: some value}}\n");
        y.append("  scenarios: {}\n");
        y.append("  # scenarios:\n  #   example:\n  #     description: A focused dataset\n");
        y.append("  #     rows: {").append(example).append(": 10}\n");
        y.append("  #     groups:\n  #       - {name: first-rows, table: ").append(example).append(", count: 2, traits: [example-trait]}\n");
        y.append("  validations: []\n");
        y.append("  # validations:\n  #   - name: a query that must return no rows\n");
        y.append("  #     sql: SELECT 1 FROM ").append(example).append(" WHERE false\n");
        masking(y, schema, example);
        return y.toString();
    }

    /** A commented masking example over the first table's columns, for copies of production data. */
    private static void masking(StringBuilder y, SchemaModel schema, String example) {
        List<String> columns = schema.tables().isEmpty() ? List.of() : schema.tables().get(0).columns().stream().map(Column::name).toList();
        String first = columns.isEmpty() ? "email" : columns.get(0);
        String second = columns.size() < 2 ? "phone" : columns.get(1);
        y.append("  # masking:  # how a copy of production data is masked, per table and column\n");
        y.append("  #   ").append(example).append(":\n");
        y.append("  #     ").append(key(first)).append(": {method: keep}\n");
        y.append("  #     ").append(key(second)).append(": {method: partial, params: {keepFirst: 1, keepLast: 2}}\n");
        y.append("  #   # methods: ").append(String.join(", ", DataDefinition.MaskRule.METHODS)).append('\n');
    }

    private static Optional<GenerationPlan> plan(SchemaModel schema) {
        try {
            return Optional.of(Planner.plan(schema, RowCounts.defaults(), 1));
        } catch (PlanningException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void table(StringBuilder y, Table table, Inspection.TableInfo info, Optional<GenerationPlan> plan) {
        y.append("    ").append(key(table.name().toString())).append(":\n");
        if (plan.isPresent()) {
            y.append("      rows: ").append(plan.get().rows(table.name())).append("  # the default volume, from defaults.rows and fanOut\n");
        }
        CheckAnalyzer.Result checks = CheckAnalyzer.analyze(table);
        List<String> made = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (Column column : table.columns()) {
            ColumnInfo ci = info.columns().stream().filter(c -> c.name().equals(column.name())).findFirst().orElseThrow();
            String note = madeByEngine(table, column, ci);
            if (note != null) {
                made.add(column.name() + ": " + note);
                continue;
            }
            String rule = rule(column, ci, checks.domain(column.name()));
            if (rule == null && ci.semantic() != null) {
                made.add(column.name() + ": " + column.type().sqlName() + ", realistic " + ci.semantic() + " values (give a range to choose)");
            } else if (rule == null) {
                made.add(column.name() + ": " + column.type().sqlName() + ", any value of its type (give a rule to choose)");
            } else {
                rules.add(key(column.name()) + ": " + rule);
            }
        }
        for (String m : made) y.append("      # ").append(m).append('\n');
        if (rules.isEmpty()) {
            y.append("      fields: {}\n");
        } else {
            y.append("      fields:\n");
            for (String r : rules) y.append("        ").append(r).append('\n');
        }
    }

    /** Why the engine makes this column itself, or null when a rule may choose its values. */
    private static String madeByEngine(Table table, Column column, ColumnInfo ci) {
        return switch (ci.role()) {
            case "generated" -> "computed by the database (generated column)";
            case "identity", "sequence" -> "numbered by the database (" + ci.role() + ")";
            case "key" -> "a unique key the engine numbers";
            case "unsupported" -> column.type().sqlName() + ": a type the engine cannot make";
            case "reference" -> "references " + table.foreignKeys().stream().filter(fk -> fk.columns().contains(column.name()))
                    .map(ForeignKey::referencedTable).map(Object::toString).distinct().reduce((a, b) -> a + ", " + b).orElse("a parent")
                    + " (the engine picks parent rows; use reference to choose them)";
            default -> null;
        };
    }

    private static String rule(Column column, ColumnInfo ci, ColumnDomain domain) {
        TypeKind kind = column.type().kind();
        if (kind == TypeKind.BOOLEAN) return "{probability: 0.5}";
        if (kind == TypeKind.ENUM && !column.type().enumLabels().isEmpty()) return choices(column.type().enumLabels().stream().map(l -> (Object) l).toList());
        if (domain.allowed() != null && !domain.allowed().isEmpty()) {
            List<Object> values = domain.allowed().stream().map(literal -> value(literal, kind)).toList();
            if (values.stream().allMatch(v -> v != null)) return choices(values);
        }
        if (kind.isNumeric()) {
            String range = range(domain, kind);
            if (range != null) return range;
        }
        // The engine's generators make text; other columns keep their inferred meaning, told in a comment.
        if (ci.semantic() != null && kind.isText()) return "{generator: " + ci.semantic() + "}";
        return null;
    }

    /** A range from both CHECK bounds (strict ones tightened by one on integer columns), or null. */
    private static String range(ColumnDomain domain, TypeKind kind) {
        if (domain.lower() == null || domain.upper() == null) return null;
        try {
            BigDecimal min = domain.lower().number();
            BigDecimal max = domain.upper().number();
            if (domain.lower().strict() || domain.upper().strict()) {
                if (!kind.isInteger()) return null;
                if (domain.lower().strict()) min = min.add(BigDecimal.ONE);
                if (domain.upper().strict()) max = max.subtract(BigDecimal.ONE);
            }
            if (min.compareTo(max) > 0) return null;
            return "{range: {min: " + min.stripTrailingZeros().toPlainString() + ", max: " + max.stripTrailingZeros().toPlainString() + "}}";
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private static Object value(String literal, TypeKind kind) {
        String text = literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")
                ? literal.substring(1, literal.length() - 1).replace("''", "'") : literal;
        if (kind.isInteger()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (kind.isNumeric()) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return text;
    }

    private static String choices(List<Object> values) {
        StringBuilder s = new StringBuilder("{choices: {values: [");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) s.append(", ");
            Object v = values.get(i);
            s.append(v instanceof String text ? quote(text) : v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
        }
        s.append("], weights: [");
        for (int i = 0; i < values.size(); i++) s.append(i > 0 ? ", 1" : "1");
        return s.append("]}}").toString();
    }

    /** A mapping key: plain when YAML reads it back as the same string, else double-quoted. */
    private static String key(String name) {
        return PLAIN.matcher(name).matches() && !YAML_WORDS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? name : quote(name);
    }

    /** A double-quoted scalar: JSON's string syntax is YAML's double-quoted style. */
    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
