package io.seedfleet.benchmarks;

import io.seedfleet.cli.ExampleSchema;
import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaJson;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.testkit.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.datafaker.Faker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every table of the example SaaS schema rendered to COPY text by the engine, beside the same
 * columns filled with a Datafaker call per value (chosen by column type, as a hand-written seeder
 * would) and formatted into a COPY line. Scores are rows per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ExampleSchemaBenchmark {
    private static final int ROWS = 2_000;

    @Param({"app.plans", "app.organizations", "app.users", "app.user_profiles", "app.memberships", "app.teams", "app.team_members",
            "app.projects", "app.project_members", "app.tasks", "app.task_comments", "app.labels", "app.task_labels", "app.subscriptions",
            "app.invoices", "app.invoice_line_items", "app.payment_methods", "app.payments", "app.api_keys", "app.webhooks",
            "app.invitations", "app.notifications", "app.audit_events"})
    public String table;

    private TableGenerator generator;
    private List<Function<Long, Object>> perValue;
    private CopyTextWriter out;
    private StringBuilder line;
    private long rows;
    private long next;

    @Setup
    public void setUp() throws Exception {
        SchemaModel schema = exampleSchema();
        Dataset dataset = Dataset.of(Planner.plan(schema, new RowCounts(ExampleSchema.rows(10_000, 200_000), 100, 2.0), 42));
        QualifiedName name = QualifiedName.parse(table);
        generator = dataset.table(name);
        rows = dataset.plan().rowCounts().get(name);
        Table t = schema.tables().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        Faker faker = new Faker(Locale.US, new Random(42));
        perValue = generator.insertColumns().stream().map(c -> datafaker(faker, t.column(c))).toList();
        out = new CopyTextWriter(1 << 20);
        line = new StringBuilder(512);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void seedfleet(Blackhole bh) {
        out.reset();
        long row = next;
        for (int i = 0; i < ROWS; i++) {
            generator.writeInsertRow(row, out);
            row = (row + 1) % rows;
        }
        next = row;
        bh.consume(out.length());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void datafakerPerValue(Blackhole bh) {
        long bytes = 0;
        for (int i = 0; i < ROWS; i++) {
            line.setLength(0);
            long id = ++next;
            for (int c = 0; c < perValue.size(); c++) {
                if (c > 0) line.append('\t');
                line.append(perValue.get(c).apply(id));
            }
            line.append('\n');
            bytes += line.length();
        }
        bh.consume(bytes);
    }

    /** The Datafaker call a hand-written seeder would make for a column of this type. */
    private static Function<Long, Object> datafaker(Faker f, Column c) {
        TypeKind kind = c.type().kind();
        String name = c.name();
        if (kind.isInteger()) return name.equals("id") ? id -> id : id -> f.number().numberBetween(1, 10_000);
        if (kind.isNumeric()) return id -> f.number().randomDouble(2, 0, 10_000);
        if (kind == TypeKind.BOOLEAN) return id -> f.bool().bool() ? "t" : "f";
        if (kind == TypeKind.UUID) return id -> f.internet().uuid();
        if (kind == TypeKind.ENUM) return id -> c.type().enumLabels().get(f.number().numberBetween(0, c.type().enumLabels().size()));
        if (kind.isTemporal()) return id -> f.timeAndDate().past(1000, TimeUnit.DAYS);
        if (kind == TypeKind.JSON || kind == TypeKind.JSONB) return id -> "{\"note\": \"" + f.lorem().word() + "\"}";
        if (kind == TypeKind.INET) return id -> f.internet().ipV4Address();
        if (name.contains("email")) return id -> f.internet().emailAddress();
        if (name.contains("name")) return id -> f.name().fullName();
        if (name.contains("url")) return id -> f.internet().url();
        if (name.contains("phone")) return id -> f.phoneNumber().phoneNumber();
        return id -> f.lorem().sentence();
    }

    /**
     * The example schema as PostgreSQL's catalog describes it, introspected once from an embedded
     * server and kept (by the DDL's hash) in the temporary directory for the other forks.
     */
    private static SchemaModel exampleSchema() throws Exception {
        byte[] ddl;
        try (var in = ExampleSchema.class.getResourceAsStream("/demo/saas-schema.sql")) {
            ddl = in.readAllBytes();
        }
        Path cached = Path.of(System.getProperty("java.io.tmpdir"), "seedfleet-example-schema-" + Integer.toHexString(java.util.Arrays.hashCode(ddl)) + ".json");
        if (Files.exists(cached)) return SchemaJson.read(Files.readString(cached, StandardCharsets.UTF_8));
        try (PostgresServer server = PostgresServer.start()) {
            JdbcTarget target = new JdbcTarget(server.createDatabase("example"), server.user(), server.password());
            ExampleSchema.create(target);
            SchemaModel schema;
            try (Connection c = target.open()) {
                schema = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
            }
            Files.writeString(cached, SchemaJson.write(schema), StandardCharsets.UTF_8);
            return schema;
        }
    }
}
