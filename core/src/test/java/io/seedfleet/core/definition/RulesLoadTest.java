package io.seedfleet.core.definition;

import static io.seedfleet.core.definition.RulesFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.definition.DataDefinition.Defaults;
import io.seedfleet.core.definition.DataDefinition.Group;
import io.seedfleet.core.definition.DataDefinition.PerParent;
import io.seedfleet.core.definition.DataDefinition.Scenario;
import io.seedfleet.core.definition.DataDefinition.Spec;
import io.seedfleet.core.definition.DataDefinition.TableSpec;
import io.seedfleet.core.definition.DataDefinition.Trait;
import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.PlanProblem;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import io.seedfleet.core.validate.ValidationReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A definition and a scenario applied to the example SaaS schema, loaded into PostgreSQL and checked with SQL. */
class RulesLoadTest {
    private static final Instant NOW = Instant.EPOCH.plus(GenerationPlan.DEFAULT_ANCHOR, ChronoUnit.MICROS);
    private static final long SEED = 7;
    private static JdbcTarget target;
    private static SchemaModel schema;
    private static GenerationPlan plan;
    private static RunSummary summary;

    static DataDefinition saasDefinition() {
        Map<String, TableSpec> tables = new TreeMap<>();
        tables.put("organizations", new TableSpec(40L, null, Map.of("name", generator("#{Company.name}"))));
        tables.put("projects", new TableSpec(null, new PerParent(null, 2, 6, null, null),
                Map.of("visibility", choices(List.of("private", "internal", "public"), List.of(1, 1, 1)))));
        tables.put("users", new TableSpec(null, null, Map.of(
                "created_at", dates("-1y", "-30d", null),
                "locale", choices(List.of("en-US", "ja-JP", "de-DE"), List.of(70, 20, 10)),
                "display_name", template("User {{index}} {{first_name}}"),
                "last_login_at", nullRate(0.3),
                "is_active", probability(0.9))));
        tables.put("tasks", new TableSpec(300L, null, Map.of(
                "number", sequence(100, 2),
                "reporter_id", reference("users", "id", Map.of("is_active", false)))));
        tables.put("memberships", new TableSpec(2000L, null, null));
        tables.put("team_members", new TableSpec(300L, null, null));
        tables.put("project_members", new TableSpec(300L, null, null));
        Map<String, Trait> traits = Map.of("dormant", new Trait("users", Map.of(
                "is_active", constant(false),
                "last_login_at", dates("-2y", "-1y", null))));
        Scenario launch = new Scenario("dormant and fresh users", Map.of("users", 8000L, "plans", 3L), List.of(
                new Group("dormant", "users", 1500, List.of("dormant"), null),
                new Group("fresh", "users", 500, null, Map.of("created_at", dates("-7d", "now", null)))));
        return definition(new Spec(new Defaults(20L, 1.0, 0.0, null, null), tables, traits, Map.of("launch", launch), null));
    }

    @BeforeAll
    static void load() throws Exception {
        target = TestDatabases.withExampleSchema("rules_saas");
        schema = TestDatabases.introspect(target);
        plan = plan(schema);
        summary = LocalRun.execute(target, Dataset.of(plan), new LocalRun.Options("rules-1", 700, 2, false, p -> {}));
    }

    private static GenerationPlan plan(SchemaModel schema) {
        Rules rules = Rules.resolve(saasDefinition(), "launch", schema);
        return Planner.plan(schema, RowCounts.defaults(), SEED, GenerationPlan.DEFAULT_ANCHOR, rules.edgeCasesPerMille(), rules.localeMix(), rules);
    }

    @Test
    void everyOrganizationHasItsPerParentProjectsAndTheTotalIsTheirSum() throws Exception {
        assertThat(query("SELECT count(*) FROM app.projects")).isEqualTo(plan.rows(io.seedfleet.core.schema.QualifiedName.parse("app.projects")));
        assertThat(query("SELECT count(*) FROM app.organizations o WHERE (SELECT count(*) FROM app.projects p WHERE p.organization_id = o.id) NOT BETWEEN 2 AND 6"))
                .as("organizations with fewer than 2 or more than 6 projects").isZero();
        assertThat(query("SELECT count(DISTINCT organization_id) FROM app.projects")).isEqualTo(40);
    }

    @Test
    void scenarioRowsAreTheGroupsThenItsOwnRows() throws Exception {
        assertThat(query("SELECT count(*) FROM app.users")).isEqualTo(10_000);
        assertThat(query("SELECT count(*) FROM app.plans")).isEqualTo(3);
    }

    @Test
    void weightedChoicesKeepTheirSharesWithinThreePoints() throws Exception {
        assertThat(query("SELECT count(*) FROM app.users WHERE locale = 'en-US'") / 100.0).isBetween(67.0, 73.0);
        assertThat(query("SELECT count(*) FROM app.users WHERE locale = 'ja-JP'") / 100.0).isBetween(17.0, 23.0);
        assertThat(query("SELECT count(*) FROM app.users WHERE locale = 'de-DE'") / 100.0).isBetween(7.0, 13.0);
        assertThat(query("SELECT count(*) FROM app.users WHERE locale NOT IN ('en-US', 'ja-JP', 'de-DE')")).isZero();
    }

    @Test
    void traitsApplyToExactlyTheirGroupsRows() throws Exception {
        // Identity ids follow row order: the dormant group is rows [0, 1500), ids 1..1500.
        assertThat(query("SELECT count(*) FROM app.users WHERE id <= 1500 AND NOT is_active")).isEqualTo(1500);
        assertThat(query("SELECT count(*) FROM app.users WHERE id <= 1500 AND (last_login_at IS NULL OR last_login_at < "
                + ts(NOW.atZone(ZoneOffset.UTC).minusYears(2).toInstant()) + " OR last_login_at > " + ts(NOW.atZone(ZoneOffset.UTC).minusYears(1).toInstant()) + ")"))
                .as("dormant users last logged in between two years and one year ago").isZero();
        double activeShare = query("SELECT count(*) FROM app.users WHERE id > 1500 AND is_active") / 8500.0;
        assertThat(activeShare).as("probability 0.9 outside the trait").isBetween(0.87, 0.93);
        double nullShare = query("SELECT count(*) FROM app.users WHERE id > 1500 AND last_login_at IS NULL") / 8500.0;
        assertThat(nullShare).as("nullRate 0.3 over inferred values").isBetween(0.27, 0.33);
    }

    @Test
    void datesStayWithinTheirRelativeRanges() throws Exception {
        String yearAgo = ts(NOW.atZone(ZoneOffset.UTC).minusYears(1).toInstant());
        assertThat(query("SELECT count(*) FROM app.users WHERE (id <= 1500 OR id > 2000) AND (created_at < " + yearAgo + " OR created_at > "
                + ts(NOW.minus(30, ChronoUnit.DAYS)) + ")")).isZero();
        assertThat(query("SELECT count(*) FROM app.users WHERE id BETWEEN 1501 AND 2000 AND (created_at < " + ts(NOW.minus(7, ChronoUnit.DAYS))
                + " OR created_at > " + ts(NOW) + ")")).as("the fresh group's own range").isZero();
        assertThat(query("SELECT count(*) FROM app.users WHERE updated_at < created_at")).isZero();
    }

    @Test
    void templatesSequencesReferencesAndFakerExpressionsAreApplied() throws Exception {
        assertThat(query("SELECT count(*) FROM app.users WHERE display_name IS DISTINCT FROM 'User ' || id || ' ' || first_name")).isZero();
        assertThat(query("SELECT min(number) FROM app.tasks")).isEqualTo(100);
        assertThat(query("SELECT max(number) FROM app.tasks")).isEqualTo(100 + 2 * 299);
        assertThat(query("SELECT count(*) FROM app.tasks t JOIN app.users u ON u.id = t.reporter_id WHERE u.is_active")).as("reporters are inactive").isZero();
        assertThat(query("SELECT count(DISTINCT name) FROM app.organizations")).isGreaterThan(30);
        assertThat(query("SELECT count(*) FROM app.projects WHERE visibility NOT IN ('private', 'internal', 'public')")).isZero();
    }

    @Test
    void theLoadPassesTheValidator() throws Exception {
        try (Connection c = target.open()) {
            var checks = PostgresValidator.validate(c, schema, Map.of());
            assertThat(ValidationReport.passed(checks)).as(ValidationReport.summary(checks)).isTrue();
        }
    }

    @Test
    void theSameDefinitionAndSeedGiveTheSameTablesForAnotherChunkSize() throws Exception {
        JdbcTarget other = TestDatabases.withExampleSchema("rules_saas_again");
        SchemaModel otherSchema = TestDatabases.introspect(other);
        RunSummary again = LocalRun.execute(other, Dataset.of(plan(otherSchema)), new LocalRun.Options("rules-2", 3001, 2, false, p -> {}));
        Map<String, TableTotal> first = summary.tables();
        assertThat(again.tables()).isEqualTo(first);
        assertThat(first.get("app.users").rows()).isEqualTo(10_000);
    }

    @Test
    void aRuleThatBreaksACheckIsAPlanProblem() {
        DataDefinition d = definition(new Spec(null, Map.of("plans", new TableSpec(5L, null, Map.of("max_seats", numbers(0, 20_000)))), null, null, null));
        Rules rules = Rules.resolve(d, null, schema);
        GenerationPlan p = Planner.plan(schema, new RowCounts(Map.of(), 5, 1.0), 1, GenerationPlan.DEFAULT_ANCHOR, 0, Map.of(), rules);
        assertThatThrownBy(() -> Dataset.of(p)).isInstanceOfSatisfying(PlanningException.class, e ->
                assertThat(e.problems()).anyMatch(pr -> pr.table().equals("app.plans") && pr.subject().contains("max_seats")));
    }

    @Test
    void aValueRuleOnAForeignKeyIsRefused() {
        assertRefused(Map.of("projects", new TableSpec(10L, null, Map.of("organization_id", constant(1)))),
                pr -> pr.table().equals("app.projects") && "organization_id".equals(pr.subject()) && pr.message().contains("only a reference"));
    }

    @Test
    void aReferenceNoParentRowMatchesIsRefused() {
        assertRefused(Map.of("tasks", new TableSpec(10L, null, Map.of("reporter_id", reference("users", "id", Map.of("locale", "xx-XX"))))),
                pr -> pr.table().equals("app.tasks") && pr.message().contains("no row of app.users matches"));
    }

    private static void assertRefused(Map<String, TableSpec> tables, java.util.function.Predicate<PlanProblem> expected) {
        DataDefinition d = definition(new Spec(null, tables, null, null, null));
        GenerationPlan p = Planner.plan(schema, new RowCounts(Map.of(), 5, 1.0), 1, GenerationPlan.DEFAULT_ANCHOR, 0, Map.of(), Rules.resolve(d, null, schema));
        assertThatThrownBy(() -> Dataset.of(p)).isInstanceOfSatisfying(PlanningException.class, e -> assertThat(e.problems()).anyMatch(expected));
    }

    private static String ts(Instant i) {
        return "timestamptz '" + i + "'";
    }

    private static long query(String sql) throws Exception {
        try (Connection c = target.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
