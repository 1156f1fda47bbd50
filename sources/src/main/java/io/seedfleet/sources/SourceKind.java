package io.seedfleet.sources;

/** The kinds of schema source Seedfleet reads; each becomes the same {@link io.seedfleet.core.schema.SchemaModel}. */
public enum SourceKind {
    POSTGRES("live PostgreSQL"),
    MYSQL("live MySQL/MariaDB"),
    POSTGRES_DDL("PostgreSQL DDL"),
    MYSQL_DDL("MySQL DDL"),
    PRISMA("Prisma schema"),
    GRAPHQL("GraphQL SDL"),
    JSON_SCHEMA("JSON Schema"),
    OPENAPI("OpenAPI"),
    MONGODB("MongoDB $jsonSchema validator");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isLive() {
        return this == POSTGRES || this == MYSQL;
    }

    /** Sources whose data are documents (JSON Lines), not rows of a database. */
    public boolean isDocuments() {
        return this == JSON_SCHEMA || this == OPENAPI || this == MONGODB;
    }
}
