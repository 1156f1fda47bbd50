package io.seedfleet.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.CheckConstraint;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The engine's promises, checked on generated schemas: rows do not depend on how they are chunked;
 * unique keys are unique; foreign keys point at rows the parent has; CHECK domains hold.
 */
class EnginePropertiesTest {

    /** A parent with a unique text column and a bounded CHECK; a child with a FK, a unique email and a junction table. */
    record Shape(long parents, long children, long links, int checkLow, int checkWidth, int varcharLength) {}

    @Provide
    Arbitrary<Shape> shapes() {
        return Combinators.combine(
                Arbitraries.longs().between(1, 300), Arbitraries.longs().between(0, 600), Arbitraries.longs().between(0, 300),
                Arbitraries.integers().between(-50, 50), Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(4, 60))
                .as(Shape::new);
    }

    @Property(tries = 40)
    void rowsDoNotDependOnChunking(@ForAll("shapes") Shape shape, @ForAll @LongRange(min = 1, max = 97) long chunk, @ForAll long seed) {
        Dataset dataset = Dataset.of(plan(shape, seed));
        for (Table t : dataset.plan().schema().tables()) {
            TableGenerator g = dataset.table(t.name());
            assertThat(render(g, 0, g.rows(), g.rows() + 1)).as(t.name().toString()).isEqualTo(render(g, 0, g.rows(), chunk));
        }
    }

    @Property(tries = 40)
    void keysAreUniqueForeignKeysResolveAndChecksHold(@ForAll("shapes") Shape shape, @ForAll long seed) {
        Dataset dataset = Dataset.of(plan(shape, seed));
        List<String[]> parents = rows(dataset.table(name("parent")));
        List<String[]> children = rows(dataset.table(name("child")));
        List<String[]> links = rows(dataset.table(name("link")));

        assertUnique(parents, 0);
        assertUnique(parents, 1);
        assertUnique(children, 0);
        assertUnique(children, 2);
        assertUnique(links, 0, 1);
        Set<String> parentIds = column(parents, 0);
        Set<String> childIds = column(children, 0);
        assertThat(column(children, 1)).isSubsetOf(parentIds);
        assertThat(column(links, 0)).isSubsetOf(parentIds);
        assertThat(column(links, 1)).isSubsetOf(childIds);
        for (String[] p : parents) {
            int score = Integer.parseInt(p[2]);
            assertThat(score).isBetween(shape.checkLow(), shape.checkLow() + shape.checkWidth());
            assertThat(p[1].codePointCount(0, p[1].length())).isLessThanOrEqualTo(shape.varcharLength());
        }
        for (String[] c : children) assertThat(c[2]).matches("[^@\\s]+@[a-z.]+\\.[a-z]+");
    }

    @Property(tries = 20)
    void sameSeedSameBytesOtherSeedOtherBytes(@ForAll("shapes") Shape shape, @ForAll long seed, @ForAll @IntRange(min = 1) int delta) {
        GenerationPlan a = plan(shape, seed);
        TableGenerator one = Dataset.of(a).table(name("parent"));
        TableGenerator again = Dataset.of(plan(shape, seed)).table(name("parent"));
        TableGenerator other = Dataset.of(plan(shape, seed + delta)).table(name("parent"));
        assertThat(render(again, 0, one.rows(), 7)).isEqualTo(render(one, 0, one.rows(), 7));
        if (one.rows() >= 5) assertThat(render(other, 0, one.rows(), 7)).isNotEqualTo(render(one, 0, one.rows(), 7));
    }

    private static GenerationPlan plan(Shape s, long seed) {
        Table parent = new Table(name("parent"),
                List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                        Column.of("code", ColumnType.text(TypeKind.VARCHAR, "varchar", s.varcharLength()), false),
                        Column.of("score", ColumnType.of(TypeKind.INTEGER, "integer"), false)),
                List.of(UniqueKey.primaryKey("parent_pkey", List.of("id")), UniqueKey.unique("parent_code_key", List.of("code"))),
                List.of(),
                List.of(new CheckConstraint("parent_score_check", "((score >= " + s.checkLow() + ") AND (score <= " + (s.checkLow() + s.checkWidth()) + "))", List.of("score"))),
                null);
        Table child = new Table(name("child"),
                List.of(Column.of("id", ColumnType.of(TypeKind.UUID, "uuid"), false),
                        Column.of("parent_id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                        Column.of("email", ColumnType.text(TypeKind.TEXT, "text", null), false)),
                List.of(UniqueKey.primaryKey("child_pkey", List.of("id")), UniqueKey.unique("child_email_key", List.of("email"))),
                List.of(ForeignKey.of("child_parent_fkey", List.of("parent_id"), name("parent"), List.of("id"))),
                List.of(), null);
        Table link = new Table(name("link"),
                List.of(Column.of("parent_id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                        Column.of("child_id", ColumnType.of(TypeKind.UUID, "uuid"), false)),
                List.of(UniqueKey.primaryKey("link_pkey", List.of("parent_id", "child_id"))),
                List.of(ForeignKey.of("link_parent_fkey", List.of("parent_id"), name("parent"), List.of("id")),
                        ForeignKey.of("link_child_fkey", List.of("child_id"), name("child"), List.of("id"))),
                List.of(), null);
        long links = s.children() == 0 ? 0 : Math.min(s.links(), s.parents() * s.children());
        return Planner.plan(new SchemaModel(List.of(parent, child, link)),
                new RowCounts(Map.of("parent", s.parents(), "child", s.children(), "link", links), 1, 1), seed);
    }

    private static QualifiedName name(String table) {
        return new QualifiedName("public", table);
    }

    private static String render(TableGenerator g, long from, long to, long chunk) {
        StringBuilder all = new StringBuilder();
        for (long start = from; start < to; start += chunk) {
            CopyTextWriter out = new CopyTextWriter(64);
            for (long row = start; row < Math.min(to, start + chunk); row++) g.writeInsertRow(row, out);
            all.append(new String(out.buffer(), 0, out.length(), StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    private static List<String[]> rows(TableGenerator g) {
        String text = render(g, 0, g.rows(), 1000);
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) if (!line.isEmpty()) rows.add(line.split("\t", -1));
        return rows;
    }

    private static Set<String> column(List<String[]> rows, int index) {
        Set<String> values = new HashSet<>();
        for (String[] r : rows) values.add(r[index]);
        return values;
    }

    private static void assertUnique(List<String[]> rows, int... columns) {
        Set<String> seen = new HashSet<>();
        for (String[] r : rows) {
            String key = Arrays.toString(Arrays.stream(columns).mapToObj(i -> r[i]).toArray());
            assertThat(seen.add(key)).as("duplicate key %s", key).isTrue();
        }
    }
}
