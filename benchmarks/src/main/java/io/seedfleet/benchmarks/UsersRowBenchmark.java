package io.seedfleet.benchmarks;

import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.generate.TableGenerator;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.datafaker.Faker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine issue's users row (id, org FK, unique email, first and last name, phone, created_at,
 * weighted status, boolean, age with a CHECK) rendered to COPY text: Seedfleet's generator against
 * the loop users write by hand, Datafaker calls per value into a StringBuilder, in the same run.
 * Scores are rows per second (each invocation renders {@value #ROWS} rows on one thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UsersRowBenchmark {
    static final int ROWS = 10_000;
    private static final String[] STATUSES = {"active", "active", "active", "active", "invited", "suspended", "deleted"};

    private TableGenerator users;
    private CopyTextWriter out;
    private long next;
    private Faker faker;
    private StringBuilder line;

    @Setup
    public void setUp() {
        SchemaModel schema = new SchemaModel(List.of(organizations(), users()));
        Dataset dataset = Dataset.of(Planner.plan(schema, new RowCounts(Map.of("organizations", 1_000L, "users", 1_000_000_000L), 1, 1), 42));
        users = dataset.table(new QualifiedName("public", "users"));
        out = new CopyTextWriter(1 << 20);
        faker = new Faker(Locale.US, new Random(42));
        line = new StringBuilder(256);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void seedfleet(Blackhole bh) {
        out.reset();
        long row = next;
        for (int i = 0; i < ROWS; i++) users.writeInsertRow(row++, out);
        next = row % 1_000_000_000L;
        bh.consume(out.length());
    }

    /** What users write by hand: Datafaker per value, formatted into a COPY line. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void datafakerPerValue(Blackhole bh) {
        long bytes = 0;
        for (int i = 0; i < ROWS; i++) {
            line.setLength(0);
            long id = ++next;
            String first = faker.name().firstName();
            String last = faker.name().lastName();
            line.append(id).append('\t')
                    .append(1 + faker.number().numberBetween(0, 1000)).append('\t')
                    .append(first.toLowerCase(Locale.ROOT)).append('.').append(last.toLowerCase(Locale.ROOT)).append(id).append("@example.com\t")
                    .append(first).append('\t').append(last).append('\t')
                    .append(faker.phoneNumber().phoneNumber()).append('\t')
                    .append(faker.timeAndDate().past(1000, TimeUnit.DAYS)).append('\t')
                    .append(STATUSES[faker.number().numberBetween(0, STATUSES.length)]).append('\t')
                    .append(faker.bool().bool() ? 't' : 'f').append('\t')
                    .append(faker.number().numberBetween(18, 91)).append('\n');
            bytes += line.length();
        }
        bh.consume(bytes);
    }

    static Table organizations() {
        return new Table(new QualifiedName("public", "organizations"),
                List.of(column("id", TypeKind.BIGINT, false)),
                List.of(UniqueKey.primaryKey("organizations_pkey", List.of("id"))), List.of(), List.of(), null);
    }

    static Table users() {
        return new Table(new QualifiedName("public", "users"),
                List.of(column("id", TypeKind.BIGINT, false),
                        column("organization_id", TypeKind.BIGINT, false),
                        Column.of("email", ColumnType.text(TypeKind.VARCHAR, "character varying(320)", 320), false),
                        Column.of("first_name", ColumnType.text(TypeKind.VARCHAR, "character varying(100)", 100), false),
                        Column.of("last_name", ColumnType.text(TypeKind.VARCHAR, "character varying(100)", 100), false),
                        Column.of("phone", ColumnType.text(TypeKind.VARCHAR, "character varying(40)", 40), true),
                        column("created_at", TypeKind.TIMESTAMPTZ, false),
                        Column.of("status", ColumnType.enumOf("user_status", List.of("active", "invited", "suspended", "deleted")), false),
                        column("is_verified", TypeKind.BOOLEAN, false),
                        column("age", TypeKind.INTEGER, true)),
                List.of(UniqueKey.primaryKey("users_pkey", List.of("id")), UniqueKey.unique("users_email_key", List.of("email"))),
                List.of(ForeignKey.of("users_organization_id_fkey", List.of("organization_id"), new QualifiedName("public", "organizations"), List.of("id"))),
                List.of(new CheckConstraint("users_age_check", "((age >= 13) AND (age <= 120))", List.of("age"))), null);
    }

    private static Column column(String name, TypeKind kind, boolean nullable) {
        return Column.of(name, ColumnType.of(kind, kind.name().toLowerCase(Locale.ROOT)), nullable);
    }
}
