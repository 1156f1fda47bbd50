package io.seedfleet.sources.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed or unsatisfiable schemas are refused with the file, the line and the construct (a JSON pointer). */
class ReaderErrorsTest {

    @Test
    void syntaxErrorsGiveTheirLine() {
        assertThatThrownBy(() -> JsonSchemaReader.read(Documents.fixture("broken-syntax.json")))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.source()).endsWith("broken-syntax.json");
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.construct()).isEqualTo("syntax");
                });
    }

    @Test
    void aDanglingRefNamesItsPointerAndLine() {
        assertThatThrownBy(() -> JsonSchemaReader.read(Documents.fixture("dangling-ref.json")))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.construct()).isEqualTo("/properties/address/$ref");
                })
                .hasMessageContaining("dangling-ref.json:7")
                .hasMessageContaining("#/definitions/address");
    }

    @Test
    void aRequiredRecursionIsRefused() {
        assertThatThrownBy(() -> JsonSchemaReader.read(Documents.fixture("recursive-required.json")))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(10);
                    assertThat(e.construct()).isEqualTo("/$defs/node/properties/next");
                })
                .hasMessageContaining("recursive $ref #/$defs/node");
    }

    @Test
    void anOptionalRecursionIsCutAndReported() {
        DocumentSchema schema = JsonSchemaReader.read(Documents.fixture("events-2020-12.json"));
        assertThat(schema.model().unsupported()).extracting(SchemaModel.Unsupported::object)
                .contains("/$defs/related/properties/children/items");
        assertThat(Documents.generate(schema, 50, 1, 0)).allSatisfy(d ->
                d.path("related").forEach(r -> assertThat(r.get("children").size()).isZero()));
    }

    @Test
    void impossibleBoundsAreRefused() {
        assertThatThrownBy(() -> JsonSchemaReader.read(Documents.fixture("bad-bounds.json")))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.construct()).isEqualTo("/properties/size");
                })
                .hasMessageContaining("minimum 10").hasMessageContaining("maximum 5");
    }

    @Test
    void unknownDialectsAndOutsideReferencesAreRefused(@TempDir Path dir) throws IOException {
        Path dialect = dir.resolve("dialect.json");
        Files.writeString(dialect, "{\n  \"$schema\": \"http://example.com/my-schema\",\n  \"type\": \"object\"\n}\n");
        assertThatThrownBy(() -> JsonSchemaReader.read(dialect))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("/$schema");
        Path remote = dir.resolve("remote.json");
        Files.writeString(remote, "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": {\"$ref\": \"other.json#/x\"}\n  }\n}\n");
        assertThatThrownBy(() -> JsonSchemaReader.read(remote))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.construct()).isEqualTo("/properties/a/$ref");
                })
                .hasMessageContaining("outside this file");
    }

    /** Java's regex engine reads the lookahead, but regexify cannot make strings for it. */
    @Test
    void patternsThatCannotBeGeneratedAreLeftOutOrRefused(@TempDir Path dir) throws IOException {
        String property = "{\"type\": \"string\", \"pattern\": \"^(?=.*[0-9])[a-z0-9]{8}$\"}";
        Path optional = dir.resolve("optional.json");
        Files.writeString(optional, "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"code\": " + property + "\n  }\n}\n");
        DocumentSchema schema = JsonSchemaReader.read(optional);
        assertThat(schema.model().unsupported()).extracting(SchemaModel.Unsupported::object).containsExactly("/properties/code/pattern");
        assertThat(Documents.generate(schema, 10, 1, 50)).allSatisfy(d -> assertThat(d.has("code")).isFalse());
        Path required = dir.resolve("required.json");
        Files.writeString(required, "{\n  \"type\": \"object\",\n  \"required\": [\"code\"],\n  \"properties\": {\n    \"code\": " + property + "\n  }\n}\n");
        assertThatThrownBy(() -> JsonSchemaReader.read(required))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.line()).isEqualTo(5))
                .hasMessageContaining("no string matching");
    }

    @Test
    void brokenOpenApiYamlGivesItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, "openapi: 3.0.0\ninfo:\n  title: x\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n    A: [unclosed\n");
        assertThatThrownBy(() -> OpenApiReader.read(file, null))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.line()).isGreaterThanOrEqualTo(8);
                    assertThat(e.construct()).isEqualTo("syntax");
                });
    }
}
