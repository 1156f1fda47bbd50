package io.seedfleet.core.definition;

import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.Group;
import io.seedfleet.core.definition.DataDefinition.PerParent;
import io.seedfleet.core.definition.DataDefinition.Scenario;
import io.seedfleet.core.definition.DataDefinition.Spec;
import io.seedfleet.core.definition.DataDefinition.Trait;
import io.seedfleet.core.definition.Rules.Segment;
import io.seedfleet.core.definition.Rules.TableRules;
import io.seedfleet.core.definition.Rules.Volume;
import io.seedfleet.core.plan.PlanProblem;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves a definition against a schema: table keys to tables, field keys to columns, a
 * scenario's groups to consecutive row ranges (the first group's rows first), and per-parent
 * volumes to the foreign key they follow. Every problem is collected before throwing.
 */
final class RulesResolver {
    private final Spec spec;
    private final SchemaModel schema;
    private final List<PlanProblem> problems = new ArrayList<>();

    RulesResolver(DataDefinition definition, SchemaModel schema) {
        this.spec = definition.spec() == null ? new Spec(null, null, null, null, null, null) : definition.spec();
        this.schema = schema;
    }

    Rules resolve(String scenarioName) {
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Volume> volumes = new TreeMap<>();
        Map<String, Map<String, List<Segment>>> fields = new TreeMap<>();
        spec.tables().forEach((key, tableSpec) -> {
            Table t = table(key, null);
            if (t == null) return;
            String name = t.name().toString();
            if (tableSpec.rows() != null && tableSpec.perParent() != null) {
                problems.add(new PlanProblem(name, null, "gives both rows and perParent; use one"));
            } else if (tableSpec.rows() != null) {
                if (tableSpec.rows() < 0) problems.add(new PlanProblem(name, null, "rows must not be negative"));
                rows.put(name, tableSpec.rows());
            } else if (tableSpec.perParent() != null) {
                Volume v = volume(t, tableSpec.perParent());
                if (v != null) volumes.put(name, v);
            }
            addFields(t, tableSpec.fields(), 0, Segment.ALL, "tables." + key, fields);
        });
        if (scenarioName != null) applyScenario(scenarioName, rows, volumes, fields);
        if (!problems.isEmpty()) throw new PlanningException(problems);

        Map<String, TableRules> tables = new TreeMap<>();
        for (String name : union(rows.keySet(), volumes.keySet(), fields.keySet())) {
            tables.put(name, new TableRules(rows.get(name), rows.containsKey(name) ? null : volumes.get(name),
                    fields.getOrDefault(name, Map.of())));
        }
        DataDefinition.Defaults d = spec.defaults();
        Integer perMille = d == null || d.edgeCaseRate() == null ? null : (int) Math.round(d.edgeCaseRate() * 1000);
        return new Rules(tables, d == null ? null : d.rows(), d == null ? null : d.fanOut(), perMille,
                d == null ? null : d.locales(), spec.validations());
    }

    /**
     * A scenario's exact counts and groups. A table with groups has the sum of their counts plus
     * any rows the scenario gives it; its groups' traits, then their own fields, cover their rows.
     */
    private void applyScenario(String scenarioName, Map<String, Long> rows, Map<String, Volume> volumes,
                               Map<String, Map<String, List<Segment>>> fields) {
        Scenario scenario = spec.scenarios().get(scenarioName);
        if (scenario == null) {
            problems.add(new PlanProblem("scenario", scenarioName, "no such scenario; known: " + new TreeMap<>(spec.scenarios()).keySet()));
            return;
        }
        Map<String, Long> scenarioRows = new LinkedHashMap<>();
        scenario.rows().forEach((key, n) -> {
            Table t = table(key, "scenarios." + scenarioName + ".rows");
            if (t != null) scenarioRows.put(t.name().toString(), n);
        });
        Map<String, Long> grouped = new LinkedHashMap<>();
        for (Group g : scenario.groups()) {
            String where = "scenarios." + scenarioName + ".groups." + (g.name() == null ? g.table() : g.name());
            Table t = table(g.table(), where);
            if (t == null) continue;
            String name = t.name().toString();
            if (g.count() < 0) problems.add(new PlanProblem(name, null, where + ": count must not be negative"));
            long from = grouped.getOrDefault(name, 0L);
            long to = from + g.count();
            for (String traitName : g.traits()) {
                Trait trait = spec.traits().get(traitName);
                if (trait == null) {
                    problems.add(new PlanProblem(name, null, where + ": no trait named " + traitName));
                    continue;
                }
                // A trait without a table applies to the table of the group that uses it.
                Table traitTable = trait.table() == null ? t : table(trait.table(), "traits." + traitName);
                if (traitTable != null && !traitTable.name().equals(t.name())) {
                    problems.add(new PlanProblem(name, null, where + ": trait " + traitName + " is for " + traitTable.name()));
                    continue;
                }
                addFields(t, trait.fields(), from, to, "trait " + traitName, fields);
            }
            addFields(t, g.fields(), from, to, where, fields);
            grouped.put(name, to);
        }
        Map<String, Long> counts = new LinkedHashMap<>(scenarioRows);
        grouped.forEach((name, n) -> counts.merge(name, n, Long::sum));
        counts.forEach((name, n) -> {
            rows.put(name, n);
            volumes.remove(name);
        });
    }

    private void addFields(Table t, Map<String, FieldRule> rules, long from, long to, String origin,
                           Map<String, Map<String, List<Segment>>> fields) {
        rules.forEach((columnName, rule) -> {
            Column c = t.columns().stream().filter(x -> x.name().equals(columnName)).findFirst().orElse(null);
            if (c == null) {
                problems.add(new PlanProblem(t.name().toString(), columnName, origin + ": no such column"));
                return;
            }
            if (rule == null) return;
            int valueRules = count(rule.generator(), rule.template(), rule.choices(), rule.probability(), rule.range(),
                    rule.sequence(), rule.constant(), rule.reference(), rule.sample(), rule.series(), rule.every(), rule.anomaly());
            if (valueRules > 1) {
                problems.add(new PlanProblem(t.name().toString(), columnName, origin + ": give one of generator, template, choices, "
                        + "probability, range, sequence, constant, reference, sample, series, every, anomaly (" + valueRules + " given)"));
                return;
            }
            if (rule.nullRate() != null && (rule.nullRate() < 0 || rule.nullRate() > 1)) {
                problems.add(new PlanProblem(t.name().toString(), columnName, origin + ": nullRate must be within 0..1"));
                return;
            }
            fields.computeIfAbsent(t.name().toString(), k -> new TreeMap<>())
                    .computeIfAbsent(columnName, k -> new ArrayList<>())
                    .add(new Segment(from, to, rule, origin));
        });
    }

    private Volume volume(Table t, PerParent p) {
        String name = t.name().toString();
        List<ForeignKey> candidates;
        if (p.parent() != null) {
            Table parent = table(p.parent(), name + ".perParent");
            if (parent == null) return null;
            candidates = t.foreignKeys().stream().filter(fk -> fk.referencedTable().equals(parent.name())).toList();
            List<ForeignKey> required = candidates.stream().filter(fk -> !nullable(t, fk)).toList();
            if (!required.isEmpty()) candidates = required;
        } else {
            candidates = t.foreignKeys().stream()
                    .filter(fk -> !nullable(t, fk) && !fk.referencedTable().equals(t.name())).toList();
        }
        if (candidates.size() != 1) {
            problems.add(new PlanProblem(name, "perParent", candidates.isEmpty()
                    ? "no foreign key to " + (p.parent() == null ? "a NOT NULL parent" : p.parent())
                    : "several foreign keys could carry it (" + candidates.stream().map(ForeignKey::name).toList() + "); name the parent"));
            return null;
        }
        ForeignKey fk = candidates.get(0);
        boolean logNormal = "lognormal".equals(p.distribution()) || "log-normal".equals(p.distribution());
        if (logNormal && p.mean() == null) {
            problems.add(new PlanProblem(name, "perParent", "a log-normal volume needs a mean"));
            return null;
        }
        if (p.mean() != null) {
            if (p.mean() <= 0) problems.add(new PlanProblem(name, "perParent", "mean must be positive"));
        } else if (p.min() == null || p.max() == null) {
            problems.add(new PlanProblem(name, "perParent", "give min and max (uniform) or mean (log-normal)"));
            return null;
        }
        if (p.min() != null && p.min() < 0) problems.add(new PlanProblem(name, "perParent", "min must not be negative"));
        if (p.min() != null && p.max() != null && p.max() < p.min()) problems.add(new PlanProblem(name, "perParent", "max is below min"));
        if (p.distribution() != null && !p.distribution().equals("uniform") && !p.distribution().equals("lognormal")
                && !p.distribution().equals("log-normal")) {
            problems.add(new PlanProblem(name, "perParent", "unknown distribution " + p.distribution() + " (uniform, lognormal)"));
        }
        return new Volume(fk.referencedTable().toString(), fk.name(), p.min(), p.max(), p.mean());
    }

    private Table table(String key, String where) {
        if (key == null) {
            problems.add(new PlanProblem(where == null ? "definition" : where, null, "names no table"));
            return null;
        }
        Table t = schema.resolve(key).orElse(null);
        if (t == null) {
            problems.add(new PlanProblem(key, null, (where == null ? "" : where + ": ")
                    + "no such table in the schema (or the bare name is ambiguous across schemas)"));
        }
        return t;
    }

    private static boolean nullable(Table t, ForeignKey fk) {
        return fk.columns().stream().map(t::column).allMatch(Column::nullable);
    }

    private static int count(Object... values) {
        int n = 0;
        for (Object v : values) if (v != null) n++;
        return n;
    }

    @SafeVarargs
    private static List<String> union(java.util.Set<String>... sets) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (var s : sets) all.addAll(s);
        return List.copyOf(all);
    }
}
