package io.seedfleet.core.definition;

import io.seedfleet.core.definition.DataDefinition.Choices;
import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.PerParent;
import io.seedfleet.core.definition.DataDefinition.Range;
import io.seedfleet.core.definition.DataDefinition.Scenario;
import io.seedfleet.core.definition.DataDefinition.Spec;
import io.seedfleet.core.definition.DataDefinition.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a definition passes whatever the database: value rules one at a time, rates within
 * 0..1, ranges the right way round, weights matching values, counts not negative. The reader applies
 * them (so it refuses what definition.schema.json refuses); {@link DefinitionChecker} reports them too.
 */
final class DefinitionShape {
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    private static final Set<String> DISTRIBUTIONS = Set.of("uniform", "lognormal", "log-normal");

    private final DefinitionLocations at;
    private final List<DefinitionProblem> problems = new ArrayList<>();

    private DefinitionShape(DefinitionLocations at) {
        this.at = at;
    }

    static List<DefinitionProblem> check(DataDefinition d, DefinitionLocations at) {
        DefinitionShape shape = new DefinitionShape(at);
        shape.definition(d);
        return shape.problems;
    }

    /** The value rules a field rule gives, by key, in declaration order. */
    static Map<String, Object> valueRules(FieldRule r) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (r.generator() != null) given.put("generator", r.generator());
        if (r.template() != null) given.put("template", r.template());
        if (r.choices() != null) given.put("choices", r.choices());
        if (r.probability() != null) given.put("probability", r.probability());
        if (r.range() != null) given.put("range", r.range());
        if (r.sequence() != null) given.put("sequence", r.sequence());
        if (r.constant() != null) given.put("constant", r.constant());
        if (r.reference() != null) given.put("reference", r.reference());
        if (r.sample() != null) given.put("sample", r.sample());
        if (r.series() != null) given.put("series", r.series());
        if (r.every() != null) given.put("every", r.every());
        if (r.anomaly() != null) given.put("anomaly", r.anomaly());
        return given;
    }

    private void definition(DataDefinition d) {
        Spec spec = d.spec();
        if (spec == null) return;
        DefinitionPath s = DefinitionPath.ROOT.key("spec");
        if (spec.defaults() != null) {
            DefinitionPath p = s.key("defaults");
            var defaults = spec.defaults();
            if (defaults.rows() != null && defaults.rows() < 0) problems.add(at.atValue(p.key("rows"), "rows must not be negative"));
            if (defaults.fanOut() != null && !(defaults.fanOut() > 0)) problems.add(at.atValue(p.key("fanOut"), "fanOut must be positive"));
            rate(defaults.edgeCaseRate(), p.key("edgeCaseRate"));
            locales(defaults.locales(), p.key("locales"));
        }
        spec.tables().forEach((name, table) -> table(table, s.key("tables").key(name)));
        spec.traits().forEach((name, trait) -> {
            DefinitionPath p = s.key("traits").key(name);
            if (trait.table() == null) problems.add(at.atKey(p, "a trait needs the table it applies to"));
            fields(trait.fields(), p.key("fields"));
        });
        spec.scenarios().forEach((name, scenario) -> scenario(scenario, s.key("scenarios").key(name)));
        masking(spec.masking(), s.key("masking"));
        for (int i = 0; i < spec.validations().size(); i++) {
            var v = spec.validations().get(i);
            if (v == null || v.sql() == null || v.sql().isBlank()) {
                problems.add(at.atValue(s.key("validations").index(i), "a validation needs sql (a query that returns no rows when the data is right)"));
            }
        }
    }

    private void table(TableSpec t, DefinitionPath p) {
        if (t.rows() != null && t.rows() < 0) problems.add(at.atValue(p.key("rows"), "rows must not be negative"));
        if (t.rows() != null && t.perParent() != null) {
            problems.add(at.atKey(p.key("perParent"), "give rows or perParent, not both"));
        }
        if (t.perParent() != null) perParent(t.perParent(), p.key("perParent"));
        fields(t.fields(), p.key("fields"));
    }

    private void perParent(PerParent pp, DefinitionPath p) {
        if (pp.min() != null && pp.min() < 0) problems.add(at.atValue(p.key("min"), "min must not be negative"));
        if (pp.max() != null && pp.max() < 0) problems.add(at.atValue(p.key("max"), "max must not be negative"));
        if (pp.min() != null && pp.max() != null && pp.min() > pp.max()) {
            problems.add(at.atValue(p.key("min"), "min " + pp.min() + " is greater than max " + pp.max()));
        }
        if (pp.mean() != null && !(pp.mean() > 0)) problems.add(at.atValue(p.key("mean"), "mean must be positive"));
        if (pp.distribution() != null && !DISTRIBUTIONS.contains(pp.distribution())) {
            problems.add(at.atValue(p.key("distribution"), "unknown distribution '" + pp.distribution() + "'; expected uniform or lognormal"));
            return;
        }
        boolean logNormal = "lognormal".equals(pp.distribution()) || "log-normal".equals(pp.distribution()) || pp.distribution() == null && pp.mean() != null;
        if (logNormal && pp.mean() == null) problems.add(at.atKey(p, "a lognormal perParent needs a mean"));
        if (!logNormal && pp.mean() != null) problems.add(at.atValue(p.key("mean"), "mean applies to the lognormal distribution only"));
        if (!logNormal && (pp.min() == null || pp.max() == null)) {
            problems.add(at.atKey(p, "perParent needs min and max (uniform) or mean (lognormal)"));
        }
    }

    private void scenario(Scenario scenario, DefinitionPath p) {
        scenario.rows().forEach((table, rows) -> {
            if (rows != null && rows < 0) problems.add(at.atValue(p.key("rows").key(table), "rows must not be negative"));
        });
        for (int i = 0; i < scenario.groups().size(); i++) {
            var g = scenario.groups().get(i);
            DefinitionPath gp = p.key("groups").index(i);
            if (g.table() == null) problems.add(at.atValue(gp, "a group needs its table"));
            if (g.count() < 0) problems.add(at.atValue(gp.key("count"), "count must not be negative"));
            fields(g.fields(), gp.key("fields"));
        }
    }

    private void fields(Map<String, FieldRule> fields, DefinitionPath p) {
        fields.forEach((column, rule) -> rule(rule, p.key(column)));
    }

    private void rule(FieldRule r, DefinitionPath p) {
        if (r == null) {
            problems.add(at.atKey(p, "empty rule"));
            return;
        }
        Map<String, Object> given = valueRules(r);
        if (given.size() > 1) {
            problems.add(at.atKey(p, "several value rules (" + String.join(", ", given.keySet()) + "); give one"));
        } else if (given.isEmpty() && r.nullRate() == null && r.locales() == null) {
            problems.add(at.atKey(p, "empty rule; give a value rule (generator, template, choices, probability, range, "
                    + "sequence, constant, reference, sample, series, every, anomaly), nullRate or locales"));
        }
        if (r.params() != null && r.generator() == null) problems.add(at.atKey(p.key("params"), "params need a generator"));
        if (r.generator() != null && r.generator().isEmpty()) problems.add(at.atValue(p.key("generator"), "empty generator name"));
        if (r.sample() != null && r.sample().isBlank()) problems.add(at.atValue(p.key("sample"), "empty sample query"));
        rate(r.probability(), p.key("probability"));
        rate(r.nullRate(), p.key("nullRate"));
        locales(r.locales(), p.key("locales"));
        if (r.choices() != null) choices(r.choices(), p.key("choices"));
        if (r.range() != null) range(r.range(), p.key("range"));
        if (r.reference() != null && r.reference().table() == null) problems.add(at.atKey(p.key("reference"), "a reference needs its table"));
        if (r.series() != null) series(r.series(), p.key("series"));
        if (r.every() != null) every(r.every(), p.key("every"));
        if (r.anomaly() != null && (r.anomaly().series() == null || r.anomaly().series().isBlank())) {
            problems.add(at.atKey(p.key("anomaly"), "anomaly needs series: the column whose series rule it labels"));
        }
    }

    private void series(DataDefinition.Series s, DefinitionPath p) {
        if (s.time() == null || s.time().isBlank()) problems.add(at.atKey(p, "series needs time: the timestamp column of the same row"));
        if (s.noise() != null && s.noise() < 0) problems.add(at.atValue(p.key("noise"), "noise (a standard deviation) must not be negative"));
        if (s.anomalyScale() != null && s.anomalyScale() < 0) problems.add(at.atValue(p.key("anomalyScale"), "anomalyScale must not be negative"));
        rate(s.anomalyRate(), p.key("anomalyRate"));
        for (var e : Map.of("base", s.baseOr0(), "trend", s.trendOr0(), "daily", s.dailyOr0(), "weekly", s.weeklyOr0(),
                "noise", s.noiseOr0(), "anomalyScale", s.anomalyScaleOrDefault()).entrySet()) {
            if (!Double.isFinite(e.getValue())) problems.add(at.atValue(p.key(e.getKey()), e.getKey() + " must be a finite number"));
        }
    }

    private void every(DataDefinition.Every e, DefinitionPath p) {
        if (e.start() == null) problems.add(at.atKey(p, "every needs start (a time such as -30d or 2024-01-01)"));
        if (e.step() == null) {
            problems.add(at.atKey(p, "every needs step (a duration such as 5m or 1h)"));
        } else if (e.stepSeconds().isEmpty()) {
            problems.add(at.atValue(p.key("step"), "cannot read '" + e.step() + "' as a step; expected a positive number then s, m (minutes), h, d or w, such as 5m"));
        }
        time(e.start(), p.key("start"));
    }

    private void masking(Map<String, Map<String, DataDefinition.MaskRule>> masking, DefinitionPath p) {
        masking.forEach((table, columns) -> {
            if (columns.isEmpty()) problems.add(at.atKey(p.key(table), "no columns to mask; give column: {method: ...}"));
            columns.forEach((column, rule) -> {
                DefinitionPath cp = p.key(table).key(column);
                if (rule == null) return; // reported as a key without a value
                if (rule.method() == null) {
                    problems.add(at.atKey(cp, "a masking rule needs method (" + String.join(", ", DataDefinition.MaskRule.METHODS) + ")"));
                } else if (!DataDefinition.MaskRule.METHODS.contains(rule.method())) {
                    problems.add(at.atValue(cp.key("method"), "unknown masking method '" + rule.method() + "'"
                            + DefinitionChecker.suggestion(rule.method(), DataDefinition.MaskRule.METHODS)
                            + "; expected one of " + String.join(", ", DataDefinition.MaskRule.METHODS)));
                }
            });
        });
    }

    private void choices(Choices c, DefinitionPath p) {
        if (c.values() == null || c.values().isEmpty()) {
            problems.add(at.atKey(p, "choices need at least one value"));
            return;
        }
        for (int i = 0; i < c.values().size(); i++) {
            if (c.values().get(i) == null) problems.add(at.atValue(p.key("values").index(i), "a choice cannot be null; use nullRate"));
        }
        if (c.weights() == null) return;
        if (c.weights().size() != c.values().size()) {
            problems.add(at.atValue(p.key("weights"), c.weights().size() + " weights for " + c.values().size() + " values; give one weight per value"));
        }
        long total = 0;
        for (int i = 0; i < c.weights().size(); i++) {
            Integer w = c.weights().get(i);
            if (w == null || w < 0) problems.add(at.atValue(p.key("weights").index(i), "weights must not be negative"));
            else total += w;
        }
        if (total == 0 && c.weights().stream().allMatch(w -> w != null && w >= 0)) {
            problems.add(at.atValue(p.key("weights"), "weights add up to 0; at least one must be positive"));
        }
    }

    private void range(Range r, DefinitionPath p) {
        if (r.min() == null && r.max() == null && r.from() == null && r.to() == null) {
            problems.add(at.atKey(p, "empty range; give min/max (numbers) or from/to (dates and times)"));
        }
        if ((r.min() != null || r.max() != null) && (r.from() != null || r.to() != null)) {
            problems.add(at.atKey(p, "give min/max (numbers) or from/to (dates and times), not both"));
        }
        if ((r.min() == null) != (r.max() == null)) problems.add(at.atKey(p, "a numeric range needs both min and max"));
        if ((r.from() == null) != (r.to() == null)) problems.add(at.atKey(p, "a date or time range needs both from and to"));
        if (r.min() != null && r.max() != null && r.min() > r.max()) {
            problems.add(at.atValue(p.key("min"), "min " + number(r.min()) + " is greater than max " + number(r.max())));
        }
        Optional<DefinitionTime> from = time(r.from(), p.key("from"));
        Optional<DefinitionTime> to = time(r.to(), p.key("to"));
        if (from.isPresent() && to.isPresent() && DefinitionTimes.compare(from.get(), to.get()).orElse(0) > 0) {
            problems.add(at.atValue(p.key("from"), "from " + r.from() + " is after to " + r.to()));
        }
    }

    private Optional<DefinitionTime> time(String text, DefinitionPath p) {
        if (text == null) return Optional.empty();
        Optional<DefinitionTime> t = DefinitionTime.parse(text);
        if (t.isEmpty()) {
            problems.add(at.atValue(p, "cannot read '" + text + "' as a time; expected now, an offset such as -30d, +2h or -1y "
                    + "(units s, m, h, d, w, M or mo, y), or an ISO date, date-time or time"));
        }
        return t;
    }

    private void rate(Double rate, DefinitionPath p) {
        if (rate != null && !(rate >= 0 && rate <= 1)) problems.add(at.atValue(p, "must be within 0..1, found " + number(rate)));
    }

    private void locales(Map<String, Integer> locales, DefinitionPath p) {
        if (locales == null) return;
        locales.forEach((tag, weight) -> {
            if (!LOCALE.matcher(tag).matches()) problems.add(at.atKey(p.key(tag), "'" + tag + "' is not a locale tag such as en-US"));
            if (weight == null || weight < 0) problems.add(at.atValue(p.key(tag), "locale weights must not be negative"));
        });
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
