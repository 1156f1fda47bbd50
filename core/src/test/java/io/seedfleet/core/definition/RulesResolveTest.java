package io.seedfleet.core.definition;

import static io.seedfleet.core.definition.RulesFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedfleet.core.definition.DataDefinition.Defaults;
import io.seedfleet.core.definition.DataDefinition.Group;
import io.seedfleet.core.definition.DataDefinition.PerParent;
import io.seedfleet.core.definition.DataDefinition.Scenario;
import io.seedfleet.core.definition.DataDefinition.Spec;
import io.seedfleet.core.definition.DataDefinition.TableSpec;
import io.seedfleet.core.definition.DataDefinition.Trait;
import io.seedfleet.core.definition.DataDefinition.Validation;
import io.seedfleet.core.definition.Rules.Segment;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolving a definition against a schema: table keys, scenario row ranges, overrides, problems, serialisation. */
class RulesResolveTest {
    private static final SchemaModel SCHEMA = new SchemaModel(List.of(
            new Table(new QualifiedName("app", "accounts"), List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                    Column.of("plan", ColumnType.text(TypeKind.TEXT, "text", null), false),
                    Column.of("trial", ColumnType.of(TypeKind.BOOLEAN, "boolean"), false)),
                    List.of(UniqueKey.primaryKey("accounts_pkey", List.of("id"))), List.of(), List.of(), null),
            new Table(new QualifiedName("app", "invoices"), List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false),
                    Column.of("account_id", ColumnType.of(TypeKind.BIGINT, "bigint"), false)),
                    List.of(UniqueKey.primaryKey("invoices_pkey", List.of("id"))),
                    List.of(ForeignKey.of("invoices_account_fkey", List.of("account_id"), new QualifiedName("app", "accounts"), List.of("id"))),
                    List.of(), null)));

    private static DataDefinition withScenario() {
        return definition(new Spec(new Defaults(50L, 2.0, 0.02, Map.of("en-US", 3, "de-DE", 1), null),
                Map.of("accounts", new TableSpec(100L, null, Map.of("plan", choices(List.of("free", "pro"), List.of(3, 1)))),
                        "invoices", new TableSpec(null, new PerParent(null, 1, 3, null, null), null)),
                Map.of("trialing", new Trait("accounts", Map.of("trial", constant(true), "plan", constant("free")))),
                Map.of("churn", new Scenario(null, Map.of("accounts", 5L), List.of(
                        new Group("trials", "app.accounts", 20, List.of("trialing"), Map.of("plan", constant("pro"))),
                        new Group("paying", "accounts", 30, null, Map.of("trial", constant(false)))))),
                List.of(new Validation("no negative", "SELECT 1 WHERE false"))));
    }

    @Test
    void aScenarioGivesEachGroupTheNextRowsAndItsTraitsThenItsOwnFields() {
        Rules rules = Rules.resolve(withScenario(), "churn", SCHEMA);
        Rules.TableRules accounts = rules.table(new QualifiedName("app", "accounts"));
        assertThat(accounts.rows()).as("20 + 30 grouped rows plus the scenario's 5").isEqualTo(55);
        List<Segment> plan = accounts.fields().get("plan");
        assertThat(plan).extracting(Segment::from, Segment::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, Segment.ALL), org.assertj.core.groups.Tuple.tuple(0L, 20L), org.assertj.core.groups.Tuple.tuple(0L, 20L));
        assertThat(plan.get(2).rule().constant()).as("the group's own field overrides its trait's").isEqualTo("pro");
        assertThat(accounts.fields().get("trial")).extracting(Segment::from, Segment::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 20L), org.assertj.core.groups.Tuple.tuple(20L, 50L));
        assertThat(rules.edgeCasesPerMille()).isEqualTo(20);
        assertThat(rules.counts(RowCounts.defaults())).isEqualTo(new RowCounts(Map.of("app.accounts", 55L), 50, 2.0));
    }

    @Test
    void withoutAScenarioTablesKeepTheirOwnVolumes() {
        Rules rules = Rules.resolve(withScenario(), null, SCHEMA);
        assertThat(rules.table(new QualifiedName("app", "accounts")).rows()).isEqualTo(100);
        Rules.Volume volume = rules.table(new QualifiedName("app", "invoices")).perParent();
        assertThat(volume.parent()).isEqualTo("app.accounts");
        assertThat(volume.foreignKey()).isEqualTo("invoices_account_fkey");
        for (long p = 0; p < 1000; p++) assertThat(volume.count(1, "app.invoices", p)).isBetween(1L, 3L);
    }

    @Test
    void unknownTablesColumnsScenariosAndTraitsAreNamedInTheProblems() {
        DataDefinition bad = definition(new Spec(null,
                Map.of("nope", new TableSpec(1L, null, null), "accounts", new TableSpec(null, null, Map.of("missing", constant(1)))),
                null, Map.of("s", new Scenario(null, null, List.of(new Group("g", "accounts", 2, List.of("ghost"), null)))), null));
        assertThatThrownBy(() -> Rules.resolve(bad, "s", SCHEMA)).isInstanceOfSatisfying(PlanningException.class, e -> {
            assertThat(e.problems()).anyMatch(p -> p.table().equals("nope"));
            assertThat(e.problems()).anyMatch(p -> p.table().equals("app.accounts") && "missing".equals(p.subject()));
            assertThat(e.problems()).anyMatch(p -> p.message().contains("no trait named ghost"));
        });
        assertThatThrownBy(() -> Rules.resolve(bad, "other", SCHEMA)).isInstanceOf(PlanningException.class).hasMessageContaining("no such scenario");
    }

    @Test
    void samplesBecomeChoicesBeforePlanning() {
        DataDefinition d = definition(new Spec(null, Map.of("accounts", new TableSpec(10L, null, Map.of("plan", sample("SELECT plan FROM prod")))), null, null, null));
        Rules rules = Rules.resolve(d, null, SCHEMA).resolveSamples(sql -> List.of("gold", "silver", "gold"));
        var rule = rules.table(new QualifiedName("app", "accounts")).fields().get("plan").get(0).rule();
        assertThat(rule.sample()).isNull();
        assertThat(rule.choices().values()).containsExactly("gold", "silver");
    }

    @Test
    void rulesSurviveAJacksonRoundTrip() throws Exception {
        Rules rules = Rules.resolve(withScenario(), "churn", SCHEMA);
        ObjectMapper mapper = new ObjectMapper();
        Rules back = mapper.readValue(mapper.writeValueAsString(rules), Rules.class);
        assertThat(back).isEqualTo(rules);
    }
}
