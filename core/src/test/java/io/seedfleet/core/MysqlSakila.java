package io.seedfleet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** MySQL's sakila (shared/schemas/mysql_sakila) loaded into a test database and generated into, for core's MySQL tests. */
public final class MysqlSakila {
    private static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));
    /** Tables keyed by TINYINT UNSIGNED (at most 255 rows) and the NOT NULL store <-> staff cycle get explicit counts. */
    public static final Map<String, Long> SMALL_TABLES = Map.of("language", 6L, "category", 16L, "staff", 12L, "store", 6L);

    private MysqlSakila() {}

    public record Run(String database, String runId, RunSummary summary, SchemaModel schema, JdbcTarget target) {}

    /** MySQL sakila loaded into {@code database} by the mariadb client, then generated into at 1,000 rows per root table. */
    public static Run run(String database, String run, long seed) throws Exception {
        load(database);
        JdbcTarget target = MysqlTestDatabases.target(database);
        SchemaModel schema;
        try (Connection c = target.open()) {
            schema = Introspection.read(c, IntrospectionOptions.all());
        }
        GenerationPlan plan = Planner.plan(schema, new RowCounts(SMALL_TABLES, 1000, 2.0), seed);
        String runId = database + "-" + run;
        RunSummary summary = LocalRun.execute(target, Dataset.of(plan), new LocalRun.Options(runId, 5_000, 2, false, p -> {}));
        return new Run(database, runId, summary, schema, target);
    }

    /** Loads sakila's schema into an empty database, its own CREATE/USE lines and sakila.x names pointed at it. */
    public static void load(String database) throws Exception {
        Path ddl = SCHEMAS.resolve("mysql_sakila").resolve("schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found at " + SCHEMAS.toAbsolutePath());
        String client = client();
        String script = Files.readString(ddl).replaceAll("(?im)^\\s*(DROP SCHEMA IF EXISTS sakila|CREATE SCHEMA sakila|USE sakila)\\s*;\\s*$", "")
                .replaceAll("\\bsakila\\.", database + ".");
        Path file = Files.createTempFile("sakila", ".sql");
        try {
            Files.writeString(file, script);
            Process p = new ProcessBuilder(client, "-h127.0.0.1", "-P3306", "-uroot", database).redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String client() {
        for (String name : List.of("mariadb", "mysql")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) return name;
            }
        }
        assumeTrue(false, "no mariadb/mysql client on the PATH");
        return null;
    }
}
