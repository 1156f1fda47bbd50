/**
 * Document sources: JSON Schema ({@link io.seedfleet.sources.document.JsonSchemaReader}), OpenAPI
 * schemas and bodies ({@link io.seedfleet.sources.document.OpenApiReader}) and MongoDB
 * {@code $jsonSchema} validators ({@link io.seedfleet.sources.document.MongoValidatorReader}) are
 * projected onto the engine's relational {@link io.seedfleet.core.schema.SchemaModel} (objects
 * flattened into their table, arrays as child tables, oneOf/anyOf as a branch selector column), so
 * the one engine plans and generates their data; {@link io.seedfleet.sources.document.JsonLinesWriter}
 * nests the rows back into documents, one JSON (or MongoDB Extended JSON) document per line.
 */
package io.seedfleet.sources.document;
