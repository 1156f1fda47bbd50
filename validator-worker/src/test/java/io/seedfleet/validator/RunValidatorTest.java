package io.seedfleet.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.seedfleet.testkit.CloudEventsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.seedfleet.core.event.DatasetSummary;
import io.seedfleet.core.event.EventReader;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.RunStatus;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.event.ValidationCompleted;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.quarkus.FleetTestResource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FleetTestResource.class, initArgs = @ResourceArg(name = FleetTestResource.DATASOURCE, value = "false"))
class RunValidatorTest {
    static final String SCHEMA = """
            CREATE TABLE organizations (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL);
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                organization_id bigint NOT NULL CONSTRAINT users_organization_fk REFERENCES organizations (id),
                email text NOT NULL UNIQUE);
            """;

    static final String VERDICTS = EventType.VALIDATION_COMPLETED.topic();

    CloudEventsClient kafka;

    @BeforeEach
    void connect() {
        kafka = new CloudEventsClient(FleetTestResource.kafka().bootstrapServers(), VERDICTS, EventType.STATUS.topic(),
                EventType.ARCHITECT_COMPLETED.topic());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void passesAGeneratedRunWithACheckForEveryKey() throws Exception {
        Target target = targetDatabase("vw_generated");
        GenerationCompleted run = generate(target, "run-ok");

        ValidationCompleted verdict = verdictOn(run);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.edgeCoverage()).as("the edge cases the run's data holds").isNotEmpty().isEqualTo(run.edgeCoverage());
        assertThat(verdict.checks()).extracting(CheckResult::name, CheckResult::table, CheckResult::constraint).contains(
                tuple("row-count", "public.organizations", null),
                tuple("row-count", "public.users", null),
                tuple("unique", "public.organizations", "organizations_pkey"),
                tuple("unique", "public.users", "users_pkey"),
                tuple("unique", "public.users", "users_email_key"),
                tuple("foreign-key", "public.users", "users_organization_fk"));

        // The run's status and the summary for test-data-architect:completed consumers, each as its published schema says.
        var status = kafka.await(1, r -> r.topic().equals(EventType.STATUS.topic()) && run.runId().equals(r.key())).get(0);
        RunStatus validated = new EventReader<>(EventType.STATUS, RunStatus.class).read(CloudEventsClient.header(status, "ce_type"), status.value());
        assertThat(validated.state()).isEqualTo("VALIDATED");
        var summaryRecord = kafka.await(1, r -> r.topic().equals(EventType.ARCHITECT_COMPLETED.topic()) && run.runId().equals(r.key())).get(0);
        DatasetSummary summary = new EventReader<>(EventType.ARCHITECT_COMPLETED, DatasetSummary.class)
                .read(CloudEventsClient.header(summaryRecord, "ce_type"), summaryRecord.value());
        assertThat(summary.recordsGenerated()).isEqualTo(run.totalRows()).isPositive();
        assertThat(summary.schemasCovered()).containsExactly("public");
        assertThat(summary.validationPassed()).isTrue();
    }

    @Test
    void countsAnOrphanThatAnUnvalidatedForeignKeyLetIn() throws Exception {
        Target target = targetDatabase("vw_orphan");
        GenerationCompleted run = generate(target, "run-orphan");
        try (Connection c = target.jdbc().open(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users DROP CONSTRAINT users_organization_fk");
            s.execute("UPDATE users SET organization_id = 999999 WHERE id = (SELECT min(id) FROM users)");
            s.execute("ALTER TABLE users ADD CONSTRAINT users_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id) NOT VALID");
        }

        ValidationCompleted verdict = verdictOn(run);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.checks()).filteredOn(check -> !check.passed())
                .extracting(CheckResult::name, CheckResult::constraint, CheckResult::violations)
                .containsExactly(tuple("foreign-key", "users_organization_fk", 1L));
    }

    ValidationCompleted verdictOn(GenerationCompleted run) {
        kafka.send(EventType.GENERATION_COMPLETED.topic(), EventType.GENERATION_COMPLETED.type(), run.runId(), Events.toJson(run));
        var record = kafka.await(1, r -> r.topic().equals(VERDICTS) && run.runId().equals(r.key())).get(0);
        assertThat(CloudEventsClient.header(record, "ce_type")).isEqualTo(EventType.VALIDATION_COMPLETED.type());
        assertThat(CloudEventsClient.header(record, "ce_source")).isEqualTo("urn:seedfleet:validator-worker");
        // Read back through the published contract: its JSON Schema, then the record.
        return new EventReader<>(EventType.VALIDATION_COMPLETED, ValidationCompleted.class)
                .read(CloudEventsClient.header(record, "ce_type"), record.value());
    }

    /** What the coordinator would announce after a run: here made in-process by core's LocalRun. */
    static GenerationCompleted generate(Target target, String runId) throws Exception {
        Dataset dataset;
        try (Connection c = target.jdbc().open()) {
            var schema = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
            dataset = Dataset.of(Planner.plan(schema, new RowCounts(Map.of("organizations", 20L, "users", 200L), 0, 1.0), 42));
        }
        RunSummary summary = LocalRun.execute(target.jdbc(), dataset, LocalRun.Options.defaults(runId));
        return new GenerationCompleted(runId, target, summary.seed(), summary.tables(), summary.totalRows(), summary.millis(), dataset.edgeCoverage());
    }

    static Target targetDatabase(String name) throws Exception {
        RunningPostgres pg = FleetTestResource.postgres();
        Target target = new Target(pg.createDatabase(name), pg.user(), pg.password());
        try (Connection c = target.jdbc().open(); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
        }
        return target;
    }
}
