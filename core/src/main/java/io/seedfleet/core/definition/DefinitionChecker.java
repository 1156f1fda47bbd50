package io.seedfleet.core.definition;

import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.PerParent;
import io.seedfleet.core.definition.DataDefinition.Spec;
import io.seedfleet.core.definition.DataDefinition.TableSpec;
import io.seedfleet.core.generate.Semantic;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a definition against the schema it will be applied to: every table, column, parent and trait
 * it names exists (and is not ambiguous), each rule fits its column, plus everything
 * {@link DefinitionShape} checks without a schema. Reports every problem at once, each at the line and
 * column the definition file wrote it (given the {@link DefinitionLocations} the reader kept).
 */
public final class DefinitionChecker {

    /** The names {@code generator:} accepts besides a Datafaker expression {@code #{...}}: the engine's semantics. */
    public static final Set<String> GENERATORS = Arrays.stream(Semantic.values()).filter(s -> s != Semantic.GENERIC)
            .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
    private static final Set<String> TEMPLATE_WORDS = Set.of("index", "row", "seed");

    private final SchemaModel schema;
    private final DefinitionLocations at;
    private final List<DefinitionProblem> problems = new ArrayList<>();

    private DefinitionChecker(SchemaModel schema, DefinitionLocations at) {
        this.schema = schema;
        this.at = at;
    }

    /** Every problem of {@code d} against {@code schema}, in file order; empty when it can be applied. */
    public static List<DefinitionProblem> check(DataDefinition d, SchemaModel schema, DefinitionLocations locations) {
        DefinitionChecker checker = new DefinitionChecker(schema, locations);
        checker.header(d);
        checker.problems.addAll(DefinitionShape.check(d, locations));
        if (d.spec() != null) checker.spec(d.spec());
        return checker.problems.stream().distinct()
                .sorted(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column))
                .toList();
    }

    public static List<DefinitionProblem> check(DefinitionDocument document, SchemaModel schema) {
        return check(document.definition(), schema, document.locations());
    }

    /** Throws a {@link DefinitionException} listing every problem, if there is any. */
    public static void requireValid(DefinitionDocument document, SchemaModel schema) {
        List<DefinitionProblem> problems = check(document, schema);
        if (!problems.isEmpty()) throw new DefinitionException(problems);
    }

    private void header(DataDefinition d) {
        if (!DataDefinition.API_VERSION.equals(d.apiVersion())) {
            problems.add(at.atValue(DefinitionPath.ROOT.key("apiVersion"), "expected apiVersion " + DataDefinition.API_VERSION));
        }
        if (!DataDefinition.KIND.equals(d.kind())) {
            problems.add(at.atValue(DefinitionPath.ROOT.key("kind"), "expected kind " + DataDefinition.KIND));
        }
    }

    private void spec(Spec spec) {
        DefinitionPath s = DefinitionPath.ROOT.key("spec");
        spec.tables().forEach((key, t) -> {
            DefinitionPath p = s.key("tables").key(key);
            table(key, p).ifPresent(table -> tableSpec(table, t, p));
        });
        spec.traits().forEach((name, trait) -> {
            DefinitionPath p = s.key("traits").key(name);
            if (trait.table() == null) return;
            table(trait.table(), p.key("table")).ifPresent(table -> fields(table, trait.fields(), p.key("fields")));
        });
        spec.scenarios().forEach((name, scenario) -> {
            DefinitionPath p = s.key("scenarios").key(name);
            scenario.rows().keySet().forEach(key -> table(key, p.key("rows").key(key)));
            for (int i = 0; i < scenario.groups().size(); i++) group(spec, scenario.groups().get(i), p.key("groups").index(i));
        });
        spec.masking().forEach((key, columns) -> {
            DefinitionPath p = s.key("masking").key(key);
            table(key, p).ifPresent(table -> columns.keySet().forEach(name -> {
                List<String> names = table.columns().stream().map(Column::name).toList();
                if (!names.contains(name)) {
                    problems.add(at.atKey(p.key(name), table.name() + " has no column '" + name + "'" + suggestion(name, names)));
                }
            }));
        });
    }

    private void tableSpec(Table table, TableSpec t, DefinitionPath p) {
        if (t.perParent() != null) perParent(table, t.perParent(), p.key("perParent"));
        fields(table, t.fields(), p.key("fields"));
    }

    private void group(Spec spec, DataDefinition.Group g, DefinitionPath p) {
        if (g.table() == null) return;
        Optional<Table> table = table(g.table(), p.key("table"));
        for (int i = 0; i < g.traits().size(); i++) {
            String name = g.traits().get(i);
            DefinitionPath tp = p.key("traits").index(i);
            DataDefinition.Trait trait = spec.traits().get(name);
            if (trait == null) {
                problems.add(at.atValue(tp, "no trait '" + name + "'" + suggestion(name, spec.traits().keySet())));
            } else if (table.isPresent() && trait.table() != null) {
                Optional<Table> traitTable = schema.resolve(trait.table());
                if (traitTable.isPresent() && !traitTable.get().name().equals(table.get().name())) {
                    problems.add(at.atValue(tp, "trait '" + name + "' is for " + traitTable.get().name()
                            + ", not for this group's table " + table.get().name()));
                }
            }
        }
        table.ifPresent(t -> fields(t, g.fields(), p.key("fields")));
    }

    private void perParent(Table table, PerParent pp, DefinitionPath p) {
        List<QualifiedName> parents = table.foreignKeys().stream().map(ForeignKey::referencedTable).distinct().toList();
        if (pp.parent() != null) {
            table(pp.parent(), p.key("parent")).ifPresent(parent -> {
                if (!parents.contains(parent.name())) {
                    problems.add(at.atValue(p.key("parent"), parent.name() + " is not a parent of " + table.name()
                            + " (no foreign key references it)" + (parents.isEmpty() ? "" : "; parents: " + join(parents))));
                }
            });
            return;
        }
        List<QualifiedName> required = table.foreignKeys().stream()
                .filter(fk -> fk.columns().stream().noneMatch(c -> table.column(c).nullable()))
                .map(ForeignKey::referencedTable).filter(n -> !n.equals(table.name())).distinct().toList();
        if (required.isEmpty()) {
            problems.add(at.atKey(p, table.name() + " has no NOT NULL parent; name one with parent"
                    + (parents.isEmpty() ? "" : " (" + join(parents) + ")")));
        } else if (required.size() > 1) {
            problems.add(at.atKey(p, "which parent? " + table.name() + " has several NOT NULL parents (" + join(required)
                    + "); name one with parent"));
        }
    }

    private void fields(Table table, Map<String, FieldRule> fields, DefinitionPath p) {
        fields.forEach((name, rule) -> {
            DefinitionPath fp = p.key(name);
            Optional<Column> column = table.columns().stream().filter(c -> c.name().equals(name)).findFirst();
            if (column.isEmpty()) {
                problems.add(at.atKey(fp, table.name() + " has no column '" + name + "'"
                        + suggestion(name, table.columns().stream().map(Column::name).toList())));
            } else if (rule != null) {
                rule(table, column.get(), rule, fp);
            }
        });
    }

    private void rule(Table table, Column column, FieldRule r, DefinitionPath p) {
        if (column.generated()) {
            problems.add(at.atKey(p, column.name() + " is computed by the database (a generated column); no rule applies"));
            return;
        }
        Map<String, Object> given = DefinitionShape.valueRules(r);
        boolean foreignKey = table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column.name()));
        if (foreignKey && !given.isEmpty() && r.reference() == null) {
            problems.add(at.atKey(p, column.name() + " is a foreign key: its values come from the parent; use reference to choose them"));
        }
        if (r.nullRate() != null && r.nullRate() > 0 && !column.nullable()) {
            problems.add(at.atValue(p.key("nullRate"), column.name() + " is NOT NULL"));
        }
        TypeKind kind = column.type().kind();
        boolean fakerExpression = r.generator() != null && r.generator().contains("#{");
        if (r.generator() != null && !r.generator().isEmpty() && !fakerExpression
                && !GENERATORS.contains(r.generator().trim().toLowerCase(Locale.ROOT).replace('-', '_'))) {
            problems.add(at.atValue(p.key("generator"), "unknown generator '" + r.generator() + "'"
                    + suggestion(r.generator(), GENERATORS) + "; expected a Datafaker expression #{...} or one of " + String.join(", ", GENERATORS)));
        }
        if (r.generator() != null && !kind.isText()) {
            problems.add(at.atKey(p.key("generator"), "generator makes text; " + column.name() + " is " + column.type().sqlName()
                    + (kind.isNumeric() || kind.isTemporal() ? " (use range or sequence)" : "")));
        }
        if (r.sequence() != null && !kind.isNumeric() && !kind.isText()) {
            problems.add(at.atKey(p.key("sequence"), "sequence needs a numeric or text column; " + column.name() + " is " + column.type().sqlName()));
        }
        if (r.template() != null) {
            Matcher m = PLACEHOLDER.matcher(r.template());
            while (m.find()) {
                String name = m.group(1);
                if (!TEMPLATE_WORDS.contains(name) && table.columns().stream().noneMatch(c -> c.name().equals(name))) {
                    problems.add(at.atValue(p.key("template"), "unknown placeholder {{" + name + "}}; expected index, row, seed or a column of "
                            + table.name()));
                }
            }
        }
        if (kind == TypeKind.ENUM) {
            List<String> labels = column.type().enumLabels();
            if (r.choices() != null && r.choices().values() != null) {
                for (int i = 0; i < r.choices().values().size(); i++) {
                    Object v = r.choices().values().get(i);
                    if (v != null && !labels.contains(String.valueOf(v))) {
                        problems.add(at.atValue(p.key("choices").key("values").index(i), "'" + v + "' is not a label of "
                                + column.type().sqlName() + " (" + String.join(", ", labels) + ")"));
                    }
                }
            }
            if (r.constant() != null && !labels.contains(String.valueOf(r.constant()))) {
                problems.add(at.atValue(p.key("constant"), "'" + r.constant() + "' is not a label of " + column.type().sqlName()
                        + " (" + String.join(", ", labels) + ")"));
            }
        }
        if (r.range() != null) {
            boolean numbers = r.range().min() != null || r.range().max() != null;
            boolean times = r.range().from() != null || r.range().to() != null;
            if (numbers && !kind.isNumeric()) {
                problems.add(at.atKey(p.key("range"), "min/max need a numeric column; " + column.name() + " is " + column.type().sqlName()
                        + (kind.isTemporal() ? " (use from/to)" : "")));
            }
            if (times && !kind.isTemporal()) {
                problems.add(at.atKey(p.key("range"), "from/to need a date or time column; " + column.name() + " is " + column.type().sqlName()
                        + (kind.isNumeric() ? " (use min/max)" : "")));
            }
        }
        if (r.series() != null) series(table, column, r.series(), p.key("series"));
        if (r.every() != null && !(kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMPTZ)) {
            problems.add(at.atKey(p.key("every"), "every needs a date or timestamp column; " + column.name() + " is " + column.type().sqlName()));
        }
        if (r.every() != null && kind == TypeKind.DATE && r.every().stepSeconds().filter(s -> s % 86_400 != 0).isPresent()) {
            problems.add(at.atValue(p.key("every").key("step"), column.name() + " is a date; step must be whole days (d or w)"));
        }
        if (r.anomaly() != null) {
            if (kind != TypeKind.BOOLEAN) {
                problems.add(at.atKey(p.key("anomaly"), "anomaly labels rows true or false; " + column.name() + " is " + column.type().sqlName()));
            }
            String series = r.anomaly().series();
            if (series != null && !series.isBlank()) {
                Optional<Column> valueColumn = table.columns().stream().filter(c -> c.name().equals(series)).findFirst();
                if (valueColumn.isEmpty()) {
                    problems.add(at.atValue(p.key("anomaly").key("series"), table.name() + " has no column '" + series + "'"
                            + suggestion(series, table.columns().stream().map(Column::name).toList())));
                } else if (!valueColumn.get().type().kind().isNumeric()) {
                    problems.add(at.atValue(p.key("anomaly").key("series"), series + " is " + valueColumn.get().type().sqlName()
                            + ", not a numeric column a series rule could fill"));
                }
            }
        }
        if (r.probability() != null && kind != TypeKind.BOOLEAN) {
            problems.add(at.atKey(p.key("probability"), "probability needs a boolean column; " + column.name() + " is " + column.type().sqlName()));
        }
        if (r.reference() != null && r.reference().table() != null) {
            DefinitionPath rp = p.key("reference");
            table(r.reference().table(), rp.key("table")).ifPresent(parent -> {
                List<String> columns = parent.columns().stream().map(Column::name).toList();
                if (r.reference().column() != null && !columns.contains(r.reference().column())) {
                    problems.add(at.atValue(rp.key("column"), parent.name() + " has no column '" + r.reference().column() + "'"
                            + suggestion(r.reference().column(), columns)));
                }
                if (r.reference().where() != null) {
                    r.reference().where().keySet().stream().filter(c -> !columns.contains(c)).forEach(c ->
                            problems.add(at.atKey(rp.key("where").key(c), parent.name() + " has no column '" + c + "'" + suggestion(c, columns))));
                }
            });
        }
    }

    private void series(Table table, Column column, DataDefinition.Series s, DefinitionPath p) {
        if (!column.type().kind().isNumeric()) {
            problems.add(at.atKey(p, "series makes numbers; " + column.name() + " is " + column.type().sqlName()));
        }
        if (s.time() == null || s.time().isBlank()) return;
        Optional<Column> time = table.columns().stream().filter(c -> c.name().equals(s.time())).findFirst();
        if (time.isEmpty()) {
            problems.add(at.atValue(p.key("time"), table.name() + " has no column '" + s.time() + "'"
                    + suggestion(s.time(), table.columns().stream().map(Column::name).toList())));
        } else if (!(time.get().type().kind() == TypeKind.DATE || time.get().type().kind() == TypeKind.TIMESTAMP
                || time.get().type().kind() == TypeKind.TIMESTAMPTZ)) {
            problems.add(at.atValue(p.key("time"), s.time() + " is " + time.get().type().sqlName() + "; the time of a reading must be a date or timestamp column"));
        }
    }

    /** Resolves a table key as {@link SchemaModel#resolve} does, reporting an unknown or ambiguous one at {@code p}. */
    private Optional<Table> table(String key, DefinitionPath p) {
        Optional<Table> table = schema.resolve(key);
        if (table.isPresent()) return table;
        if (!key.contains(".")) {
            List<QualifiedName> matches = schema.tables().stream().map(Table::name).filter(n -> n.name().equals(key)).toList();
            if (matches.size() > 1) {
                problems.add(at.atKey(p, "table '" + key + "' is ambiguous: " + join(matches) + "; write schema.table"));
                return Optional.empty();
            }
        }
        List<String> names = new ArrayList<>();
        schema.tables().forEach(t -> names.add(t.name().toString()));
        String bare = key.contains(".") ? key.substring(key.indexOf('.') + 1) : key;
        Optional<String> sameName = names.stream().filter(n -> n.endsWith("." + bare)).findFirst();
        problems.add(at.atKey(p, "no table '" + key + "'"
                + (sameName.isPresent() ? "; did you mean " + sameName.get() + "?" : suggestion(key, names))));
        return Optional.empty();
    }

    private static String join(List<QualifiedName> names) {
        return names.stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
    }

    /** "; did you mean x?" for the closest candidate within two edits, else nothing. */
    static String suggestion(String wrong, java.util.Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best == null ? "" : "; did you mean " + best + "?";
    }

    /** Edit distance with adjacent transpositions counted as one edit ("tempalte" is one from "template"). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
