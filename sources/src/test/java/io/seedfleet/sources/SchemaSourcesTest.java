package io.seedfleet.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.schema.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Telling sources apart: by extension, and by content where an extension is shared. */
class SchemaSourcesTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));

    @ParameterizedTest
    @CsvSource({
            "chinook/schema.sql, POSTGRES_DDL",
            "pagila/schema.normalized.sql, POSTGRES_DDL",
            "documenso/schema.sql, POSTGRES_DDL",
            "mysql_sakila/schema.sql, MYSQL_DDL",
            "prisma_documenso/schema.prisma, PRISMA",
            "jsonschema_jsonresume/schema.json, JSON_SCHEMA",
            "openapi_petstore/petstore-expanded.yaml, OPENAPI"})
    void tellsEachSharedSchemaForWhatItIs(String file, SourceKind kind) {
        Path path = SCHEMAS.resolve(file);
        assumeTrue(Files.isRegularFile(path), "shared schemas not found");
        assertThat(SchemaSources.kindOf(path)).isEqualTo(kind);
    }

    @Test
    void backticksInCommentsOrStringsDoNotMakePostgresDdlMysql() {
        assertThat(SchemaSources.isMysqlDialect("""
                -- adds `email` to the `User` table
                /* ENGINE=InnoDB was never here */
                CREATE TABLE "User" (id serial PRIMARY KEY, note text DEFAULT 'use `backticks`');
                """)).isFalse();
        assertThat(SchemaSources.isMysqlDialect("CREATE TABLE `user` (id int unsigned AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;")).isTrue();
    }

    @Test
    void aFolderOfMixedKindsIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
        Files.writeString(dir.resolve("b.prisma"), "model B { id Int @id }");
        assertThatThrownBy(() -> SchemaSources.read(List.of(dir.toString()), url -> null))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("b.prisma: is Prisma schema but the other files are PostgreSQL DDL");
    }

    @Test
    void aSelectorIsOnlyForOpenApi(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("thing.json"), "{\"type\": \"object\"}");
        assertThatThrownBy(() -> SchemaSources.read(List.of(json + "#Thing"), url -> null))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("only OpenAPI files take a #selector");
    }
}
