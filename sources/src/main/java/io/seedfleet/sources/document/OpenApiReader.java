package io.seedfleet.sources.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedfleet.core.schema.SourceException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an OpenAPI 3.0 or 3.1 file with swagger-parser (references to other files resolved) and
 * projects the schemas a selector names: a {@code components/schemas} name; {@code POST /pets} for
 * an operation's request body; {@code GET /pets 200} for a response's body; or null for every
 * component schema, one document type each.
 */
public final class OpenApiReader {
    private static final Pattern OPERATION = Pattern.compile("(?i)(get|put|post|delete|options|head|patch|trace)\\s+(\\S+)(?:\\s+(\\S+))?");

    private OpenApiReader() {}

    public static DocumentSchema read(Path file, String selector) {
        SchemaTree raw = SchemaTree.load(file); // syntax errors with their line
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toAbsolutePath().toUri().toString(), null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getOpenapi() == null) {
            String messages = result.getMessages() == null ? "" : String.join("; ", result.getMessages());
            throw new SourceException(file.toString(), 0, "openapi", "not an OpenAPI 3 document" + (messages.isEmpty() ? "" : ": " + messages));
        }
        boolean v31 = api.getOpenapi().startsWith("3.1");
        JsonNode root = (v31 ? Json31.mapper() : Json.mapper()).valueToTree(api);
        SchemaTree tree = raw.withRoot(root);
        Projector projector = new Projector(tree, Projector.Flavor.OPENAPI);
        if (selector == null) {
            JsonNode schemas = root.path("components").path("schemas");
            if (schemas.isEmpty()) throw tree.error("/components", "the document has no component schemas");
            for (Iterator<String> names = schemas.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                projector.addType(JsonSchemaReader.typeName(Path.of(name)), "/components/schemas/" + LineIndex.escape(name));
            }
            return projector.build();
        }
        Matcher operation = OPERATION.matcher(selector.trim());
        if (operation.matches()) {
            String pointer = operationSchema(tree, operation.group(1).toLowerCase(Locale.ROOT), operation.group(2), operation.group(3), selector);
            JsonNode schema = tree.at(pointer);
            String ref = schema.path("$ref").asText("");
            String name = schema.size() == 1 && ref.startsWith("#/components/schemas/")
                    ? ref.substring(ref.lastIndexOf('/') + 1) : selector.trim().replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_|_$", "");
            projector.addType(JsonSchemaReader.typeName(Path.of(name)), pointer);
            return projector.build();
        }
        String pointer = "/components/schemas/" + LineIndex.escape(selector);
        if (tree.at(pointer).isMissingNode()) {
            List<String> known = new ArrayList<>();
            root.path("components").path("schemas").fieldNames().forEachRemaining(known::add);
            throw tree.error("/components/schemas", "no component schema " + selector + "; known: " + known
                    + " (or select an operation: \"POST /path\" for its request body, \"GET /path 200\" for a response)");
        }
        projector.addType(JsonSchemaReader.typeName(Path.of(selector)), pointer);
        return projector.build();
    }

    /** The pointer of an operation's request-body schema, or of a response's when {@code status} is given. */
    private static String operationSchema(SchemaTree tree, String method, String path, String status, String selector) {
        String pathPointer = "/paths/" + LineIndex.escape(path);
        if (tree.at(pathPointer).isMissingNode()) throw tree.error("/paths", "no path " + path + " (selector " + selector + ")");
        String operation = pathPointer + "/" + method;
        if (tree.at(operation).isMissingNode()) throw tree.error(pathPointer, "no " + method.toUpperCase(Locale.ROOT) + " operation on " + path);
        String body = status == null ? operation + "/requestBody" : operation + "/responses/" + LineIndex.escape(status);
        body = followRef(tree, body);
        if (tree.at(body).isMissingNode()) {
            throw tree.error(operation, status == null ? "the operation has no request body" : "the operation has no response " + status);
        }
        JsonNode content = tree.at(body + "/content");
        if (!content.isObject() || content.isEmpty()) throw tree.error(body, "no content, so no body schema");
        String mediaType = null;
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (mediaType == null || type.equals("application/json") || type.contains("json") && !mediaType.contains("json")) mediaType = type;
        }
        String schema = body + "/content/" + LineIndex.escape(mediaType) + "/schema";
        if (tree.at(schema).isMissingNode()) throw tree.error(body + "/content", "media type " + mediaType + " has no schema");
        return schema;
    }

    /** A request body or response given as a $ref to components: the pointer of what it names. */
    private static String followRef(SchemaTree tree, String pointer) {
        String ref = tree.at(pointer).path("$ref").asText("");
        return ref.startsWith("#/") ? ref.substring(1) : pointer;
    }
}
