package io.seedfleet.masking.run;

import io.seedfleet.core.definition.DataDefinition;
import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.definition.DefinitionReader;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.masking.pii.PiiFinding;
import io.seedfleet.masking.run.ColumnMaskers.ColumnRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a masking run's rules come from and what the leak check compares, the same for the CLI's
 * {@code mask} and the fleet: rules from a data definition's {@code spec.masking} or proposed by the
 * PII scanner, the strict check, the personal-data columns and the columns copied as they are.
 */
public final class MaskingRules {
    private MaskingRules() {}

    /** The {@code spec.masking} rules of every definition in {@code yaml}, by table then column; refused when there are none. */
    public static Map<String, Map<String, MaskRule>> fromDefinitions(String sourceName, String yaml) {
        return merge(sourceName, DefinitionReader.read(sourceName, yaml));
    }

    /** As {@link #fromDefinitions(String, String)}, from a file. */
    public static Map<String, Map<String, MaskRule>> fromDefinitions(java.nio.file.Path file) {
        return merge(file.toString(), DefinitionReader.read(file));
    }

    private static Map<String, Map<String, MaskRule>> merge(String sourceName, List<DataDefinition> definitions) {
        Map<String, Map<String, MaskRule>> out = new LinkedHashMap<>();
        for (DataDefinition d : definitions) {
            d.spec().masking().forEach((table, columns) -> out.computeIfAbsent(table, k -> new LinkedHashMap<>()).putAll(columns));
        }
        if (out.isEmpty()) throw new MaskingException(sourceName + " has no spec.masking rules");
        return out;
    }

    /** The rules the scanner proposes for what it found. */
    public static Map<String, Map<String, MaskRule>> proposed(List<PiiFinding> findings) {
        Map<String, Map<String, MaskRule>> out = new LinkedHashMap<>();
        for (PiiFinding f : findings) {
            if (f.proposed() != null) out.computeIfAbsent(f.table().toString(), k -> new LinkedHashMap<>()).put(f.column(), f.proposed());
        }
        return out;
    }

    /** Strict mode: refuses rules that leave a column the scanner flags without a rule (a new column cannot leak unnoticed). */
    public static void requireRules(List<PiiFinding> findings, Map<String, Map<String, MaskRule>> masking, SchemaModel model) {
        requireRules("strict", findings, masking, model);
    }

    /** As {@link #requireRules(List, Map, SchemaModel)}, the refusal naming {@code setting}, as the user spelt it (the CLI's {@code --strict}). */
    public static void requireRules(String setting, List<PiiFinding> findings, Map<String, Map<String, MaskRule>> masking, SchemaModel model) {
        Set<ColumnRef> ruled = new LinkedHashSet<>();
        masking.forEach((table, columns) -> model.resolve(table).ifPresent(t -> columns.keySet().forEach(c -> ruled.add(new ColumnRef(t.name(), c)))));
        List<String> missing = new ArrayList<>();
        for (PiiFinding f : findings) {
            if (!ruled.contains(new ColumnRef(f.table(), f.column()))) missing.add(f.table() + "." + f.column() + " (" + f.kind() + ")");
        }
        if (!missing.isEmpty()) {
            throw new MaskingException(setting + ": these columns hold personal data but have no masking rule: " + String.join(", ", missing));
        }
    }

    /**
     * The columns whose source values the leak check looks for in the target: those the scanner flags,
     * and every text column masked by a method other than keep (keys and numbers would match by chance).
     */
    public static List<ColumnRef> personalColumns(List<PiiFinding> findings, Map<ColumnRef, MaskRule> effective, SchemaModel model) {
        Set<ColumnRef> personal = new LinkedHashSet<>();
        findings.forEach(f -> personal.add(new ColumnRef(f.table(), f.column())));
        effective.forEach((column, rule) -> {
            if (!rule.method().equals("keep") && model.table(column.table()).column(column.column()).type().kind().isText()) personal.add(column);
        });
        return List.copyOf(personal);
    }

    /**
     * Columns copied as they are (no rule, or keep): a personal value found there that the same column
     * already held in the source was not moved by the copy (see {@code LeakCheck.run}).
     */
    public static Set<ColumnRef> copiedAsIs(SchemaModel model, Map<ColumnRef, MaskRule> effective) {
        Set<ColumnRef> copied = new LinkedHashSet<>();
        model.tables().forEach(t -> t.columns().forEach(c -> {
            ColumnRef ref = new ColumnRef(t.name(), c.name());
            MaskRule rule = effective.get(ref);
            if (rule == null || rule.method().equals("keep")) copied.add(ref);
        }));
        return copied;
    }
}
