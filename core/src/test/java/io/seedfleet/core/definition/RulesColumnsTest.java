package io.seedfleet.core.definition;

import static io.seedfleet.core.definition.RulesFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.definition.DataDefinition.Group;
import io.seedfleet.core.definition.DataDefinition.Scenario;
import io.seedfleet.core.definition.DataDefinition.Spec;
import io.seedfleet.core.definition.DataDefinition.TableSpec;
import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Column rules on generated rows: group ranges, value bounds and chunking independence, for any seed and sizes. */
class RulesColumnsTest {
    private static final QualifiedName EVENTS = new QualifiedName("public", "events");
    private static final LocalDate NOW = LocalDate.of(2025, 1, 1);

    @Property(tries = 30)
    void groupsGetTheirRulesAndRowsDoNotDependOnChunking(@ForAll @IntRange(min = 0, max = 300) int vip, @ForAll @IntRange(min = 0, max = 300) int rest,
                                                         @ForAll @LongRange(min = 1, max = 97) long chunk, @ForAll long seed) {
        TableGenerator g = events(vip, rest, seed);
        assertThat(g.rows()).isEqualTo(vip + rest);
        String all = render(g, g.rows() + 1);
        assertThat(render(g, chunk)).isEqualTo(all);
        String[] lines = all.isEmpty() ? new String[0] : all.split("\n");
        for (int row = 0; row < lines.length; row++) {
            String[] v = lines[row].split("\t", -1);
            // id, code, tier, day, score
            assertThat(v[1]).isEqualTo("EV-" + (row + 1));
            LocalDate day = LocalDate.parse(v[3]);
            if (row < vip) {
                assertThat(v[2]).isEqualTo("vip");
                assertThat(day).isBetween(NOW.minusDays(7), NOW);
                assertThat(Integer.parseInt(v[4])).isBetween(90, 100);
            } else {
                assertThat(v[2]).isIn("free", "pro");
                assertThat(day).isBetween(NOW.minusYears(1), NOW.minusDays(30));
                assertThat(v[4]).isIn("\\N", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            }
        }
    }

    @Example
    void datafakerExpressionsAreSeededPerRowAndUnknownGeneratorsAreRefused() {
        Table people = new Table(new QualifiedName("public", "people"), List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                Column.of("nick", ColumnType.text(TypeKind.VARCHAR, "varchar", 40), false)),
                List.of(UniqueKey.primaryKey("people_pkey", List.of("id"))), List.of(), List.of(), null);
        SchemaModel schema = new SchemaModel(List.of(people));
        java.util.function.BiFunction<String, Long, TableGenerator> build = (generator, seed) -> Dataset.of(Planner.plan(schema, RowCounts.defaults(),
                seed, GenerationPlan.DEFAULT_ANCHOR, 0, Map.of(), Rules.resolve(definition(new Spec(null,
                        Map.of("people", new TableSpec(200L, null, Map.of("nick", RulesFixtures.generator(generator)))), null, null, null)), null, schema)))
                .table(people.name());
        String once = render(build.apply("#{Name.firstName}", 5L), 13);
        assertThat(render(build.apply("#{Name.firstName}", 5L), 200)).isEqualTo(once);
        List<String> nicks = once.lines().map(l -> l.split("\t")[1]).toList();
        assertThat(nicks).hasSize(200).allMatch(n -> !n.isBlank() && n.length() <= 40);
        assertThat(new java.util.HashSet<>(nicks)).hasSizeGreaterThan(50);
        assertThat(render(build.apply("#{Name.firstName}", 6L), 200)).isNotEqualTo(once);
        assertThatThrownBy(() -> build.apply("no_such_generator", 5L)).isInstanceOfSatisfying(PlanningException.class,
                e -> assertThat(e.problems()).anyMatch(p -> "nick".equals(p.subject()) && p.message().contains("unknown generator")));
    }

    private static TableGenerator events(int vip, int rest, long seed) {
        Table events = new Table(EVENTS, List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                Column.of("code", ColumnType.text(TypeKind.VARCHAR, "varchar", 20), false),
                Column.of("tier", ColumnType.text(TypeKind.TEXT, "text", null), false),
                Column.of("day", ColumnType.of(TypeKind.DATE, "date"), false),
                Column.of("score", ColumnType.of(TypeKind.INTEGER, "integer"), true)),
                List.of(UniqueKey.primaryKey("events_pkey", List.of("id")), UniqueKey.unique("events_code_key", List.of("code"))),
                List.of(), List.of(), null);
        SchemaModel schema = new SchemaModel(List.of(events));
        DataDefinition d = definition(new Spec(null,
                Map.of("events", new TableSpec(null, null, Map.of(
                        "code", template("EV-{{index}}"),
                        "tier", choices(List.of("free", "pro"), List.of(3, 1)),
                        "day", dates("-1y", "-30d", null),
                        "score", new DataDefinition.FieldRule(null, null, null, null, null, new DataDefinition.Range(0.0, 10.0, null, null),
                                null, null, null, null, 0.2, null)))),
                null,
                Map.of("s", new Scenario(null, Map.of("events", (long) rest), List.of(new Group("vip", "events", vip, null, Map.of(
                        "tier", constant("vip"), "day", dates("-7d", "now", null), "score", numbers(90, 100)))))),
                null));
        Rules rules = Rules.resolve(d, "s", schema);
        GenerationPlan plan = Planner.plan(schema, RowCounts.defaults(), seed, GenerationPlan.DEFAULT_ANCHOR, 0, Map.of(), rules);
        return Dataset.of(plan).table(EVENTS);
    }

    private static String render(TableGenerator g, long chunk) {
        StringBuilder all = new StringBuilder();
        for (long start = 0; start < g.rows(); start += chunk) {
            CopyTextWriter out = new CopyTextWriter(64);
            for (long row = start; row < Math.min(g.rows(), start + chunk); row++) g.writeInsertRow(row, out);
            all.append(new String(out.buffer(), 0, out.length(), StandardCharsets.UTF_8));
        }
        return all.toString();
    }
}
