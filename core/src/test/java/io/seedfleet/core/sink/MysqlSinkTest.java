package io.seedfleet.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.MysqlTestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.MysqlIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MysqlSink's promises: a chunk is written once however often it is delivered, and a value the server refuses fails the run, which is undone. */
class MysqlSinkTest {
    private String database;

    @AfterEach
    void drop() throws Exception {
        if (database != null) MysqlTestDatabases.drop(database);
    }

    private SchemaModel schema(String ddl) throws SQLException {
        database = MysqlTestDatabases.createDatabase();
        MysqlTestDatabases.load(database, ddl);
        try (Connection c = MysqlTestDatabases.target(database).open()) {
            return Introspection.read(c, IntrospectionOptions.all());
        }
    }

    @Test
    void aRedeliveredChunkIsRecognisedAndNotWrittenTwice() throws Exception {
        SchemaModel schema = schema("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, flag BOOLEAN NOT NULL, blob_value BLOB)");
        JdbcTarget target = MysqlTestDatabases.target(database);
        GenerationPlan plan = Planner.plan(schema, new RowCounts(Map.of(), 300, 1.0), 5);
        Dataset dataset = Dataset.of(plan);
        QualifiedName item = new QualifiedName(database, "item");
        Chunk chunk = new Chunk(item, Chunk.Phase.INSERT, 0, 300);
        Sink sink = Sink.of(target);
        assertThat(sink).isInstanceOf(MysqlSink.class);
        try (Connection c = target.open()) {
            sink.prepareLedger(c);
            sink.registerRun(c, database + "-once", schema);
            ChunkResult first = sink.write(c, database + "-once", dataset.table(item), chunk);
            ChunkResult again = sink.write(c, database + "-once", dataset.table(item), chunk);
            assertThat(first.alreadyWritten()).isFalse();
            assertThat(again.alreadyWritten()).isTrue();
            assertThat(again.checksum()).isEqualTo(first.checksum());
            assertThat(count(c, "SELECT COUNT(*) FROM item")).isEqualTo(300);
            assertThat(count(c, "SELECT COUNT(*) FROM item WHERE flag NOT IN (0, 1) OR LENGTH(blob_value) NOT IN (16)")).isZero();
        }
    }

    @Test
    void aValueTheServerRefusesFailsTheRunAndTheRunIsUndone() throws Exception {
        SchemaModel schema = schema("CREATE TABLE reading (id INT PRIMARY KEY, level TINYINT NOT NULL)");
        // without the bound its type implies, the engine writes SMALLINT values a TINYINT cannot hold
        Table reading = schema.tables().get(0);
        Table unbounded = new Table(reading.name(), reading.columns(), reading.uniqueKeys(), reading.foreignKeys(),
                reading.checks().stream().filter(c -> !c.name().startsWith(MysqlIntrospector.TYPE_CHECK_PREFIX)).toList(), reading.comment());
        SchemaModel wrong = new SchemaModel(List.of(unbounded));
        JdbcTarget target = MysqlTestDatabases.target(database);
        Dataset dataset = Dataset.of(Planner.plan(wrong, new RowCounts(Map.of(), 2000, 1.0), 5));

        assertThatThrownBy(() -> LocalRun.execute(target, dataset, new LocalRun.Options(database + "-refused", 500, 2, false, p -> {})))
                .isInstanceOf(SQLException.class).hasMessageContaining("was refused").hasMessageContaining("Out of range");
        try (Connection c = target.open()) {
            assertThat(count(c, "SELECT COUNT(*) FROM reading")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM seedfleet_ledger.runs WHERE run_id = '" + database + "-refused' AND state = 'FAILED'"))
                    .isEqualTo(1);
        }
    }

    /** A nullable foreign-key cycle is loaded insert-then-update: the deferred keys are written in a later stage, through a temporary table. */
    @Test
    void aNullableCycleIsFilledByTheUpdateStage() throws Exception {
        SchemaModel schema = schema("""
                CREATE TABLE department (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, head_id INT NULL);
                CREATE TABLE employee (id INT PRIMARY KEY, department_id INT NOT NULL, mentor_id INT NULL,
                  CONSTRAINT fk_employee_department FOREIGN KEY (department_id) REFERENCES department (id),
                  CONSTRAINT fk_employee_mentor FOREIGN KEY (mentor_id) REFERENCES employee (id));
                ALTER TABLE department ADD CONSTRAINT fk_department_head FOREIGN KEY (head_id) REFERENCES employee (id);
                """);
        JdbcTarget target = MysqlTestDatabases.target(database);
        GenerationPlan plan = Planner.plan(schema, new RowCounts(Map.of("department", 50L, "employee", 400L), 50, 1.0), 9);
        assertThat(plan.deferred()).isNotEmpty();
        var summary = LocalRun.execute(target, Dataset.of(plan), new LocalRun.Options(database + "-cycle", 100, 2, false, p -> {}));

        Map<String, Long> expected = new java.util.TreeMap<>();
        summary.tables().forEach((t, total) -> expected.put(t, total.rows()));
        try (Connection c = target.open()) {
            assertThat(io.seedfleet.core.validate.DatabaseValidator.validate(c, schema, expected))
                    .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
            assertThat(count(c, "SELECT COUNT(*) FROM department WHERE head_id IS NOT NULL")).isPositive();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
