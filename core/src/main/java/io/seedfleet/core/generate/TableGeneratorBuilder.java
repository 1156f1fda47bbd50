package io.seedfleet.core.generate;

import io.seedfleet.core.definition.DataDefinition;
import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.definition.Rules.Segment;
import io.seedfleet.core.plan.CheckAnalyzer;
import io.seedfleet.core.plan.CheckEvaluator;
import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.plan.ColumnDomain;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.PlanProblem;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link TableGenerator} of one table: binds foreign keys to parent pickers, makes one
 * column of every unique key unique by construction, reads CHECK domains, and picks a realistic
 * generator for each remaining column from its type and meaning.
 */
final class TableGeneratorBuilder {
    private static final ColumnGenerator NULL = (row, out) -> out.writeNull();
    private static final int DEFAULT_NULLS_PER_THOUSAND = 100;

    private final GenerationPlan plan;
    private final Table table;
    private final List<PlanProblem> problems;
    private final long rows;
    private final CheckAnalyzer.Result checks;
    private final Person person;
    private final ForeignKeyBinder foreignKeys;
    private final Set<String> referenced = new HashSet<>();
    private final Set<String> sequential = new HashSet<>();
    private final Set<String> unique = new HashSet<>();
    private final Map<String, ColumnGenerator> raw = new HashMap<>();
    private final Map<String, LongColumn> longs = new HashMap<>();
    private final Set<String> building = new HashSet<>();
    private List<String> insertColumns;
    private ColumnGenerator[] insert;
    /** Columns that follow another or are followed: an edge value in either would break their order. */
    private final Set<String> related = new HashSet<>();
    private final Map<String, EdgeCaseColumn> edgeColumns = new java.util.LinkedHashMap<>();
    /** The data definition's rules for this table's columns (foreign keys' references live in the binder). */
    private final Map<String, List<Segment>> ruled = new java.util.TreeMap<>();
    private final Map<String, List<ColumnGenerator>> ruledValues = new HashMap<>();
    private final Map<String, ColumnGenerator> inferred = new HashMap<>();
    private final RuleColumns ruleColumns = new RuleColumns(this);
    /** Non-key columns whose values come from a {@code reference} rule, read from the parent once linked. */
    private final List<ForeignKeyBinder.FkColumn> referenceColumns = new ArrayList<>();
    private final List<ReferencePicker> references = new ArrayList<>();

    TableGeneratorBuilder(GenerationPlan plan, Table table, List<PlanProblem> problems, Set<CorrelatedForeignKeys.Layout> roundRobin) {
        this.plan = plan;
        this.table = table;
        this.problems = problems;
        this.rows = plan.rows(table.name());
        this.checks = CheckAnalyzer.analyze(table);
        this.person = new Person(salt("#person"), plan.localeMix());
        Rules.TableRules rules = plan.rules().table(table.name());
        if (rules != null) ruled.putAll(rules.fields());
        this.foreignKeys = new ForeignKeyBinder(plan, table, this::salt, this::problem, roundRobin, ruled);
        for (Table t : plan.schema().tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.referencedTable().equals(table.name())) referenced.addAll(fk.referencedColumns());
            }
        }
    }

    TableGenerator build() {
        foreignKeys.bind();
        chooseUniqueCarriers();
        refuseRulesThatCannotApply();
        // Every value generator first: only then is it known which columns others are derived from.
        for (Column c : table.columns()) {
            if (c.writable() && !foreignKeys.deferredColumns().contains(c.name())) generator(c);
        }
        List<String> insertColumns = new ArrayList<>();
        List<ColumnGenerator> insert = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!c.writable()) continue;
            if (foreignKeys.deferredColumns().contains(c.name())) {
                insertColumns.add(c.name());
                insert.add(NULL);
                continue;
            }
            ColumnGenerator g = finalGenerator(c);
            if (g == null) continue; // left to the column's default
            insertColumns.add(c.name());
            insert.add(g);
        }
        this.insertColumns = List.copyOf(insertColumns);
        this.insert = insert.toArray(ColumnGenerator[]::new);
        List<String> keyColumns = List.of();
        List<ColumnGenerator> update = new ArrayList<>();
        if (!foreignKeys.deferredColumns().isEmpty()) {
            keyColumns = updateKey();
            for (String k : keyColumns) update.add(generator(table.column(k)));
            for (String d : foreignKeys.deferredColumns()) update.add(foreignKeys.columns().get(d));
        }
        return new TableGenerator(table, rows, insertColumns, this.insert,
                keyColumns, List.copyOf(foreignKeys.deferredColumns()), update.toArray(ColumnGenerator[]::new), edgeColumns);
    }

    /**
     * CHECKs the analyzer could not turn into domains: compiled for evaluation, their free columns
     * redrawn per row until they hold (see {@link CheckedRows}), and a sample of rows tried now, so
     * that what cannot be satisfied is reported before anything is written.
     */
    void finish() {
        checkRuledValues(); // renders rows: templates and references read other columns and tables
        satisfyUnsolvedChecks();
    }

    private void satisfyUnsolvedChecks() {
        // A rule's values bypass the domains the analyzer solved: every CHECK over a ruled column is evaluated too.
        List<CheckConstraint> toEvaluate = new ArrayList<>(checks.unsolved());
        for (CheckConstraint check : table.checks()) {
            if (!toEvaluate.contains(check) && ruled.keySet().stream().anyMatch(col -> check.columns().contains(col) || mentions(check.expression(), col))) {
                toEvaluate.add(check);
            }
        }
        if (toEvaluate.isEmpty() || rows == 0) return;
        java.time.Instant now = java.time.Instant.ofEpochSecond(Math.floorDiv(plan.anchorEpochMicros(), 1_000_000L));
        List<CheckEvaluator.Compiled> compiled = new ArrayList<>();
        Set<String> involved = new LinkedHashSet<>();
        for (CheckConstraint check : toEvaluate) {
            // Checks the analyzer solved are only sampled for ruled values here; what cannot be evaluated is left to the database.
            boolean onlyForRules = !checks.unsolved().contains(check);
            try {
                CheckEvaluator.Compiled c = CheckEvaluator.compile(check.expression(), now);
                List<String> missing = c.columns().stream().filter(col -> !insertColumns.contains(col)).toList();
                if (!missing.isEmpty() && onlyForRules) continue;
                if (!missing.isEmpty()) {
                    problem(check.name(), "CHECK (" + check.expression() + ") reads " + missing + ", which this engine does not write");
                    continue;
                }
                compiled.add(c);
                involved.addAll(c.columns());
            } catch (CheckEvaluator.UnsupportedCheck e) {
                if (onlyForRules) continue;
                problem(check.name(), "CHECK (" + check.expression() + ") is not supported yet: " + e.getMessage());
            }
        }
        if (compiled.isEmpty()) return;
        Map<String, ColumnGenerator> generators = new HashMap<>();
        Map<String, TypeKind> kinds = new HashMap<>();
        Set<String> free = new LinkedHashSet<>();
        for (String column : involved) {
            generators.put(column, insert[insertColumns.indexOf(column)]);
            kinds.put(column, table.column(column).type().kind());
            if (redrawable(column)) free.add(column);
        }
        CheckedRows checked = new CheckedRows(compiled, generators, kinds, free);
        long[] sampleRows = sampleRows();
        long sample = sampleRows.length;
        long failures = checked.unsatisfied(sampleRows);
        if (failures > 0) {
            String names = compiled.stream().map(CheckEvaluator.Compiled::expression).collect(java.util.stream.Collectors.joining(" AND "));
            problem(String.join(", ", involved), "CHECK (" + names + ") failed for " + failures + " of " + sample + " sampled rows after "
                    + CheckedRows.MAX_ATTEMPTS + " attempts" + (free.isEmpty() ? " (none of its columns can be redrawn: they are keys)" : ""));
            return;
        }
        for (String column : free) insert[insertColumns.indexOf(column)] = checked.wrap(column);
    }

    /** The first thousand rows and the first rows of every rule's range, so a group's rules are sampled too. */
    private long[] sampleRows() {
        java.util.TreeSet<Long> sample = new java.util.TreeSet<>();
        for (long row = 0; row < Math.min(rows, 1000); row++) sample.add(row);
        for (List<Segment> segments : ruled.values()) {
            for (Segment s : segments) for (long row = s.from(); row < Math.min(rows, Math.min(s.to(), s.from() + 200)); row++) sample.add(row);
        }
        return sample.stream().mapToLong(Long::longValue).toArray();
    }

    /** A column no other row or column depends on can take another draw for a row. */
    private boolean redrawable(String column) {
        if (ruled.containsKey(column) && !foreignKeys.columns().containsKey(column)) return false; // the user chose its values
        boolean partitionKey = table.partitioning() != null && table.partitioning().columns().contains(column);
        return !referenced.contains(column) && !unique.contains(column) && !sequential.contains(column) && !related.contains(column)
                && !partitionKey && !foreignKeys.deferredColumns().contains(column)
                && (!foreignKeys.columns().containsKey(column) || foreignKeys.freelyPicked(column));
    }

    // ---- uniqueness ---------------------------------------------------------------------------

    private void chooseUniqueCarriers() {
        for (Column c : table.columns()) {
            if (c.identity() != Column.Identity.NONE && c.type().kind().isInteger()) sequential.add(c.name());
        }
        table.primaryKey().ifPresent(pk -> {
            if (pk.columns().size() == 1 && table.column(pk.columns().get(0)).type().kind().isInteger()
                    && !foreignKeys.columns().containsKey(pk.columns().get(0))) {
                sequential.add(pk.columns().get(0));
            }
        });
        for (UniqueKey key : table.uniqueKeys()) {
            List<String> columns = new ArrayList<>(key.columns());
            for (String e : key.expressions()) {
                for (Column c : table.columns()) if (mentions(e, c.name()) && !columns.contains(c.name())) columns.add(c.name());
            }
            if (columns.stream().anyMatch(c -> sequential.contains(c) || unique.contains(c))) continue;
            List<String> free = columns.stream().filter(c -> !foreignKeys.columns().containsKey(c)).toList();
            if (free.isEmpty()) {
                if (!foreignKeys.uniqueByPickers(key) && rows > 1) {
                    problem(key.name(), "unique over foreign-key columns that do not each cover whole foreign keys; "
                            + "correlated parent picks are not supported yet");
                }
                continue;
            }
            String carrier = free.stream().min(Comparator.comparingInt(c -> carrierPreference(table.column(c)))).orElseThrow();
            unique.add(carrier);
        }
    }

    private static int carrierPreference(Column c) {
        TypeKind k = c.type().kind();
        if (k.isInteger()) return 0;
        if (k == TypeKind.UUID) return 1;
        if (k.isText()) return 2;
        if (k.isNumeric() || k.isTemporal()) return 3;
        return 4;
    }

    private static boolean mentions(String expression, String column) {
        return expression.matches("(?s).*(^|[^A-Za-z0-9_\"])\"?" + java.util.regex.Pattern.quote(column) + "\"?([^A-Za-z0-9_\"]|$).*");
    }

    /** The primary key, or else the first plain unique key with no deferred column, identifies rows for updates. */
    private List<String> updateKey() {
        return table.uniqueKeys().stream()
                .filter(k -> k.isPlain() && k.columns().stream().noneMatch(foreignKeys.deferredColumns()::contains)
                        && k.columns().stream().noneMatch(c -> table.column(c).nullable()))
                .sorted(Comparator.comparing((UniqueKey k) -> !k.isPrimaryKey()))
                .map(UniqueKey::columns)
                .findFirst()
                .orElseGet(() -> {
                    problem(null, "is in a foreign-key cycle but has no NOT NULL unique key to update its rows by");
                    return List.of();
                });
    }

    // ---- column values ------------------------------------------------------------------------

    /**
     * The generator as written on insert: with edge cases where they cannot break a key or a
     * relation between columns, null-wrapped for nullable columns; null to leave the column out.
     */
    private ColumnGenerator finalGenerator(Column c) {
        if (isRuled(c)) {
            List<Segment> segments = ruled.get(c.name());
            ColumnGenerator fallback = coversAll(segments) ? null : inferredFinal(c);
            return new RangedColumn(fallback, segments, ruledValues(c));
        }
        return inferredFinal(c);
    }

    private ColumnGenerator inferredFinal(Column c) {
        ColumnGenerator g = isRuled(c) ? inferred(c) : generator(c);
        if (g == null) return null;
        boolean keyLike = referenced.contains(c.name()) || unique.contains(c.name()) || sequential.contains(c.name())
                || foreignKeys.columns().containsKey(c.name()) || g == NULL;
        boolean partitionKey = table.partitioning() != null && table.partitioning().columns().contains(c.name());
        if (!keyLike && !partitionKey && plan.edgeCasesPerMille() > 0 && !related.contains(c.name())
                && checks.domain(c.name()).allowed() == null) {
            List<EdgeCases.Edge> edges = edgeCases(c);
            if (!edges.isEmpty()) {
                EdgeCaseColumn edgy = new EdgeCaseColumn(g, edges, salt(c.name() + "#edge"), plan.edgeCasesPerMille());
                edgeColumns.put(c.name(), edgy);
                g = edgy;
            }
        }
        if (c.nullable() && !keyLike) {
            return new NullableColumn(g, salt(c.name() + "#null"), nullsPerThousand(Semantic.classify(table, c)));
        }
        return g;
    }

    private List<EdgeCases.Edge> edgeCases(Column c) {
        TypeKind kind = c.type().kind();
        if (kind.isText()) {
            Integer min = checks.domain(c.name()).minLength();
            return EdgeCases.text(c, Semantic.classify(table, c), min == null ? 0 : min, maxChars(c));
        }
        Units u = Units.of(c.type());
        if (u == null) return List.of();
        long[] bounds = NumericValues.bounds(u, checks.domain(c.name()));
        List<EdgeCases.Edge> edges = new ArrayList<>(EdgeCases.longValued(u, bounds[0], bounds[1]));
        if ((kind == TypeKind.REAL || kind == TypeKind.DOUBLE) && checks.domain(c.name()).isUnrestricted()) {
            edges.addAll(EdgeCases.floating(kind));
        }
        return edges;
    }

    private static int nullsPerThousand(Semantic s) {
        return switch (s) {
            case DELETED_AT -> 900;
            case END_AT -> 300;
            default -> DEFAULT_NULLS_PER_THOUSAND;
        };
    }

    /** The non-null generator of a column (used by children's foreign keys and by related columns). */
    ColumnGenerator generator(Column c) {
        ColumnGenerator g = raw.get(c.name());
        if (g != null || raw.containsKey(c.name())) return g;
        ForeignKeyBinder.FkColumn fk = foreignKeys.columns().get(c.name());
        if (fk != null) {
            g = fk;
        } else if (isRuled(c)) {
            List<Segment> segments = ruled.get(c.name());
            g = new RangedColumn(coversAll(segments) ? null : inferred(c), segments, ruledValues(c));
        } else {
            g = create(c);
        }
        raw.put(c.name(), g);
        return g;
    }

    /** The value the engine would infer for a ruled column (for rows no rule gives values to). */
    private ColumnGenerator inferred(Column c) {
        if (inferred.containsKey(c.name())) return inferred.get(c.name());
        ColumnGenerator g = create(c);
        inferred.put(c.name(), g);
        return g;
    }

    // ---- rules of a data definition -------------------------------------------------------------

    private boolean isRuled(Column c) {
        return ruled.containsKey(c.name()) && !foreignKeys.columns().containsKey(c.name());
    }

    /** Whether a table-wide rule gives every row its value (no inferred value is needed). */
    private static boolean coversAll(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s.from() == 0 && s.to() == Segment.ALL && RuleColumns.givesValues(s.rule()));
    }

    /**
     * One generator per segment: the rule's values (or the inferred ones under a bare nullRate or
     * locales), with the rule's share of NULLs. The raw and written forms of the column differ only in the
     * inferred fallback, so the segments are built once.
     */
    private List<ColumnGenerator> ruledValues(Column c) {
        List<ColumnGenerator> known = ruledValues.get(c.name());
        if (known != null) return known;
        List<Segment> segments = ruled.get(c.name());
        List<ColumnGenerator> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            DataDefinition.FieldRule r = s.rule();
            ColumnGenerator g;
            if (r.reference() != null) {
                g = referenceColumn(c, s, i);
            } else if (RuleColumns.givesValues(r)) {
                g = ruleColumns.values(c, s, i);
            } else if (r.locales() != null && !r.locales().isEmpty() && c.type().kind().isText()) {
                g = semanticText(c, Semantic.classify(table, c), new Person(salt(c.name() + "#locales" + i), r.locales()));
            } else {
                g = inferred(c);
            }
            if (g == null) g = NULL; // reported
            if (r.nullRate() != null && r.nullRate() > 0) {
                g = new NullableColumn(g, salt(c.name() + "#ruleNull" + i), (int) Math.round(r.nullRate() * 1000));
            } else if (!RuleColumns.givesValues(r) && c.nullable() && r.nullRate() == null && !unique.contains(c.name()) && !referenced.contains(c.name())) {
                g = new NullableColumn(g, salt(c.name() + "#null"), nullsPerThousand(Semantic.classify(table, c)));
            }
            out.add(g);
        }
        ruledValues.put(c.name(), out);
        return out;
    }

    /** A non-key column taking another table's value from a row that matches {@code where}. */
    private ColumnGenerator referenceColumn(Column c, Segment s, int index) {
        DataDefinition.Reference ref = s.rule().reference();
        Table parent = ref.table() == null ? null : plan.schema().resolve(ref.table()).orElse(null);
        if (parent == null || ref.column() == null || parent.columns().stream().noneMatch(x -> x.name().equals(ref.column()))) {
            problem(c.name(), s.origin() + ": reference needs an existing table and column (" + ref.table() + "." + ref.column() + ")");
            return null;
        }
        ReferencePicker picker = new ReferencePicker(parent.name(), ref.where(), salt(c.name() + "#reference" + index));
        references.add(picker);
        ForeignKeyBinder.FkColumn column = new ForeignKeyBinder.FkColumn(picker, parent.name(), ref.column());
        referenceColumns.add(column);
        return column;
    }

    /**
     * Rules the engine must refuse: on columns it does not write, on sequential keys, on foreign
     * keys (except references), a null rate on NOT NULL or referenced columns, and values that could
     * repeat in a unique column. Refused rules are dropped so the rest of the table still builds.
     */
    private void refuseRulesThatCannotApply() {
        for (var it = ruled.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Column c = table.column(e.getKey());
            String why = null;
            java.util.Set<String> constants = new java.util.HashSet<>();
            for (Segment s : e.getValue()) {
                DataDefinition.FieldRule r = s.rule();
                boolean fk = foreignKeys.columns().containsKey(c.name());
                if (!c.writable()) why = "is generated by the database; no rule applies";
                else if (sequential.contains(c.name())) why = "is a sequential key the engine numbers; no rule applies";
                else if (fk && (RuleColumns.givesValues(r) && r.reference() == null)) why = s.origin() + ": is a foreign key; only a reference rule may choose its parent";
                else if (fk && r.nullRate() != null) why = s.origin() + ": nullRate on a foreign key is not supported";
                else if (r.nullRate() != null && r.nullRate() > 0 && !c.nullable()) why = s.origin() + ": nullRate on a NOT NULL column";
                else if (r.nullRate() != null && r.nullRate() > 0 && (referenced.contains(c.name()) || unique.contains(c.name()))) {
                    why = s.origin() + ": nullRate on a key column";
                } else if (unique.contains(c.name()) && !fk && RuleColumns.givesValues(r) && !uniqueByConstruction(r) && !singleRowConstant(s)) {
                    why = s.origin() + ": is unique; only sequence, a template with {{index}}, a generator or a constant for one row keeps it unique";
                } else if (unique.contains(c.name()) && singleRowConstant(s) && !constants.add(String.valueOf(r.constant()))) {
                    why = s.origin() + ": another row of this unique column is given the same constant " + r.constant();
                } else if (unique.contains(c.name()) && !fk && s.to() != Segment.ALL && (r.sequence() != null || r.every() != null)) {
                    why = s.origin() + ": a sequence in one group of a unique column would repeat other rows' values";
                }
                if (why != null) break;
            }
            if (why != null) {
                problem(c.name(), why);
                it.remove();
            }
        }
    }

    /** A scenario group of one row may name its key outright (an organisation's slug, a plan's code). */
    private static boolean singleRowConstant(Segment s) {
        return s.rule().constant() != null && s.to() != Segment.ALL && s.to() - s.from() == 1;
    }

    private static boolean uniqueByConstruction(DataDefinition.FieldRule r) {
        return r.sequence() != null && (r.sequence().step() == null || r.sequence().step() != 0) || r.every() != null
                || r.template() != null && RuleColumns.templateIsUnique(r.template())
                || r.generator() != null && !r.generator().contains("#{");
    }

    /** Template references and a sample of every segment's values against the column's type and length. */
    private void checkRuledValues() {
        for (var e : ruled.entrySet()) {
            Column c = table.column(e.getKey());
            List<Segment> segments = e.getValue();
            if (foreignKeys.columns().containsKey(c.name())) continue;
            for (Segment s : segments) {
                if (s.rule().template() == null) continue;
                for (String other : RuleColumns.templateColumns(s.rule().template())) {
                    if (!insertColumns.contains(other)) problem(c.name(), s.origin() + ": template reads {{" + other + "}}, not a column this engine writes");
                    else if (other.equals(c.name()) || readsBack(other, c.name())) problem(c.name(), s.origin() + ": template reads {{" + other + "}}, which reads it back");
                }
            }
            if (problems.stream().anyMatch(p -> table.name().toString().equals(p.table()) && c.name().equals(p.subject()))) continue;
            List<ColumnGenerator> values = ruledValues(c);
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                if (!RuleColumns.givesValues(s.rule()) || s.rule().reference() != null || values.get(i) == NULL || rows == 0) continue;
                String bad = RuleColumns.typeViolation(c, values.get(i), s.from(), Math.min(s.to(), rows), maxChars(c));
                if (bad != null) problem(c.name(), s.origin() + ": " + bad);
            }
        }
    }

    private boolean readsBack(String other, String column) {
        List<Segment> segments = ruled.get(other);
        return segments != null && segments.stream().anyMatch(s -> s.rule().template() != null
                && RuleColumns.templateColumns(s.rule().template()).contains(column));
    }

    /** A column's generator as written on insert (for templates and references), or null when it is not written. */
    ColumnGenerator insertGenerator(String column) {
        int i = insertColumns == null ? -1 : insertColumns.indexOf(column);
        return i < 0 ? null : insert[i];
    }

    /** Finds the rows every {@code reference} rule may pick, in this table and its foreign keys. */
    void resolveReferences(Map<QualifiedName, TableGeneratorBuilder> builders) {
        List<ReferencePicker> all = new ArrayList<>(references);
        all.addAll(foreignKeys.references());
        for (ReferencePicker r : all) {
            TableGeneratorBuilder parent = builders.get(r.parent);
            if (parent == null) problem(null, "reference to " + r.parent + ", which is not generated");
            else r.resolve(parent, this::problem, null);
        }
    }

    long seed() {
        return plan.seed();
    }

    /** The CHECK domain of a column of this table. */
    ColumnDomain domain(String column) {
        return checks.domain(column);
    }

    /** The rule segments of a column (null when no rule applies to it, or its rules were refused). */
    List<Segment> ruledSegments(String column) {
        return ruled.get(column);
    }

    /** Text of a semantic, for a {@code generator} rule naming one (with the rule's locales when it has them). */
    ColumnGenerator semanticText(Column c, Semantic s, Person locales) {
        ColumnDomain domain = checks.domain(c.name());
        return Texts.fitted(text(c, s, unique.contains(c.name()), locales == null ? person : locales),
                domain.minLength() == null ? 0 : domain.minLength(), maxChars(c));
    }

    private ColumnGenerator create(Column c) {
        ColumnDomain domain = checks.domain(c.name());
        if (domain.mustBeNull()) return NULL;
        boolean isUnique = unique.contains(c.name());
        TypeKind kind = c.type().kind();
        if (sequential.contains(c.name())) {
            long start = domain.lower() == null ? 1 : Math.max(1, Units.of(c.type()).parse(domain.lower().literal(), true) + (domain.lower().strict() ? 1 : 0));
            if (domain.upper() != null) {
                long last = Units.of(c.type()).parse(domain.upper().literal(), true) - (domain.upper().strict() ? 1 : 0);
                if (start + rows - 1 > last) {
                    problem(c.name(), "a sequential key its type or CHECKs allow only " + Math.max(0, last - start + 1) + " values for, but " + rows + " rows are planned");
                }
            }
            return new LongColumn(row -> start + row, LongColumn.Format.INTEGER, 0);
        }
        if (domain.allowed() != null && kind != TypeKind.ENUM) return choice(c, domain.allowed(), isUnique);
        if (Units.of(c.type()) != null) return longColumn(c);
        Semantic semantic = Semantic.classify(table, c);
        long salt = salt(c.name());
        return switch (kind) {
            case BOOLEAN -> {
                if (isUnique && rows > 2) problem(c.name(), "unique boolean column cannot hold " + rows + " rows");
                int trueShare = booleanTrueShare(c.name());
                yield new LongColumn(row -> Mix.belowInt(Mix.at(salt, row), 100) < trueShare ? 1 : 0, LongColumn.Format.BOOLEAN, 0);
            }
            case TEXT, VARCHAR, CHAR -> Texts.fitted(text(c, semantic, isUnique, person),
                    domain.minLength() == null ? 0 : domain.minLength(), maxChars(c));
            case ENUM -> {
                List<String> labels = c.type().enumLabels();
                if (domain.allowed() != null) labels = labels.stream().filter(domain.allowed()::contains).toList();
                yield choice(c, labels, isUnique);
            }
            case UUID -> Values.uuid(salt, isUnique);
            case JSON, JSONB -> Values.json(salt, c.name());
            case INET, CIDR -> kind == TypeKind.CIDR ? Values.cidr(salt) : Texts.ipv4(salt, isUnique ? new Permutation(Math.max(rows, 1), salt) : null);
            case MACADDR -> Values.mac(salt, isUnique);
            case BYTEA -> Values.bytea(salt);
            case INTERVAL -> Values.interval(salt);
            case TSVECTOR -> Texts.words(salt, 2, 6, false);
            case XML -> Values.xml(salt);
            case BIT -> Values.bits(salt, c.type().length() == null ? 1 : c.type().length());
            case ARRAY -> Values.array(c.type().element(), salt);
            default -> unsupported(c);
        };
    }

    private ColumnGenerator unsupported(Column c) {
        if (c.nullable()) return NULL;
        if (c.defaultExpression() != null) return null;
        problem(c.name(), "type " + c.type().sqlName() + " is not supported yet and the column is NOT NULL without a default");
        return NULL;
    }

    private ColumnGenerator choice(Column c, List<String> values, boolean isUnique) {
        if (values.isEmpty()) {
            problem(c.name(), "its CHECK constraints and type leave no allowed value");
            return NULL;
        }
        if (isUnique) {
            if (rows > values.size()) {
                problem(c.name(), "unique, but only " + values.size() + " values are allowed for " + rows + " rows");
                return NULL;
            }
            byte[][] encoded = Texts.encode(values);
            Permutation p = new Permutation(values.size(), salt(c.name()));
            return (row, out) -> out.bytes(encoded[(int) p.apply(row)]);
        }
        return new ChoiceColumn(values, ChoiceColumn.zipfWeights(values.size()), salt(c.name()));
    }

    private static int booleanTrueShare(String name) {
        List<String> t = Semantic.tokens(name);
        if (t.stream().anyMatch(Set.of("active", "enabled", "verified", "confirmed", "visible", "published", "valid")::contains)) return 85;
        if (t.stream().anyMatch(Set.of("deleted", "archived", "blocked", "suspended", "banned", "locked", "admin", "test")::contains)) return 10;
        return 50;
    }

    int maxChars(Column c) {
        Integer typeLength = c.type().length();
        Integer checkLength = checks.domain(c.name()).maxLength();
        int max = Integer.MAX_VALUE;
        if (typeLength != null) max = typeLength;
        if (checkLength != null) max = Math.min(max, checkLength);
        return max;
    }

    private ColumnGenerator text(Column c, Semantic s, boolean isUnique, Person person) {
        long salt = salt(c.name());
        int max = maxChars(c);
        Permutation perm = isUnique ? new Permutation(Math.max(rows, 1), salt + 7) : null;
        if (isUnique && max != Integer.MAX_VALUE && Math.pow(36, Math.min(max, 12)) < rows) {
            problem(c.name(), "unique, but " + max + " characters cannot hold " + rows + " distinct values");
        }
        switch (s) {
            case EMAIL: return Texts.email(person, perm, max);
            case USERNAME: return Texts.username(person, perm, max);
            case REFERENCE_NUMBER:
                if (perm != null && prefix().length() + 1 + Math.max(8, Texts.digits(rows)) <= max) {
                    return Texts.referenceNumber(prefix(), salt, perm);
                }
                break;
            default: break;
        }
        ColumnGenerator base = switch (s) {
            case FIRST_NAME -> Texts.firstName(person);
            case LAST_NAME -> Texts.lastName(person);
            case FULL_NAME -> Texts.fullName(person);
            case PHONE -> Texts.localePooled(person, Pools.LocalePools::phones, salt);
            case CITY -> Texts.localePooled(person, Pools.LocalePools::cities, salt);
            case REGION -> Texts.localePooled(person, Pools.LocalePools::regions, salt);
            case STREET_ADDRESS -> Texts.localePooled(person, Pools.LocalePools::streets, salt);
            case POSTCODE -> Texts.localePooled(person, Pools.LocalePools::postcodes, salt);
            case COUNTRY_CODE -> Texts.countryCode(person, max);
            case COMPANY -> Texts.localePooled(person, Pools.LocalePools::companies, salt);
            case JOB_TITLE -> Texts.pooled(Pools.generic("job"), salt);
            case PRODUCT -> Texts.pooled(Pools.generic("product"), salt);
            case TITLE -> Texts.words(salt, 2, 6, true);
            case DESCRIPTION -> Texts.pooled(Pools.generic(max < 200 ? "sentence" : "paragraph"), salt);
            case URL -> Texts.url(salt);
            case SLUG -> Texts.slug(salt);
            case TOKEN -> Texts.token(salt, Math.min(max, 24));
            case REFERENCE_NUMBER -> Texts.referenceNumber(prefix(), salt, null);
            case CURRENCY -> Texts.ofLocale(person, l -> List.of(l.currency()), salt);
            case TIMEZONE -> Texts.ofLocale(person, Pools.LocaleShare::timeZones, salt);
            case LOCALE -> Texts.ofLocale(person, l -> List.of(l.tag()), salt);
            case LANGUAGE -> Texts.ofLocale(person, l -> List.of(l.language()), salt);
            case COLOR -> Texts.pooled(Pools.generic("color"), salt);
            case USER_AGENT -> Texts.pooled(Pools.generic("userAgent"), salt);
            case MIME_TYPE -> Texts.pooled(Pools.generic("mime"), salt);
            case FILE_NAME -> Texts.fileName(salt);
            case IP_ADDRESS -> Texts.ipv4(salt, null);
            case WORD -> Texts.words(salt, 1, 2, true);
            case IBAN -> Texts.iban(person, salt);
            case CREDIT_CARD -> Texts.cardNumber(salt);
            case MAC_ADDRESS -> Values.mac(salt, isUnique);
            case VAT_NUMBER -> Texts.vatNumber(person, salt);
            case PASSPORT -> Texts.passport(salt);
            case NATIONAL_ID -> Texts.nationalId(person, salt);
            case VERSION -> Texts.version(salt);
            case SKU -> Texts.sku(salt);
            case CATEGORY -> Texts.pooled(Pools.generic("department"), salt);
            case STATUS -> new ChoiceColumn(List.of("active", "pending", "inactive", "archived", "suspended"), ChoiceColumn.zipfWeights(5), salt);
            case DOMAIN_NAME -> Texts.domainName(salt);
            case GENDER -> max < 3 ? Texts.pooled(List.of("F", "M", "X"), salt)
                    : new ChoiceColumn(List.of("female", "male", "non-binary", "prefer not to say"), new long[] {48, 48, 3, 1}, salt);
            case DEPARTMENT -> Texts.pooled(Pools.generic("department"), salt);
            case INDUSTRY -> Texts.pooled(Pools.generic("industry"), salt);
            case UUID_TEXT -> Values.uuid(salt, isUnique);
            default -> Texts.words(salt, 1, 3, false);
        };
        boolean uniqueOnItsOwn = s == Semantic.UUID_TEXT || s == Semantic.MAC_ADDRESS;
        return perm == null || uniqueOnItsOwn ? base : Texts.uniqueSuffix(base, perm, max);
    }

    private String prefix() {
        String letters = table.name().name().replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        return letters.isEmpty() ? "REF" : letters.substring(0, Math.min(3, letters.length()));
    }

    // ---- numbers and time ---------------------------------------------------------------------

    /** The long-valued generator of a numeric or temporal column, built once (relations reuse it). */
    private LongColumn longColumn(Column c) {
        LongColumn known = longs.get(c.name());
        if (known != null) return known;
        building.add(c.name());
        LongColumn built = NumericValues.build(this, c, Units.of(c.type()), checks.domain(c.name()), unique.contains(c.name()));
        building.remove(c.name());
        longs.put(c.name(), built);
        return built;
    }

    /** Points every foreign-key column at its parent's generator, once all tables are built. */
    void link(Map<QualifiedName, TableGeneratorBuilder> builders) {
        foreignKeys.link(builders);
        for (ForeignKeyBinder.FkColumn r : referenceColumns) {
            TableGeneratorBuilder parent = builders.get(r.parent);
            if (parent != null) r.target = parent.generator(parent.table().column(r.parentColumn));
        }
    }

    ForeignKeyBinder foreignKeys() {
        return foreignKeys;
    }

    /** Marks a column as derived from others (so it gets no edge cases). */
    void markDerived(String column) {
        related.add(column);
    }

    /** The long-valued generator of another column of this table, or null when it has none or is being built. */
    LongColumn relatedLongColumn(String column) {
        related.add(column);
        if (building.contains(column)) return null;
        Column other = table.columns().stream().filter(x -> x.name().equals(column)).findFirst().orElse(null);
        if (other != null && isRuled(other)) {
            // Follow the rule's values; a rule with NULLs or non-numeric values cannot be followed (its CHECKs are sampled instead).
            return generator(other) instanceof RangedColumn ranged ? ranged.asLongs() : null;
        }
        if (other == null || Units.of(other.type()) == null || foreignKeys.columns().containsKey(column)) return null;
        ColumnDomain d = checks.domain(column);
        if (d.allowed() != null || sequential.contains(column)) return null;
        return longColumn(other);
    }

    Table table() {
        return table;
    }

    long rows() {
        return rows;
    }

    long anchor() {
        return plan.anchorEpochMicros();
    }

    long salt(String stream) {
        return Mix.salt(plan.seed(), table.name() + "." + stream);
    }

    void problem(String subject, String message) {
        problems.add(new PlanProblem(table.name().toString(), subject, message));
    }


}
