package io.seedfleet.core.generate;

import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.PlanProblem;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan made executable: a {@link TableGenerator} for every table. Building it checks everything
 * that can be checked before writing (unique domains too small, unsupported types or CHECKs) and
 * throws a {@link PlanningException} listing every problem.
 */
public final class Dataset {
    private final GenerationPlan plan;
    private final Map<QualifiedName, TableGenerator> tables;

    private Dataset(GenerationPlan plan, Map<QualifiedName, TableGenerator> tables) {
        this.plan = plan;
        this.tables = tables;
    }

    public static Dataset of(GenerationPlan plan) {
        List<PlanProblem> problems = new ArrayList<>();
        List<String> known = Pools.LOCALES.stream().map(Pools.LocaleShare::tag).toList();
        plan.localeMix().keySet().stream().filter(tag -> !known.contains(tag))
                .forEach(tag -> problems.add(new PlanProblem("request", "locales", "unknown locale " + tag + "; known: " + known)));
        if (!plan.localeMix().isEmpty() && plan.localeMix().values().stream().mapToInt(Integer::intValue).filter(w -> w > 0).count() == 0) {
            problems.add(new PlanProblem("request", "locales", "the locale mix gives no locale a positive weight"));
        }
        if (!problems.isEmpty()) throw new PlanningException(problems);
        Map<QualifiedName, TableGeneratorBuilder> builders = new LinkedHashMap<>();
        java.util.Set<CorrelatedForeignKeys.Layout> roundRobin = CorrelatedForeignKeys.roundRobinLayouts(plan.schema());
        for (Table t : plan.schema().tables()) {
            builders.put(t.name(), new TableGeneratorBuilder(plan, t, problems, roundRobin));
        }
        Map<QualifiedName, TableGenerator> tables = new LinkedHashMap<>();
        builders.forEach((name, b) -> tables.put(name, b.build()));
        builders.values().forEach(b -> b.link(builders));
        // Reference rules scan their parents' rows: only possible once every foreign key is linked.
        if (problems.isEmpty()) builders.values().forEach(b -> b.resolveReferences(builders));
        // Only now can rows be rendered (foreign keys read their parents): sample CHECKs.
        builders.values().forEach(TableGeneratorBuilder::finish);
        if (!problems.isEmpty()) throw new PlanningException(problems);
        return new Dataset(plan, tables);
    }

    public GenerationPlan plan() {
        return plan;
    }

    /** Per table and column, the edge-case classes its rows receive (columns without edge cases left out). */
    public Map<String, Map<String, List<String>>> edgeCoverage() {
        Map<String, Map<String, List<String>>> coverage = new java.util.TreeMap<>();
        tables.forEach((name, g) -> {
            Map<String, List<String>> columns = new java.util.TreeMap<>();
            g.edgeCoverage().forEach((column, classes) -> columns.put(column, List.copyOf(classes)));
            if (!columns.isEmpty()) coverage.put(name.toString(), columns);
        });
        return coverage;
    }

    public TableGenerator table(QualifiedName name) {
        TableGenerator g = tables.get(name);
        if (g == null) throw new IllegalArgumentException("no table " + name + " in this dataset");
        return g;
    }
}
