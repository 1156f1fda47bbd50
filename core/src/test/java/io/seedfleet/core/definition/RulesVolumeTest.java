package io.seedfleet.core.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.definition.DataDefinition.PerParent;
import io.seedfleet.core.definition.DataDefinition.Spec;
import io.seedfleet.core.definition.DataDefinition.TableSpec;
import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Per-parent volumes: every parent gets a count within its bounds, the child table is their sum, whatever the chunking. */
class RulesVolumeTest {

    @Property(tries = 40)
    void uniformCountsHoldForEveryParentAndEveryChunking(@ForAll @IntRange(min = 1, max = 200) int parents, @ForAll @IntRange(min = 0, max = 5) int min,
                                                         @ForAll @IntRange(min = 0, max = 6) int width, @ForAll @LongRange(min = 1, max = 97) long chunk,
                                                         @ForAll long seed) {
        Dataset dataset = dataset(parents, new PerParent(null, min, min + width, null, null), seed);
        Map<String, Integer> perParent = childrenPerParent(dataset, chunk);
        TableGenerator child = dataset.table(name("child"));
        assertThat(perParent.values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(child.rows());
        for (long p = 1; p <= parents; p++) {
            assertThat(perParent.getOrDefault(String.valueOf(p), 0)).as("children of parent " + p).isBetween(min, min + width);
        }
        assertThat(render(child, chunk)).isEqualTo(render(child, child.rows() + 1));
    }

    @Property(tries = 20)
    void logNormalCountsStayUnderTheirCapAndAverageNearTheMean(@ForAll @IntRange(min = 400, max = 800) int parents, @ForAll long seed) {
        Dataset dataset = dataset(parents, new PerParent("parent", null, 40, 8.0, "lognormal"), seed);
        Map<String, Integer> perParent = childrenPerParent(dataset, 333);
        assertThat(perParent.values()).allMatch(n -> n <= 40);
        double mean = dataset.table(name("child")).rows() / (double) parents;
        assertThat(mean).as("mean children per parent (log-normal, mean 8, capped at 40)").isBetween(6.5, 9.5);
    }

    private static Dataset dataset(int parents, PerParent perParent, long seed) {
        Table parent = new Table(name("parent"), List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false)),
                List.of(UniqueKey.primaryKey("parent_pkey", List.of("id"))), List.of(), List.of(), null);
        Table child = new Table(name("child"),
                List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                        Column.of("parent_id", ColumnType.of(TypeKind.BIGINT, "bigint"), false)),
                List.of(UniqueKey.primaryKey("child_pkey", List.of("id"))),
                List.of(ForeignKey.of("child_parent_fkey", List.of("parent_id"), name("parent"), List.of("id"))), List.of(), null);
        SchemaModel schema = new SchemaModel(List.of(parent, child));
        DataDefinition d = new DataDefinition(DataDefinition.API_VERSION, DataDefinition.KIND, null, new Spec(null,
                Map.of("parent", new TableSpec((long) parents, null, null), "child", new TableSpec(null, perParent, null)), null, null, null));
        Rules rules = Rules.resolve(d, null, schema);
        GenerationPlan plan = Planner.plan(schema, RowCounts.defaults(), seed, GenerationPlan.DEFAULT_ANCHOR, 0, Map.of(), rules);
        return Dataset.of(plan);
    }

    /** Parent id to its number of children, read from the rendered child rows. */
    private static Map<String, Integer> childrenPerParent(Dataset dataset, long chunk) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : render(dataset.table(name("child")), chunk).split("\n")) {
            if (!line.isEmpty()) counts.merge(line.split("\t")[1], 1, Integer::sum);
        }
        return counts;
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

    private static QualifiedName name(String table) {
        return new QualifiedName("public", table);
    }
}
