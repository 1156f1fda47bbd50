/**
 * Schema files into core's one {@link io.seedfleet.core.schema.SchemaModel}: each format has its own
 * package ({@code ddl}, {@code prisma}, {@code graphql}, {@code document} for JSON Schema, OpenAPI and
 * MongoDB validators); {@link io.seedfleet.sources.SchemaSources} picks the reader for a source.
 */
package io.seedfleet.sources;
