package io.seedfleet.core.definition;

import io.seedfleet.core.definition.DataDefinition.Choices;
import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.Range;
import io.seedfleet.core.definition.DataDefinition.Reference;
import io.seedfleet.core.definition.DataDefinition.Sequence;
import java.util.List;
import java.util.Map;

/** Field rules as a YAML definition would give them, one value rule each. */
final class RulesFixtures {
    private RulesFixtures() {}

    static FieldRule generator(String name) {
        return new FieldRule(name, null, null, null, null, null, null, null, null, null, null, null);
    }

    static FieldRule template(String template) {
        return new FieldRule(null, null, template, null, null, null, null, null, null, null, null, null);
    }

    static FieldRule choices(List<Object> values, List<Integer> weights) {
        return new FieldRule(null, null, null, new Choices(values, weights), null, null, null, null, null, null, null, null);
    }

    static FieldRule probability(double p) {
        return new FieldRule(null, null, null, null, p, null, null, null, null, null, null, null);
    }

    static FieldRule dates(String from, String to, Double nullRate) {
        return new FieldRule(null, null, null, null, null, new Range(null, null, from, to), null, null, null, null, nullRate, null);
    }

    static FieldRule numbers(double min, double max) {
        return new FieldRule(null, null, null, null, null, new Range(min, max, null, null), null, null, null, null, null, null);
    }

    static FieldRule sequence(long start, long step) {
        return new FieldRule(null, null, null, null, null, null, new Sequence(start, step), null, null, null, null, null);
    }

    static FieldRule constant(Object value) {
        return new FieldRule(null, null, null, null, null, null, null, value, null, null, null, null);
    }

    static FieldRule reference(String table, String column, Map<String, Object> where) {
        return new FieldRule(null, null, null, null, null, null, null, null, new Reference(table, column, where), null, null, null);
    }

    static FieldRule sample(String sql) {
        return new FieldRule(null, null, null, null, null, null, null, null, null, sql, null, null);
    }

    static FieldRule nullRate(double rate) {
        return new FieldRule(null, null, null, null, null, null, null, null, null, null, rate, null);
    }

    static DataDefinition definition(DataDefinition.Spec spec) {
        return new DataDefinition(DataDefinition.API_VERSION, DataDefinition.KIND, new DataDefinition.Metadata("test", null), spec);
    }
}
