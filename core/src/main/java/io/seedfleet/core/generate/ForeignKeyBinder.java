package io.seedfleet.core.generate;

import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Binds a table's foreign keys to parent pickers: which parent row each child row points at, as a
 * pure function of the row index. One-to-one keys pick through a permutation, junction keys through
 * mixed-radix digits, self-references as trees, keys that share a tenant column within the tenant,
 * and all others with a power-law fan-out. Every column of a key reads the same pick.
 */
final class ForeignKeyBinder {
    /** Where a binder reports what it cannot do, per table subject. */
    interface Problems {
        void report(String subject, String message);
    }

    private static final int NULL_REFERENCES_PER_THOUSAND = 100;
    /** How skewed children are over their parents (see {@link ParentPicker#powerLaw}). */
    private static final double FAN_OUT_EXPONENT = 1.6;

    private final GenerationPlan plan;
    private final Table table;
    private final long rows;
    private final ToLongFunction<String> salt;
    private final Problems problems;
    private final Set<CorrelatedForeignKeys.Layout> roundRobin;
    private final Map<String, FkColumn> columns = new HashMap<>();
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Columns whose parent is picked freely, with no uniqueness riding on it: a row may take another draw. */
    private final Set<String> freelyPicked = new HashSet<>();
    private final Set<String> junctionKeys = new HashSet<>();
    private final List<CorrelatedPicker> correlated = new ArrayList<>();
    /** The data definition's rules by column: {@code reference} rules choose parents here. */
    private final Map<String, List<Rules.Segment>> rules;
    private final List<ReferencePicker> references = new ArrayList<>();

    ForeignKeyBinder(GenerationPlan plan, Table table, ToLongFunction<String> salt, Problems problems,
                     Set<CorrelatedForeignKeys.Layout> roundRobin, Map<String, List<Rules.Segment>> rules) {
        this.rules = rules;
        this.plan = plan;
        this.table = table;
        this.rows = plan.rows(table.name());
        this.salt = salt;
        this.problems = problems;
        this.roundRobin = roundRobin;
    }

    /** Foreign-key columns and the generators that read their parents' values. */
    Map<String, FkColumn> columns() {
        return columns;
    }

    /** Columns a cycle defers to the update phase. */
    Set<String> deferredColumns() {
        return deferred;
    }

    boolean freelyPicked(String column) {
        return freelyPicked.contains(column);
    }

    /** Points every foreign-key column at its parent's generator, once all tables are built. */
    void link(Map<QualifiedName, TableGeneratorBuilder> builders) {
        for (FkColumn fk : columns.values()) {
            TableGeneratorBuilder parent = builders.get(fk.parent);
            if (parent != null) fk.target = parent.generator(parent.table().column(fk.parentColumn));
        }
        for (CorrelatedPicker c : correlated) c.link(builders);
    }

    /** The picker behind one of this table's foreign-key columns (for correlated children). */
    ParentPicker pickerOf(String column) {
        FkColumn fk = columns.get(column);
        return fk == null ? null : fk.picker;
    }

    // ---- foreign keys -------------------------------------------------------------------------

    void bind() {
        Map<String, ParentPicker> junctionPickers = junctionPickers();
        for (ForeignKey fk : CorrelatedForeignKeys.bindingOrder(table)) {
            long covered = fk.columns().stream().filter(columns::containsKey).count();
            if (covered == fk.columns().size()) continue; // implied by a wider key over the same columns
            if (covered > 0) {
                bindCorrelated(fk);
                continue;
            }
            boolean isDeferred = plan.isDeferred(table, fk);
            ParentPicker picker = withReferences(fk, picker(fk, isDeferred, junctionPickers));
            if (picker == null) continue;
            for (int i = 0; i < fk.columns().size(); i++) {
                String column = fk.columns().get(i);
                columns.put(column, new FkColumn(picker, fk.referencedTable(), fk.referencedColumns().get(i)));
                if (isDeferred) deferred.add(column);
            }
        }
    }

    private ParentPicker picker(ForeignKey fk, boolean isDeferred, Map<String, ParentPicker> junctionPickers) {
        long parentRows = plan.rows(fk.referencedTable());
        long fkSalt = salt.applyAsLong("#fk:" + fk.name());
        boolean nullable = fk.columns().stream().allMatch(c -> table.column(c).nullable());
        boolean self = fk.referencedTable().equals(table.name());
        if (self) return isDeferred ? ParentPicker.tree(rows, fkSalt).withNulls(fkSalt + 1, 150) : ParentPicker.self();
        if (parentRows == 0) {
            if (nullable || rows == 0) return row -> -1;
            problems.report(fk.name(), "needs parent rows in " + fk.referencedTable() + ", which is planned empty");
            return null;
        }
        ParentPicker junction = junctionPickers.get(fk.name());
        Rules.TableRules tableRules = plan.rules().table(table.name());
        if (tableRules != null && tableRules.perParent() != null && tableRules.perParent().foreignKey().equals(fk.name())) {
            if (junction != null || isOneToOne(fk) || roundRobin.contains(new CorrelatedForeignKeys.Layout(table.name(), fk.name()))) {
                problems.report(fk.name(), "perParent cannot lay out this foreign key: it is one-to-one, part of a junction key, "
                        + "or another foreign key's parent rows are found through it");
                return null;
            }
            return perParent(tableRules.perParent(), parentRows);
        }
        if (junction != null) return junction;
        if (isOneToOne(fk)) {
            if (rows > parentRows) {
                problems.report(fk.name(), rows + " rows but the one-to-one parent " + fk.referencedTable() + " has only " + parentRows);
                return null;
            }
            return ParentPicker.oneToOne(parentRows, fkSalt);
        }
        if (roundRobin.contains(new CorrelatedForeignKeys.Layout(table.name(), fk.name()))) return ParentPicker.modulo(parentRows);
        ParentPicker skewed = ParentPicker.powerLaw(parentRows, fkSalt, FAN_OUT_EXPONENT);
        freelyPicked.addAll(fk.columns()); // any parent will do: a row may take another draw
        return nullable ? skewed.withNulls(fkSalt + 1, NULL_REFERENCES_PER_THOUSAND) : skewed;
    }

    /** Children in exactly the per-parent counts the plan summed (see {@link Rules.Volume#count}). */
    private ParentPicker perParent(Rules.Volume volume, long parentRows) {
        if (parentRows > Integer.MAX_VALUE - 8) {
            problems.report(volume.foreignKey(), "perParent over more than 2^31 parent rows is not supported");
            return null;
        }
        long[] ends = new long[(int) parentRows];
        long sum = 0;
        for (int p = 0; p < parentRows; p++) ends[p] = sum += volume.count(plan.seed(), table.name().toString(), p);
        if (sum != rows) {
            problems.report(volume.foreignKey(), "perParent gives " + sum + " rows but " + rows + " are planned; plan with the same rules");
            return null;
        }
        return ParentPicker.byCounts(ends);
    }

    /**
     * A key whose columns have {@code reference} rules picks, in the rules' row ranges, among the
     * parent rows matching their {@code where}; elsewhere as it would anyway.
     */
    private ParentPicker withReferences(ForeignKey fk, ParentPicker inferred) {
        List<Rules.Segment> segments = new ArrayList<>();
        for (String column : fk.columns()) {
            for (Rules.Segment s : rules.getOrDefault(column, List.of())) if (s.rule().reference() != null) segments.add(s);
        }
        if (segments.isEmpty()) return inferred;
        if (plan.isDeferred(table, fk) || fk.referencedTable().equals(table.name())) {
            problems.report(fk.name(), "a reference rule on a self-referencing or cycle-deferred foreign key is not supported");
            return inferred;
        }
        long[] from = new long[segments.size()];
        long[] to = new long[segments.size()];
        ParentPicker[] pickers = new ParentPicker[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            Rules.Segment s = segments.get(i);
            var ref = s.rule().reference();
            QualifiedName named = ref.table() == null ? null : plan.schema().resolve(ref.table()).map(Table::name).orElse(null);
            if (named == null || !named.equals(fk.referencedTable())
                    || ref.column() != null && !fk.referencedColumns().contains(ref.column())) {
                problems.report(fk.name(), s.origin() + ": reference must name " + fk.referencedTable() + " and one of " + fk.referencedColumns()
                        + ", the key this foreign key points at");
                return inferred;
            }
            ReferencePicker picker = new ReferencePicker(fk.referencedTable(), ref.where(), salt.applyAsLong("#reference:" + fk.name() + "#" + i));
            references.add(picker);
            from[i] = s.from();
            to[i] = s.to();
            pickers[i] = picker;
        }
        return row -> {
            for (int i = pickers.length - 1; i >= 0; i--) if (row >= from[i] && row < to[i]) return pickers[i].pick(row);
            return inferred == null ? -1 : inferred.pick(row);
        };
    }

    /** The {@code reference} pickers of this table's foreign keys, to resolve once every table is built. */
    List<ReferencePicker> references() {
        return references;
    }

    /**
     * A foreign key sharing some columns with one bound before it (see {@link CorrelatedForeignKeys}):
     * its parent row is picked among those that agree with the shared columns' values.
     */
    private void bindCorrelated(ForeignKey fk) {
        List<String> shared = fk.columns().stream().filter(columns::containsKey).toList();
        FkColumn first = columns.get(shared.get(0));
        if (shared.stream().anyMatch(c -> columns.get(c).picker != first.picker)) {
            problems.report(fk.name(), "shares columns with several other foreign keys at once; not supported yet");
            return;
        }
        Table parent = plan.schema().find(fk.referencedTable()).orElse(null);
        List<String> parentShared = CorrelatedForeignKeys.referencedColumns(fk, shared);
        ForeignKey parentKey = parent == null ? null : CorrelatedForeignKeys.keyOver(parent, parentShared).orElse(null);
        if (parentKey == null) {
            problems.report(fk.name(), "shares " + shared + " with another foreign key, but " + fk.referencedTable()
                    + " has no foreign key over " + parentShared + " to find matching rows by");
            return;
        }
        long parentRows = plan.rows(fk.referencedTable());
        long groups = plan.rows(parentKey.referencedTable());
        if (rows > 0 && parentRows < groups) {
            problems.report(fk.name(), fk.referencedTable() + " needs at least one row per " + parentKey.referencedTable()
                    + " row (" + parentRows + " < " + groups + ") for rows that agree on " + shared);
            return;
        }
        // For each shared column: the column of the first key's parent holding it, and the group key column it stands for.
        List<String> firstParentColumns = shared.stream().map(c -> columns.get(c).parentColumn).toList();
        List<String> groupColumns = parentShared.stream()
                .map(c -> parentKey.referencedColumns().get(parentKey.columns().indexOf(c))).toList();
        CorrelatedPicker picker = new CorrelatedPicker(first.picker, first.parent, firstParentColumns,
                parentKey.referencedTable(), groupColumns, parentRows, groups, salt.applyAsLong("#fk:" + fk.name()));
        correlated.add(picker);
        for (int i = 0; i < fk.columns().size(); i++) {
            String column = fk.columns().get(i);
            if (!shared.contains(column)) columns.put(column, new FkColumn(picker, fk.referencedTable(), fk.referencedColumns().get(i)));
        }
    }

    /** Picks a row of the second parent in the group (tenant) the first parent's row belongs to. */
    final class CorrelatedPicker implements ParentPicker {
        private final ParentPicker first;
        private final QualifiedName firstParent;
        private final List<String> firstParentColumns;
        private final QualifiedName group;
        private final List<String> groupColumns;
        private final long parentRows;
        private final long groups;
        private final long salt;
        private ParentPicker groupOfFirst;

        CorrelatedPicker(ParentPicker first, QualifiedName firstParent, List<String> firstParentColumns, QualifiedName group,
                         List<String> groupColumns, long parentRows, long groups, long salt) {
            this.first = first;
            this.firstParent = firstParent;
            this.firstParentColumns = firstParentColumns;
            this.group = group;
            this.groupColumns = groupColumns;
            this.parentRows = parentRows;
            this.groups = groups;
            this.salt = salt;
        }

        /** The first parent is the group table itself (its key), or it points at the group through a foreign key. */
        void link(Map<QualifiedName, TableGeneratorBuilder> builders) {
            if (firstParent.equals(group) && firstParentColumns.equals(groupColumns)) {
                groupOfFirst = p -> p;
                return;
            }
            TableGeneratorBuilder parent = builders.get(firstParent);
            ForeignKey toGroup = parent == null ? null : CorrelatedForeignKeys.keyOver(parent.table(), firstParentColumns)
                    .filter(k -> k.referencedTable().equals(group)).orElse(null);
            if (toGroup == null) {
                problems.report(null, "cannot tell which " + group + " a row of " + firstParent + " belongs to (no foreign key over " + firstParentColumns + ")");
                groupOfFirst = p -> -1;
                return;
            }
            groupOfFirst = parent.foreignKeys().pickerOf(toGroup.columns().get(0));
        }

        @Override
        public long pick(long row) {
            long p = first.pick(row);
            if (p < 0) return -1;
            long k = groupOfFirst.pick(p);
            if (k < 0 || k >= parentRows) return -1;
            long inGroup = (parentRows - 1 - k) / groups + 1; // rows k, k + groups, k + 2 groups, ... (round robin)
            return k + groups * Mix.below(Mix.at(salt, row), inGroup);
        }
    }

    boolean isOneToOne(ForeignKey fk) {
        Set<String> columns = Set.copyOf(fk.columns());
        return table.uniqueKeys().stream().anyMatch(k -> k.isPlain() && Set.copyOf(k.columns()).equals(columns));
    }

    /** Junction keys: a plain unique key made exactly of the columns of two or more foreign keys. */
    private Map<String, ParentPicker> junctionPickers() {
        Map<String, ParentPicker> pickers = new HashMap<>();
        for (UniqueKey key : table.uniqueKeys()) {
            if (!key.isPlain()) continue;
            Set<String> keyColumns = Set.copyOf(key.columns());
            List<ForeignKey> parts = table.foreignKeys().stream()
                    .filter(fk -> keyColumns.containsAll(fk.columns()) && !fk.referencedTable().equals(table.name()))
                    .sorted(Comparator.comparingInt((ForeignKey fk) -> -fk.columns().size()).thenComparing(ForeignKey::name))
                    .toList();
            List<ForeignKey> disjoint = new ArrayList<>();
            Set<String> covered = new HashSet<>();
            for (ForeignKey fk : parts) {
                if (fk.columns().stream().noneMatch(covered::contains)) {
                    disjoint.add(fk);
                    covered.addAll(fk.columns());
                }
            }
            if (disjoint.size() < 2 || !covered.equals(keyColumns) || disjoint.stream().anyMatch(fk -> pickers.containsKey(fk.name()))) continue;
            long[] radices = disjoint.stream().mapToLong(fk -> Math.max(1, plan.rows(fk.referencedTable()))).toArray();
            ParentPicker[] digits = ParentPicker.junction(radices, salt.applyAsLong("#junction:" + key.name()));
            for (int i = 0; i < disjoint.size(); i++) pickers.put(disjoint.get(i).name(), digits[i]);
            junctionKeys.add(key.name());
        }
        return pickers;
    }


    /** A key of whole foreign keys is unique when its keys are picked one-to-one or as a junction. */
    boolean uniqueByPickers(UniqueKey key) {
        if (!key.isPlain()) return false;
        Set<String> keyColumns = Set.copyOf(key.columns());
        Set<String> whole = new HashSet<>();
        boolean distinctPicks = false;
        for (ForeignKey fk : table.foreignKeys()) {
            if (!keyColumns.containsAll(fk.columns())) continue;
            whole.addAll(fk.columns());
            distinctPicks |= isOneToOne(fk) || junctionKeys.contains(key.name());
        }
        return whole.equals(keyColumns) && distinctPicks;
    }


    /** A foreign-key column: the parent's own value of the referenced column, at the picked parent row. */
    static final class FkColumn implements ColumnGenerator {
        final ParentPicker picker;
        final QualifiedName parent;
        final String parentColumn;
        ColumnGenerator target;

        FkColumn(ParentPicker picker, QualifiedName parent, String parentColumn) {
            this.picker = picker;
            this.parent = parent;
            this.parentColumn = parentColumn;
        }

        @Override
        public void write(long row, CopyTextWriter out) {
            long p = picker.pick(row);
            if (p < 0) out.writeNull();
            else target.write(p, out);
        }
    }}
