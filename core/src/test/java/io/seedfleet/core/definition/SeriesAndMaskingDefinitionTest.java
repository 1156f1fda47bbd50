package io.seedfleet.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ColumnType;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.schema.UniqueKey;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The series, every and anomaly rules and spec.masking: read, shape-checked and checked against a readings table. */
class SeriesAndMaskingDefinitionTest {

    static SchemaModel readings() {
        QualifiedName name = new QualifiedName("public", "sensor_reading");
        Column id = new Column("id", ColumnType.of(TypeKind.BIGINT, "bigint"), false, null, Column.Identity.ALWAYS, null, false, null);
        return new SchemaModel(List.of(new Table(name, List.of(id,
                Column.of("sensor", ColumnType.of(TypeKind.TEXT, "text"), false),
                Column.of("taken_at", ColumnType.of(TypeKind.TIMESTAMPTZ, "timestamptz"), false),
                Column.of("celsius", ColumnType.numeric("numeric(6,2)", 6, 2), false),
                Column.of("is_anomaly", ColumnType.of(TypeKind.BOOLEAN, "boolean"), false)),
                List.of(UniqueKey.primaryKey("sensor_reading_pkey", List.of("id"))), List.of(), List.of(), null)));
    }

    private static final String VALID = DefinitionSchemaTest.FIXTURES.resolve("valid-series-masking.yaml").toString();

    @Test
    void theRulesAndMaskingAreReadIntoTheRecords() throws Exception {
        DefinitionDocument doc = DefinitionReader.readOne(java.nio.file.Path.of(VALID));
        Map<String, FieldRule> fields = doc.definition().spec().tables().get("sensor_reading").fields();
        assertThat(fields.get("taken_at").every()).isEqualTo(new DataDefinition.Every("-30d", "5m"));
        assertThat(fields.get("taken_at").every().stepSeconds()).contains(300L);
        DataDefinition.Series s = fields.get("celsius").series();
        assertThat(List.of(s.base(), s.trend(), s.daily(), s.weekly(), s.noise(), s.anomalyRate(), s.anomalyScale()))
                .containsExactly(20.0, 0.01, 5.0, 2.0, 0.5, 0.01, 8.0);
        assertThat(s.time()).isEqualTo("taken_at");
        assertThat(fields.get("is_anomaly").anomaly().series()).isEqualTo("celsius");
        Map<String, MaskRule> masking = doc.definition().spec().masking().get("sensor_reading");
        assertThat(masking.get("sensor")).isEqualTo(new MaskRule("hash", Map.of("salt", "s3cret")));
        assertThat(masking.get("celsius").params()).containsEntry("unused", null);
        assertThat(masking.get("taken_at").params()).isNull();
        assertThat(DefinitionChecker.check(doc, readings())).isEmpty();
        // The fleet records resolved rules as JSON: the new rules survive the round trip.
        Rules rules = Rules.resolve(doc.definition(), null, readings());
        assertThat(RulesJson.read(RulesJson.write(rules))).isEqualTo(rules);
        assertThat(rules.table(new QualifiedName("public", "sensor_reading")).fields().get("celsius").get(0).rule().series()).isEqualTo(s);
    }

    @Test
    void theCheckerRefusesRulesThatDoNotFitTheirColumns() {
        String yaml = """
                apiVersion: seedfleet.io/v1
                kind: DataDefinition
                metadata: {name: wrong}
                spec:
                  tables:
                    sensor_reading:
                      fields:
                        sensor: {series: {base: 1, time: taken_at}}
                        celsius: {series: {base: 1, time: is_anomaly}}
                        id: {every: {start: -1d, step: 1h}}
                        is_anomaly: {anomaly: {series: sensr}}
                  masking:
                    sensor_reading:
                      celsuis: {method: redact}
                    sensor_readings:
                      sensor: {method: keep}
                """;
        DefinitionDocument doc = DefinitionReader.readDocuments("wrong.yaml", yaml).get(0);
        List<DefinitionProblem> problems = DefinitionChecker.check(doc, readings());
        assertThat(problems).extracting(DefinitionProblem::line).containsExactly(8, 9, 10, 11, 14, 15);
        assertThat(problems.get(0).message()).contains("series makes numbers", "sensor is text");
        assertThat(problems.get(1).message()).contains("is_anomaly is boolean", "date or timestamp");
        assertThat(problems.get(2).message()).contains("every needs a date or timestamp column");
        assertThat(problems.get(3).message()).contains("no column 'sensr'", "did you mean sensor?");
        assertThat(problems.get(4).message()).contains("no column 'celsuis'", "did you mean celsius?");
        assertThat(problems.get(5).message()).contains("no table 'sensor_readings'");
    }

    @Test
    void theReaderRefusesAnUnknownMaskingMethodAndABadStepAtTheirLines() {
        String yaml = """
                apiVersion: seedfleet.io/v1
                kind: DataDefinition
                metadata: {name: wrong}
                spec:
                  tables:
                    sensor_reading:
                      fields:
                        taken_at: {every: {start: yesterday, step: 0m}}
                        celsius: {series: {noise: -1, anomalyRate: 2, time: taken_at}}
                  masking:
                    sensor_reading:
                      sensor: {method: hashed}
                      celsius: {params: {x: 1}}
                """;
        assertThatThrownBy(() -> DefinitionReader.read("wrong.yaml", yaml)).isInstanceOfSatisfying(DefinitionException.class, e -> {
            List<DefinitionProblem> p = e.problems();
            assertThat(p).extracting(DefinitionProblem::line).containsExactly(8, 8, 9, 9, 12, 13);
            assertThat(p).anyMatch(x -> x.message().contains("cannot read '0m' as a step"));
            assertThat(p).anyMatch(x -> x.message().contains("cannot read 'yesterday' as a time"));
            assertThat(p).anyMatch(x -> x.message().contains("noise") && x.message().contains("negative"));
            assertThat(p).anyMatch(x -> x.message().contains("within 0..1"));
            assertThat(p).anyMatch(x -> x.message().contains("unknown masking method 'hashed'; did you mean hash?"));
            assertThat(p).anyMatch(x -> x.message().contains("needs method"));
        });
    }

    @Property(tries = 200)
    void aStepIsReadAsItsSecondsForEveryUnit(@ForAll @IntRange(min = 1, max = 100_000) int n) {
        Map<String, Long> units = Map.of("s", 1L, "m", 60L, "h", 3600L, "d", 86_400L, "w", 604_800L);
        units.forEach((unit, seconds) -> assertThat(new DataDefinition.Every("now", n + unit).stepSeconds()).contains(n * seconds));
        assertThat(new DataDefinition.Every("now", n + "mo").stepSeconds()).as("months have no fixed length").isEqualTo(Optional.empty());
        assertThat(new DataDefinition.Every("now", "-" + n + "m").stepSeconds()).isEmpty();
    }

    @Test
    void theStarterTemplateShowsACommentedMaskingExample() throws Exception {
        String text = DefinitionTemplate.write(readings());
        assertThat(text).contains("  # masking:", "  #   public.sensor_reading:", "{method: partial, params: {keepFirst: 1, keepLast: 2}}");
        for (String method : MaskRule.METHODS) assertThat(text).contains(method);
        // Uncommented, the example is a valid masking section for the same schema.
        int masking = text.indexOf("  # masking:");
        String uncommented = text.substring(0, masking) + text.substring(masking).replaceAll("(?m)^  # masking:.*$", "  masking:")
                .replaceAll("(?m)^  #   (public|  )", "    $1");
        DefinitionDocument doc = DefinitionReader.readDocuments("starter.yaml", uncommented).get(0);
        assertThat(doc.definition().spec().masking().get("public.sensor_reading")).containsKeys("id", "sensor");
        assertThat(DefinitionChecker.check(doc, readings())).isEmpty();
    }
}
