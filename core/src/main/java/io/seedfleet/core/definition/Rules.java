package io.seedfleet.core.definition;

import io.seedfleet.core.definition.DataDefinition.Choices;
import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.Validation;
import io.seedfleet.core.generate.Mix;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link DataDefinition} resolved against one schema and (optionally) one scenario: what the
 * engine applies. Plain records keyed by {@code schema.table} strings, so the fleet can record it
 * with the plan's inputs (Jackson) and every worker derives the same rows from it.
 *
 * @param tables             per resolved table ({@link QualifiedName#toString()}): volume and column rules
 * @param defaultRows        rows of root tables the definition does not size (null: the caller's default)
 * @param fanOut             child rows per row of the largest parent (null: the caller's default)
 * @param edgeCasesPerMille  share of edge-case values (null: the caller's default)
 * @param localeMix          locale tag to weight (empty: the default mix)
 * @param validations        SQL assertions to check after loading
 */
public record Rules(Map<String, TableRules> tables, Long defaultRows, Double fanOut, Integer edgeCasesPerMille,
                    Map<String, Integer> localeMix, List<Validation> validations) {

    /** No definition: every value is inferred. */
    public static final Rules NONE = new Rules(Map.of(), null, null, null, Map.of(), List.of());

    public Rules {
        tables = tables == null ? Map.of() : Map.copyOf(tables);
        localeMix = localeMix == null ? Map.of() : Map.copyOf(localeMix);
        validations = validations == null ? List.of() : List.copyOf(validations);
    }

    /**
     * One table: an exact row count or a per-parent volume (or neither), and per column the rules
     * with the rows they apply to, weakest first (a later segment wins where ranges overlap).
     */
    public record TableRules(Long rows, Volume perParent, Map<String, List<Segment>> fields) {
        public TableRules {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /** A rule for rows {@code [from, to)}; {@code origin} names where it came from, for messages. */
    public record Segment(long from, long to, FieldRule rule, String origin) {
        /** The whole table. */
        public static final long ALL = Long.MAX_VALUE;

        public boolean holds(long row) {
            return row >= from && row < to;
        }
    }

    /**
     * Rows per parent row through the foreign key {@code foreignKey} to {@code parent}: uniform in
     * {@code min..max}, or log-normal with {@code mean} (clamped to {@code min..max} when given).
     */
    public record Volume(String parent, String foreignKey, Integer min, Integer max, Double mean) {
        /** The spread of the log-normal: a few parents with several times the mean, most below it. */
        static final double SIGMA = 0.75;

        /** The children of one parent row: a pure function of (seed, table, parent row). */
        public long count(long seed, String table, long parentRow) {
            long bits = Mix.at(Mix.salt(seed, table + "#perParent"), parentRow);
            if (mean == null) {
                int lo = min == null ? 0 : min;
                int hi = max == null ? lo : max;
                return lo + Mix.below(bits, (long) hi - lo + 1);
            }
            double u1 = Math.max(Mix.unit(bits), 1e-12);
            double u2 = Mix.unit(Mix.mix(bits ^ 0x5DEECE66DL));
            double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            double mu = Math.log(mean) - SIGMA * SIGMA / 2;
            long n = Math.round(Math.exp(mu + SIGMA * z));
            if (min != null) n = Math.max(n, min);
            if (max != null) n = Math.min(n, max);
            return n;
        }
    }

    /** Resolves a definition against a schema; {@code scenario} may be null. Throws PlanningException naming table and column. */
    public static Rules resolve(DataDefinition definition, String scenario, SchemaModel schema) {
        return new RulesResolver(definition, schema).resolve(scenario);
    }

    /** The definition's edge-case rate, or {@code fallback} (per mille) when it gives none. */
    public int edgeCasesPerMilleOr(int fallback) {
        return edgeCasesPerMille == null ? fallback : edgeCasesPerMille;
    }

    /** The rules of a table, or null when the definition says nothing about it. */
    public TableRules table(QualifiedName table) {
        return tables.get(table.toString());
    }

    /** The caller's counts with this definition's defaults and exact row counts laid over them. */
    public RowCounts counts(RowCounts base) {
        Map<String, Long> perTable = new LinkedHashMap<>(base.perTable());
        tables.forEach((name, t) -> {
            if (t.rows() != null) perTable.put(name, t.rows());
        });
        return new RowCounts(perTable, defaultRows == null ? base.defaultRootRows() : defaultRows,
                fanOut == null ? base.fanOut() : fanOut);
    }

    /**
     * Replaces every {@code sample} rule by the choices its SQL returns (run by the caller against
     * its source database, before planning): the engine itself only ever sees choices.
     */
    public Rules resolveSamples(Function<String, List<String>> query) {
        Map<String, TableRules> resolved = new LinkedHashMap<>();
        tables.forEach((name, t) -> {
            Map<String, List<Segment>> fields = new LinkedHashMap<>();
            t.fields().forEach((column, segments) -> {
                List<Segment> out = new ArrayList<>();
                for (Segment s : segments) {
                    FieldRule r = s.rule();
                    if (r.sample() == null) {
                        out.add(s);
                        continue;
                    }
                    List<Object> values = List.copyOf(query.apply(r.sample()).stream().distinct().map(v -> (Object) v).toList());
                    FieldRule choices = new FieldRule(r.generator(), r.params(), r.template(), new Choices(values, null),
                            r.probability(), r.range(), r.sequence(), r.constant(), r.reference(), null, r.nullRate(), r.locales(),
                            r.series(), r.every(), r.anomaly());
                    out.add(new Segment(s.from(), s.to(), choices, s.origin()));
                }
                fields.put(column, out);
            });
            resolved.put(name, new TableRules(t.rows(), t.perParent(), fields));
        });
        return new Rules(resolved, defaultRows, fanOut, edgeCasesPerMille, localeMix, validations);
    }
}
