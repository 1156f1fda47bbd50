package io.seedfleet.sources.document;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: generating documents, and validating them with networknt's json-schema-validator. */
final class Documents {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Documents() {}

    static Path schemas() {
        return Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/document", name);
    }

    static byte[] bytes(DocumentSchema schema, long documents, long seed, int edgeCasesPerMille) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = JsonLinesWriter.write(schema, documents, seed, edgeCasesPerMille, out);
        if (written != documents * schema.types().size()) throw new AssertionError("wrote " + written + " documents");
        return out.toByteArray();
    }

    static List<JsonNode> generate(DocumentSchema schema, long documents, long seed, int edgeCasesPerMille) {
        String text = new String(bytes(schema, documents, seed, edgeCasesPerMille), StandardCharsets.UTF_8);
        List<JsonNode> docs = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            docs.add(read(line));
        }
        return docs;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readFile(Path file) {
        try {
            return (file.toString().endsWith(".yaml") ? YAML : JSON).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema validator(JsonNode schema, SpecVersion.VersionFlag version) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(version).getSchema(schema, config);
    }

    /** Every violation of every document, each with the document it is in. */
    static List<String> violations(JsonSchema validator, List<JsonNode> documents) {
        List<String> problems = new ArrayList<>();
        for (JsonNode d : documents) {
            for (ValidationMessage m : validator.validate(d)) problems.add(m.getMessage() + " in " + d);
        }
        return problems;
    }
}
