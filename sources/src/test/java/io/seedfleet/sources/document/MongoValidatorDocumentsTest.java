package io.seedfleet.sources.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import io.seedfleet.core.schema.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents from a MongoDB $jsonSchema validator are Extended JSON that mongoimport reads and the validator accepts. */
class MongoValidatorDocumentsTest {
    private static final Path ORDERS = Documents.fixture("orders.mongo.json");

    @Property(tries = 10)
    void documentsHaveTheShapesAndValuesTheValidatorWants(@ForAll long seed, @ForAll @IntRange(max = 300) int edgeCasesPerMille) {
        JsonNode jsonSchema = Documents.readFile(ORDERS).get("validator").get("$jsonSchema");
        JsonSchema validator = Documents.validator(ExtendedJson.translate(jsonSchema), SpecVersion.VersionFlag.V7);
        List<JsonNode> docs = Documents.generate(MongoValidatorReader.read(ORDERS), 60, seed, edgeCasesPerMille);
        List<String> problems = new ArrayList<>();
        List<JsonNode> decoded = new ArrayList<>();
        for (JsonNode d : docs) decoded.add(ExtendedJson.decode(jsonSchema, d, "", problems));
        assertThat(problems).isEmpty();
        assertThat(Documents.violations(validator, decoded)).isEmpty();
        assertThat(docs.stream().map(d -> d.get("_id").get("$oid").asText()).distinct().count()).as("unique _id").isEqualTo(60);
    }

    @Test
    void everyValidatorFormIsRead(@TempDir Path dir) throws IOException {
        JsonNode jsonSchema = Documents.readFile(ORDERS).get("validator").get("$jsonSchema");
        // same file name (the type and so its tables are named after it, and the engine's salts after those)
        Files.createDirectories(dir.resolve("bare"));
        Files.createDirectories(dir.resolve("wrapped"));
        Path bare = dir.resolve("bare/orders.mongo.json");
        Files.writeString(bare, jsonSchema.toString());
        Path wrapped = dir.resolve("wrapped/orders.mongo.json");
        Files.writeString(wrapped, "{\"$jsonSchema\": " + jsonSchema + "}");
        byte[] expected = Documents.bytes(MongoValidatorReader.read(ORDERS), 20, 5, 50);
        assertThat(Documents.bytes(MongoValidatorReader.read(bare), 20, 5, 50)).isEqualTo(expected);
        assertThat(Documents.bytes(MongoValidatorReader.read(wrapped), 20, 5, 50)).isEqualTo(expected);
    }

    @Test
    void queryOperatorValidatorsAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("query.json");
        Files.writeString(file, "{\n  \"validator\": {\n    \"status\": {\"$in\": [\"a\", \"b\"]}\n  }\n}\n");
        assertThatThrownBy(() -> MongoValidatorReader.read(file))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.construct()).isEqualTo("/validator");
                })
                .hasMessageContaining("no $jsonSchema");
    }
}
