package io.seedfleet.sources.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.sources.document.DocumentSchema.DocumentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Documents from the petstore's component schemas and operation bodies validate against those
 * schemas: each is made a JSON Schema document (draft-04, which OpenAPI 3.0's schema objects
 * extend) carrying the file's components, so its $refs resolve as they do in the file.
 */
class OpenApiDocumentsTest {
    private static final Path PETSTORE = Documents.schemas().resolve("openapi_petstore/petstore-expanded.yaml");

    @AddLifecycleHook(NeedsSharedSchemas.class)
    @Property(tries = 6)
    void everyComponentSchemaValidates(@ForAll long seed, @ForAll @IntRange(max = 300) int edgeCasesPerMille) {
        DocumentSchema all = OpenApiReader.read(PETSTORE, null);
        assertThat(all.types()).extracting(DocumentType::name).containsExactlyInAnyOrder("Pet", "NewPet", "Error");
        for (DocumentType type : all.types()) {
            List<JsonNode> docs = Documents.generate(all.only(type.name()), 40, seed, edgeCasesPerMille);
            assertThat(Documents.violations(validator("#/components/schemas/" + type.name(), false), docs)).as(type.name()).isEmpty();
        }
    }

    @AddLifecycleHook(NeedsSharedSchemas.class)
    @Property(tries = 6)
    void requestAndResponseBodiesValidate(@ForAll long seed) {
        DocumentSchema request = OpenApiReader.read(PETSTORE, "POST /pets");
        assertThat(request.types()).extracting(DocumentType::name).containsExactly("NewPet");
        List<JsonNode> newPets = Documents.generate(request, 40, seed, 100);
        assertThat(Documents.violations(validator("#/components/schemas/NewPet", false), newPets)).isEmpty();
        assertThat(newPets).allSatisfy(p -> assertThat(p.has("id")).isFalse());

        List<JsonNode> pages = Documents.generate(OpenApiReader.read(PETSTORE, "GET /pets 200"), 20, seed, 100);
        assertThat(Documents.violations(validator("#/components/schemas/Pet", true), pages)).isEmpty();
        assertThat(pages).allSatisfy(page -> assertThat(page.isArray()).isTrue());
        assertThat(pages.stream().mapToInt(JsonNode::size).sum()).isPositive();
    }

    @Test
    void petsCarryTheIdTheirAllOfRequires() {
        assumeTrue(Files.exists(PETSTORE));
        List<JsonNode> pets = Documents.generate(OpenApiReader.read(PETSTORE, "Pet"), 100, 3, 50);
        assertThat(pets).allSatisfy(p -> {
            assertThat(p.get("id").isIntegralNumber()).isTrue();
            assertThat(p.get("name").isTextual()).isTrue();
        });
        assertThat(pets.stream().filter(p -> p.has("tag")).count()).isBetween(50L, 99L);
    }

    @Test
    void unknownSelectorsNameWhatExists() {
        assumeTrue(Files.exists(PETSTORE));
        assertThatThrownBy(() -> OpenApiReader.read(PETSTORE, "Owner"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("petstore-expanded.yaml:")
                .hasMessageContaining("/components/schemas")
                .hasMessageContaining("Pet");
        assertThatThrownBy(() -> OpenApiReader.read(PETSTORE, "PUT /pets"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("no PUT operation on /pets");
        assertThatThrownBy(() -> OpenApiReader.read(PETSTORE, "GET /pets 404"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("no response 404");
    }

    @Property(tries = 6)
    void openApi31SchemasValidateAsJsonSchema202012(@ForAll long seed, @ForAll @IntRange(max = 300) int edgeCasesPerMille) {
        Path file = Documents.fixture("shapes-3.1.yaml");
        DocumentSchema all = OpenApiReader.read(file, null);
        assertThat(all.types()).extracting(DocumentType::name).containsExactly("Drawing", "Owner", "Shape", "Circle", "Square");
        JsonNode components = Documents.readFile(file).get("components");
        for (DocumentType type : all.types()) {
            List<JsonNode> docs = Documents.generate(all.only(type.name()), 30, seed, edgeCasesPerMille);
            ObjectNode schema = Documents.JSON.createObjectNode();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put("$ref", "#/components/schemas/" + type.name());
            schema.set("components", components);
            assertThat(Documents.violations(Documents.validator(schema, SpecVersion.VersionFlag.V202012), docs)).as(type.name()).isEmpty();
        }
        List<JsonNode> shapes = Documents.generate(all.only("Shape"), 100, seed, 0);
        assertThat(shapes.stream().map(s -> s.get("kind").asText()).distinct()).containsExactlyInAnyOrder("circle", "square");

        DocumentSchema created = OpenApiReader.read(file, "POST /drawings 201");
        assertThat(created.types()).extracting(DocumentType::name).containsExactly("POST_drawings_201");
        for (JsonNode d : Documents.generate(created, 20, seed, edgeCasesPerMille)) {
            assertThat(d.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(java.time.OffsetDateTime.parse(d.get("createdAt").asText())).isNotNull();
        }
    }

    /** OpenAPI 3.0: nullable, the boolean exclusiveMaximum, a request body given as a $ref to components. */
    @Property(tries = 6)
    void openApi30SchemasValidateWithNullableAsATypeOfItsOwn(@ForAll long seed, @ForAll @IntRange(max = 300) int edgeCasesPerMille) {
        Path file = Documents.fixture("inventory-3.0.yaml");
        DocumentSchema request = OpenApiReader.read(file, "POST /items");
        assertThat(request.types()).extracting(DocumentType::name).containsExactly("Item");
        List<JsonNode> docs = Documents.generate(request, 60, seed, edgeCasesPerMille);
        ObjectNode item = (ObjectNode) Documents.readFile(file).get("components").get("schemas").get("Item").deepCopy();
        item.put("$schema", "http://json-schema.org/draft-04/schema#");
        nullableAsType(item);
        assertThat(Documents.violations(Documents.validator(item, SpecVersion.VersionFlag.V4), docs)).isEmpty();
        assertThat(docs.stream().filter(d -> d.get("warehouse").isNull()).count()).isPositive();
    }

    /** OpenAPI 3.0's nullable: true as JSON Schema: null among the types (and the enum values). */
    private static void nullableAsType(JsonNode schema) {
        if (schema instanceof ObjectNode o) {
            if (o.path("nullable").asBoolean(false)) {
                String type = o.get("type").asText();
                o.putArray("type").add(type).add("null");
                if (o.has("enum")) ((com.fasterxml.jackson.databind.node.ArrayNode) o.get("enum")).addNull();
            }
            o.forEach(OpenApiDocumentsTest::nullableAsType);
        }
    }

    /** A draft-04 schema: the component (or an array of it) plus the file's components to resolve refs against. */
    private static JsonSchema validator(String ref, boolean arrayOf) {
        JsonNode file = Documents.readFile(PETSTORE);
        ObjectNode schema = Documents.JSON.createObjectNode();
        schema.put("$schema", "http://json-schema.org/draft-04/schema#");
        if (arrayOf) {
            schema.put("type", "array");
            schema.putObject("items").put("$ref", ref);
        } else {
            schema.put("$ref", ref);
        }
        schema.set("components", file.get("components"));
        return Documents.validator(schema, SpecVersion.VersionFlag.V4);
    }
}
