package io.seedfleet.masking.run;

import io.seedfleet.core.definition.DataDefinition;
import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.masking.method.ColumnMasker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to mask and how: the rules per table and column (table names as the definition writes them,
 * {@code schema.table} or a bare name), how a rule becomes a masker, and an optional subset.
 */
public record MaskingPlan(Map<String, Map<String, MaskRule>> rules, MaskerFactory maskers, List<Subset> subsets) {

    /** Builds the masker of one column of a table from its rule; {@code Maskers.of(rule, table, column, secret)} in production. */
    @FunctionalInterface
    public interface MaskerFactory {
        ColumnMasker create(MaskRule rule, Table table, Column column);
    }

    public MaskingPlan {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        subsets = subsets == null ? List.of() : List.copyOf(subsets);
        if (maskers == null) throw new IllegalArgumentException("maskers is required");
    }

    /** The plan of a data definition's {@code spec.masking}. */
    public static MaskingPlan of(DataDefinition definition, MaskerFactory maskers, List<Subset> subsets) {
        return new MaskingPlan(definition.spec().masking(), maskers, subsets);
    }

    /** The rules resolved against the schema, by table; a name the schema lacks is refused. */
    Map<QualifiedName, Map<String, MaskRule>> resolve(SchemaModel model) {
        Map<QualifiedName, Map<String, MaskRule>> out = new LinkedHashMap<>();
        rules.forEach((tableName, columns) -> {
            Table table = model.resolve(tableName).orElseThrow(() ->
                    new MaskingException("masking rules name table " + tableName + ", which the source does not have (or has in several schemas)"));
            for (String column : columns.keySet()) {
                if (table.columns().stream().noneMatch(c -> c.name().equals(column))) {
                    throw new MaskingException("masking rules name column " + table.name() + "." + column + ", which the source does not have");
                }
            }
            out.computeIfAbsent(table.name(), k -> new LinkedHashMap<>()).putAll(columns);
        });
        return out;
    }
}
