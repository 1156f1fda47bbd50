package io.seedfleet.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * definition.schema.json and the reader agree: every fixture and example definition is refused by
 * both or accepted by both. The schema sees the file through Jackson's own YAML tree, not the reader's.
 */
class DefinitionSchemaTest {
    static final Path FIXTURES = Path.of("src/test/resources/definition");
    static final Path EXAMPLES = Path.of(System.getProperty("seedfleet.examples", "../examples"));
    private static final JsonSchema SCHEMA = schema();
    private static final YAMLMapper YAML = new YAMLMapper();

    static JsonSchema schema() {
        try (InputStream in = DefinitionSchemaTest.class.getResourceAsStream("/schemas/definition.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<ValidationMessage> validate(JsonNode document) {
        return SCHEMA.validate(document);
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = (JsonNode) it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) documents.add(node);
            }
        }
        return documents;
    }

    static Stream<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        if (Files.isDirectory(EXAMPLES)) {
            try (Stream<Path> s = Files.walk(EXAMPLES, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void schemaAndReaderAgree(Path file) throws IOException {
        String yaml = Files.readString(file);
        boolean schemaAccepts = documents(yaml).stream().allMatch(d -> validate(d).isEmpty());
        boolean expectedValid = !file.getParent().getFileName().toString().equals("invalid");
        assertThat(schemaAccepts).as("schema on %s: %s", file,
                documents(yaml).stream().map(DefinitionSchemaTest::validate).toList()).isEqualTo(expectedValid);
        if (expectedValid) {
            assertThat(DefinitionReader.read(file)).isNotEmpty();
        } else {
            assertThatThrownBy(() -> DefinitionReader.read(file)).as(file.toString()).isInstanceOf(DefinitionException.class);
        }
    }

    @Test
    void examplesExist() throws IOException {
        assumeTrue(Files.isDirectory(EXAMPLES), "no examples at " + EXAMPLES.toAbsolutePath());
        assertThat(files().filter(f -> f.startsWith(EXAMPLES)).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyRecordComponentIsAPropertyOfTheSchema() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/definition.schema.json")) {
            schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        JsonNode defs = schema.get("$defs");
        record Pair(Class<?> type, JsonNode node) {}
        List<Pair> pairs = List.of(new Pair(DataDefinition.class, schema),
                new Pair(DataDefinition.Metadata.class, schema.at("/properties/metadata")),
                new Pair(DataDefinition.Spec.class, defs.get("spec")), new Pair(DataDefinition.Defaults.class, defs.get("defaults")),
                new Pair(DataDefinition.TableSpec.class, defs.get("table")), new Pair(DataDefinition.PerParent.class, defs.get("perParent")),
                new Pair(DataDefinition.FieldRule.class, defs.get("fieldRule")), new Pair(DataDefinition.Choices.class, defs.get("choices")),
                new Pair(DataDefinition.Range.class, defs.get("range")), new Pair(DataDefinition.Sequence.class, defs.get("sequence")),
                new Pair(DataDefinition.Reference.class, defs.get("reference")), new Pair(DataDefinition.Trait.class, defs.get("trait")),
                new Pair(DataDefinition.Scenario.class, defs.get("scenario")), new Pair(DataDefinition.Group.class, defs.get("group")),
                new Pair(DataDefinition.Validation.class, defs.get("validation")));
        for (Pair p : pairs) {
            List<String> components = Stream.of(p.type().getRecordComponents()).map(c -> c.getName()).toList();
            List<String> properties = new ArrayList<>();
            p.node().get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as(p.type().getSimpleName()).containsExactlyInAnyOrderElementsOf(components);
            assertThat(p.node().get("additionalProperties").asBoolean(true)).as(p.type().getSimpleName()).isFalse();
        }
    }
}
