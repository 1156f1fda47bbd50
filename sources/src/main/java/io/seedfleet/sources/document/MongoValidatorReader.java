package io.seedfleet.sources.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Reads a MongoDB collection's {@code $jsonSchema} validator: the bare schema, {@code {"$jsonSchema":
 * ...}}, or {@code {"validator": {"$jsonSchema": ...}}} as {@code db.getCollectionInfos()} shows it.
 * The document type is named after the file; documents are written as Extended JSON.
 */
public final class MongoValidatorReader {
    private MongoValidatorReader() {}

    public static DocumentSchema read(Path file) {
        SchemaTree tree = SchemaTree.load(file);
        JsonNode root = tree.root();
        if (!root.isObject()) throw tree.error("", "a validator must be an object");
        String pointer;
        if (root.has("validator")) {
            if (!root.get("validator").has("$jsonSchema")) {
                throw tree.error("/validator", "the validator has no $jsonSchema; query-operator validators are not supported");
            }
            pointer = "/validator/$jsonSchema";
        } else if (root.has("$jsonSchema")) {
            pointer = "/$jsonSchema";
        } else {
            pointer = "";
        }
        JsonNode schema = tree.at(pointer);
        if (!schema.isObject()) throw tree.error(pointer, "$jsonSchema must be an object");
        if (schema.has("$ref")) throw tree.error(pointer + "/$ref", "MongoDB's $jsonSchema does not support $ref");
        Projector projector = new Projector(tree, Projector.Flavor.MONGODB);
        projector.addType(JsonSchemaReader.typeName(file), pointer);
        return projector.build();
    }
}
