package io.seedfleet.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.seedfleet.core.definition.DataDefinition.Choices;
import io.seedfleet.core.definition.DataDefinition.Defaults;
import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.Group;
import io.seedfleet.core.definition.DataDefinition.Metadata;
import io.seedfleet.core.definition.DataDefinition.PerParent;
import io.seedfleet.core.definition.DataDefinition.Range;
import io.seedfleet.core.definition.DataDefinition.Reference;
import io.seedfleet.core.definition.DataDefinition.Scenario;
import io.seedfleet.core.definition.DataDefinition.Sequence;
import io.seedfleet.core.definition.DataDefinition.Spec;
import io.seedfleet.core.definition.DataDefinition.TableSpec;
import io.seedfleet.core.definition.DataDefinition.Trait;
import io.seedfleet.core.definition.DataDefinition.Validation;
import io.seedfleet.core.definition.DefinitionLocations.Position;
import io.seedfleet.core.schema.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {
    private static final Path FULL = DefinitionSchemaTest.FIXTURES.resolve("valid-full.yaml");
    private static final String HEAD = "apiVersion: seedfleet.io/v1\nkind: DataDefinition\n";

    private static DefinitionException failure(String yaml) {
        return catchThrowableOfType(DefinitionException.class, () -> DefinitionReader.read("test.yaml", yaml));
    }

    @Test
    void aFullFileBindsIntoTheRecords() {
        Map<String, Object> where = new HashMap<>();
        where.put("deleted_at", null);
        Map<String, FieldRule> users = new LinkedHashMap<>();
        users.put("email", rule().generator("email").params(Map.of("domain", "example.com")).build());
        users.put("first_name", rule().template("user-{{index}}").build());
        users.put("role", rule().choices(new Choices(List.of("owner", "admin", "member"), List.of(1, 2, 7))).build());
        users.put("is_active", rule().probability(0.9).build());
        users.put("created_at", rule().range(new Range(null, null, "-2y", "now")).nullRate(0.1).build());
        users.put("score", rule().range(new Range(0.0, 100.0, null, null)).build());
        users.put("number", rule().sequence(new Sequence(1000L, 10L)).build());
        users.put("kind", rule().constant("person").build());
        users.put("organization_id", rule().reference(new Reference("app.organizations", "id", where)).build());
        users.put("city", rule().sample("SELECT city FROM cities").build());
        users.put("last_name", rule().locales(Map.of("ja-JP", 1)).build());
        DataDefinition expected = new DataDefinition(DataDefinition.API_VERSION, DataDefinition.KIND,
                new Metadata("full", "Every key of the format."),
                new Spec(new Defaults(200L, 2.5, 0.01, Map.of("en-US", 70, "de-DE", 30), 42L),
                        Map.of("app.users", new TableSpec(1000L, null, users),
                                "app.memberships", new TableSpec(null, new PerParent("app.users", 1, 3, null, null), null),
                                "app.tasks", new TableSpec(null, new PerParent(null, null, 50, 4.5, "lognormal"), null)),
                        Map.of("admin", new Trait("app.users", Map.of("role", rule().constant("admin").build()))),
                        Map.of("admins", new Scenario("Two admins first.", Map.of("app.users", 10L),
                                List.of(new Group("the admins", "app.users", 2, List.of("admin"),
                                        Map.of("is_active", rule().constant(true).build()))))),
                        List.of(new Validation("nobody from the future", "SELECT id FROM app.users WHERE created_at > now()"))));

        assertThat(DefinitionReader.read(FULL)).containsExactly(expected);
    }

    @Test
    void aFileHoldsSeveralDocuments() {
        List<DataDefinition> definitions = DefinitionReader.read(DefinitionSchemaTest.FIXTURES.resolve("valid-multi.yaml"));
        assertThat(definitions).extracting(d -> d.metadata().name()).containsExactly("first", "second");
        assertThat(definitions.get(0).spec().tables().get("users").rows()).isEqualTo(10L);
        assertThat(definitions.get(1).spec()).isNull();
    }

    @Test
    void theSecondDocumentsErrorsNameItsOwnLines() {
        DefinitionException e = failure(HEAD + "---\n" + HEAD + "spec:\n  defaults: {rows: lots}\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo(20);
        });
    }

    @Test
    void anUnknownKeyNamesItsLineColumnAndTheKeysExpected() {
        DefinitionException e = failure(HEAD + "spec:\n  tables:\n    users:\n      fields:\n        email:\n          tempalte: x\n");
        assertThat(e.getMessage()).isEqualTo("test.yaml:8:11: spec.tables.users.fields.email: unknown key 'tempalte'; expected one of "
                + "generator, params, template, choices, probability, range, sequence, constant, reference, sample, nullRate, locales, series, every, anomaly");
        assertThat(e).isInstanceOf(SourceException.class);
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.source()).isEqualTo("test.yaml");
    }

    @Test
    void everyBadKeyAndValueOfADocumentIsReportedAtOnce() {
        DefinitionException e = failure(HEAD + "spec:\n  tables:\n    users:\n      rows: many\n      colour: red\n"
                + "  validations:\n    - {name: x, sqll: SELECT 1}\n");
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.message()).containsExactly(
                "6:13 expected an integer, found the string 'many'",
                "7:7 unknown key 'colour'; expected one of rows, perParent, fields",
                "9:17 unknown key 'sqll'; expected one of name, sql");
    }

    @Test
    void wrongTypesAreErrorsNotCoercions() {
        assertThat(failure(HEAD + "spec:\n  defaults:\n    rows: many\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("test.yaml:5:11: spec.defaults.rows: expected an integer, found the string 'many'"));
        assertThat(failure(HEAD + "spec:\n  defaults:\n    rows: 1.5\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.line() + ":" + p.column()).isEqualTo("5:11"));
        assertThat(failure(HEAD + "spec:\n  defaults:\n    fanOut: \"2\"\n").getMessage()).contains("5:13", "expected a number, found the string '2'");
        assertThat(failure(HEAD + "spec:\n  tables: [users]\n").getMessage()).contains("4:11", "spec.tables: expected a mapping, found a list");
        assertThat(failure(HEAD + "metadata: {name: 7}\n").getMessage()).contains("3:18", "expected a string, found the integer 7");
    }

    @Test
    void theHeaderIsRequiredAndChecked() {
        assertThat(failure("kind: DataDefinition\n").getMessage())
                .isEqualTo("test.yaml:1:1: missing apiVersion; expected apiVersion: seedfleet.io/v1");
        assertThat(failure("apiVersion: seedfleet.io/v1\n").getMessage())
                .isEqualTo("test.yaml:1:1: missing kind; expected kind: DataDefinition");
        assertThat(failure("kind: DataDefinition\napiVersion: seedfleet.io/v2\n").getMessage())
                .isEqualTo("test.yaml:2:13: apiVersion: unsupported apiVersion 'seedfleet.io/v2'; expected seedfleet.io/v1");
        assertThat(failure(HEAD.replace("DataDefinition", "Dataset")).getMessage())
                .isEqualTo("test.yaml:2:7: kind: unsupported kind 'Dataset'; expected DataDefinition");
        assertThat(failure("- a\n- b\n").getMessage()).startsWith("test.yaml:1:1: expected a mapping");
    }

    @Test
    void yamlSyntaxErrorsHaveTheirPosition() {
        DefinitionException e = failure(HEAD + "spec:\n  tables: {users: {rows: 1}\n");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).startsWith("test.yaml:5:").contains("YAML syntax");
        DefinitionException indent = failure(HEAD + "spec:\n  tables:\n    users:\n      rows: 1\n     fields: {}\n");
        assertThat(indent.getMessage()).startsWith("test.yaml:7:6: YAML syntax");
    }

    @Test
    void duplicateKeysAndEmptyValuesAreErrors() {
        assertThat(failure(HEAD + "spec:\n  defaults:\n    rows: 1\n    rows: 2\n").getMessage())
                .isEqualTo("test.yaml:6:5: spec.defaults: duplicate key 'rows'");
        assertThat(failure(HEAD + "spec:\n  tables:\n    users:\n      fields:\n").getMessage())
                .isEqualTo("test.yaml:6:14: spec.tables.users.fields: expected a mapping, found no value");
        assertThat(failure(HEAD + "spec:\n  tables:\n    users:\n      fields: {email: ~, name: {constant: null}}\n").problems())
                .extracting(DefinitionProblem::toString).containsExactly(
                        "test.yaml:6:23: spec.tables.users.fields.email: no value; give one or remove the key",
                        "test.yaml:6:43: spec.tables.users.fields.name.constant: no value; give one or remove the key");
        assertThat(DefinitionReader.read("test.yaml", HEAD + "spec:\n  tables:\n    users:\n      fields:\n"
                + "        org_id: {reference: {table: orgs, where: {deleted_at: null}}}\n").get(0).spec().tables().get("users")
                .fields().get("org_id").reference().where()).containsEntry("deleted_at", null);
        assertThat(failure(HEAD + "spec:\n  scenarios:\n    s:\n      groups:\n        - table: users\n").getMessage())
                .isEqualTo("test.yaml:7:11: spec.scenarios.s.groups[0]: missing count");
    }

    @Test
    void anchorsAliasesAndMergeKeysAreResolved() {
        DataDefinition d = DefinitionReader.read("test.yaml", HEAD + "spec:\n  tables:\n    a: &volume {rows: 5}\n    b: *volume\n"
                + "    c:\n      <<: *volume\n      fields: {x: {constant: 1}}\n    d:\n      <<: *volume\n      rows: 7\n").get(0);
        assertThat(d.spec().tables()).extractingByKeys("a", "b", "c", "d").extracting(TableSpec::rows).containsExactly(5L, 5L, 5L, 7L);
        assertThat(d.spec().tables().get("c").fields()).containsOnlyKeys("x");
        assertThat(failure(HEAD + "spec:\n  tables:\n    b: *nothing\n").getMessage()).startsWith("test.yaml:5:8: spec.tables.b:");
        assertThat(failure(HEAD + "spec:\n  tables:\n    b:\n      <<: 3\n").getMessage())
                .isEqualTo("test.yaml:6:7: spec.tables.b: << merges a mapping (or a list of them), such as <<: *base");
    }

    @Test
    void schemaFreeRulesAreCheckedWhileReading() {
        DefinitionException e = failure(HEAD + "spec:\n  tables:\n    users:\n      rows: 5\n      perParent: {min: 3, max: 1}\n"
                + "      fields:\n        a: {probability: 2}\n        b: {choices: {values: [x, y], weights: [1]}}\n"
                + "        c: {range: {from: -30d, to: -40d}}\n        d: {generator: email, template: x}\n");
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.message()).containsExactly(
                "7:7 give rows or perParent, not both",
                "7:24 min 3 is greater than max 1",
                "9:26 must be within 0..1, found 2",
                "10:48 1 weights for 2 values; give one weight per value",
                "11:27 from -30d is after to -40d",
                "12:9 several value rules (generator, template); give one");
    }

    @Test
    void locationsAreKeptForTheChecker() {
        DefinitionDocument document = DefinitionReader.readOne(FULL);
        DefinitionPath email = DefinitionPath.ROOT.key("spec").key("tables").key("app.users").key("fields").key("email");
        assertThat(document.locations().key(email.pointer())).isEqualTo(new Position(20, 9));
        assertThat(document.locations().value(email.key("generator").pointer())).isEqualTo(new Position(21, 22));
        assertThat(email.display()).isEqualTo("spec.tables.app.users.fields.email");
        assertThat(document.locations().source()).endsWith("valid-full.yaml");
    }

    @Test
    void readOneRefusesAFileOfSeveralDefinitions() {
        assertThatThrownBy(() -> DefinitionReader.readOne(DefinitionSchemaTest.FIXTURES.resolve("valid-multi.yaml")))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("expected one definition, found 2");
    }

    // --- properties: an error is reported where it was written, wherever that is ---

    /** Mappings bound to records (where an unknown key is an error); other mappings take any key (tables, columns...). */
    private static final Pattern RECORD_MAPPING = Pattern.compile("|/metadata|/spec|/spec/defaults|/spec/tables/[^/]+"
            + "|/spec/tables/[^/]+/perParent|.*/fields/[^/]+|.*/fields/[^/]+/(choices|range|sequence|reference)|/spec/traits/[^/]+"
            + "|/spec/scenarios/[^/]+|/spec/scenarios/[^/]+/groups/\\d+|/spec/validations/\\d+");

    @Provide
    Arbitrary<Position> recordKeyLines() throws IOException {
        List<String> lines = Files.readAllLines(FULL);
        List<Position> candidates = new ArrayList<>();
        DefinitionReader.readOne(FULL).locations().keys().forEach((pointer, at) -> {
            boolean firstOnLine = lines.get(at.line() - 1).substring(0, at.column() - 1).isBlank();
            if (firstOnLine && RECORD_MAPPING.matcher(DefinitionPath.parentPointer(pointer)).matches()) candidates.add(at);
        });
        return Arbitraries.of(candidates);
    }

    @Property(tries = 60)
    void anUnknownKeyInsertedAnywhereIsReportedAtItsLine(@ForAll("recordKeyLines") Position before,
                                                         @ForAll("unknownKeys") String key) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(FULL));
        lines.add(before.line() - 1, " ".repeat(before.column() - 1) + key + ": 1");
        DefinitionException e = failure(String.join("\n", lines) + "\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(before.line());
            assertThat(p.column()).isEqualTo(before.column());
            assertThat(p.message()).startsWith("unknown key '" + key + "'; expected one of ");
        });
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12).map(s -> "x" + s);
    }

    @Provide
    Arbitrary<Position> integerValues() throws IOException {
        List<String> lines = Files.readAllLines(FULL);
        List<Position> candidates = new ArrayList<>();
        DefinitionLocations at = DefinitionReader.readOne(FULL).locations();
        at.keys().keySet().stream().filter(p -> p.matches(".*/(rows/[^/]+|rows|count|start|step|min|max|seed)$"))
                .filter(p -> !p.contains("/range/")).map(at::value)
                .filter(v -> Character.isDigit(lines.get(v.line() - 1).charAt(v.column() - 1))).forEach(candidates::add);
        return Arbitraries.of(candidates);
    }

    @Property(tries = 30)
    void aWordWhereAnIntegerBelongsIsReportedAtTheValue(@ForAll("integerValues") Position value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(FULL));
        String line = lines.get(value.line() - 1);
        lines.set(value.line() - 1, line.substring(0, value.column() - 1) + line.substring(value.column() - 1).replaceFirst("^[0-9]+", "many"));
        DefinitionException e = failure(String.join("\n", lines) + "\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(value.line());
            assertThat(p.column()).isEqualTo(value.column());
            assertThat(p.message()).isEqualTo("expected an integer, found the string 'many'");
        });
    }

    private static RuleBuilder rule() {
        return new RuleBuilder();
    }

    /** Field rules with only some components set, readable in the expected record tree. */
    private static final class RuleBuilder {
        private String generator, template, sample;
        private Map<String, Object> params;
        private Choices choices;
        private Double probability, nullRate;
        private Range range;
        private Sequence sequence;
        private Object constant;
        private Reference reference;
        private Map<String, Integer> locales;

        RuleBuilder generator(String v) { generator = v; return this; }
        RuleBuilder params(Map<String, Object> v) { params = v; return this; }
        RuleBuilder template(String v) { template = v; return this; }
        RuleBuilder choices(Choices v) { choices = v; return this; }
        RuleBuilder probability(double v) { probability = v; return this; }
        RuleBuilder range(Range v) { range = v; return this; }
        RuleBuilder sequence(Sequence v) { sequence = v; return this; }
        RuleBuilder constant(Object v) { constant = v; return this; }
        RuleBuilder reference(Reference v) { reference = v; return this; }
        RuleBuilder sample(String v) { sample = v; return this; }
        RuleBuilder nullRate(double v) { nullRate = v; return this; }
        RuleBuilder locales(Map<String, Integer> v) { locales = v; return this; }

        FieldRule build() {
            return new FieldRule(generator, params, template, choices, probability, range, sequence, constant, reference, sample, nullRate, locales);
        }
    }
}
