package io.seedfleet.sources;

import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.sources.ddl.MysqlDdlFiles;
import io.seedfleet.sources.ddl.PostgresDdlFiles;
import io.seedfleet.sources.document.DocumentSchema;
import io.seedfleet.sources.document.JsonSchemaReader;
import io.seedfleet.sources.document.MongoValidatorReader;
import io.seedfleet.sources.document.OpenApiReader;
import io.seedfleet.sources.graphql.GraphqlSchemaReader;
import io.seedfleet.sources.prisma.PrismaSchemaReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a schema from whatever the user points at: a JDBC URL (PostgreSQL, MySQL, MariaDB), or
 * files and folders of one kind, told apart by extension and, where an extension is shared, by
 * content (MySQL DDL from PostgreSQL DDL; OpenAPI, MongoDB validators and JSON Schema among JSON and
 * YAML). A folder stands for its files of known kinds, in path order, so a migration history
 * ({@code migrations/001_init/migration.sql, ...}) is applied as it was written.
 */
public final class SchemaSources {
    /** What only MySQL writes, and what only PostgreSQL writes, once comments and string literals are gone. */
    private static final Pattern MYSQL_MARKERS = Pattern.compile(
            "(?i)`|\\bENGINE\\s*=|\\bAUTO_INCREMENT\\b|^\\s*DELIMITER\\s|\\bUNSIGNED\\b|\\bCHARSET\\s*=|^\\s*USE\\s+\\w+\\s*;|\\bTINYINT\\b|\\bMEDIUMINT\\b|\\bDATETIME\\b",
            Pattern.MULTILINE);
    private static final Pattern POSTGRES_MARKERS = Pattern.compile(
            "(?i)::|\\$\\$|\\bAS\\s+ENUM\\b|\\bJSONB\\b|\\bBIGSERIAL\\b|\\bSERIAL\\b|\\bTIMESTAMPTZ\\b|\\bCREATE\\s+EXTENSION\\b|\\bCREATE\\s+(OR\\s+REPLACE\\s+)?FUNCTION\\b.*\\bRETURNS\\b|\\bGENERATED\\s+(ALWAYS|BY\\s+DEFAULT)\\s+AS\\s+IDENTITY\\b|\\bALTER\\s+TABLE\\s+ONLY\\b");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile("(?s)--[^\\n]*|/\\*.*?\\*/|'(?:[^'\\\\]|\\\\.|'')*+'");
    private static final List<String> KNOWN_EXTENSIONS = List.of(".sql", ".prisma", ".graphql", ".graphqls", ".gql", ".json", ".yaml", ".yml");

    private SchemaSources() {}

    /**
     * @param sources one JDBC URL, or one or more files and folders
     * @param connect turns a JDBC URL into a target with the user's credentials
     */
    public static SourceSchema read(List<String> sources, Function<String, JdbcTarget> connect) {
        if (sources.isEmpty()) throw new IllegalArgumentException("no source given: pass a JDBC URL or schema files");
        if (sources.get(0).startsWith("jdbc:")) {
            if (sources.size() > 1) throw new IllegalArgumentException("a live database is one source: give one JDBC URL, not " + sources.size() + " sources");
            return live(connect.apply(sources.get(0)));
        }
        if (sources.size() == 1 && sources.get(0).contains("#")) return openApiSelection(sources.get(0));
        List<Path> files = SchemaFiles.expand(sources.stream().map(Path::of).toList(), KNOWN_EXTENSIONS, "schema");
        SourceKind kind = kindOf(files);
        String description = files.size() == 1 ? files.get(0).toString() : files.size() + " files from " + files.get(0);
        if (kind.isDocuments()) {
            if (files.size() > 1) throw new SourceException(description, 0, kind.label(), "give one document schema file at a time");
            return new SourceSchema(description, kind, documents(kind, files.get(0), null), files);
        }
        SchemaModel model = switch (kind) {
            case POSTGRES_DDL -> PostgresDdlFiles.read(files);
            case MYSQL_DDL -> MysqlDdlFiles.read(files, MysqlDdlFiles.defaultScratchServer());
            case PRISMA -> PrismaSchemaReader.read(files);
            case GRAPHQL -> GraphqlSchemaReader.read(files);
            default -> throw new IllegalStateException("unhandled source kind " + kind);
        };
        return new SourceSchema(description, kind, model, files);
    }

    /** {@code api.yaml#Pet}, {@code api.yaml#POST /pets}, {@code api.yaml#GET /pets 200}: one schema of an OpenAPI file. */
    private static SourceSchema openApiSelection(String source) {
        int hash = source.indexOf('#');
        Path file = Path.of(source.substring(0, hash));
        String selector = source.substring(hash + 1).strip();
        if (!Files.isRegularFile(file)) throw new SourceException(file.toString(), 0, null, "no such file");
        if (kindOf(file) != SourceKind.OPENAPI) {
            throw new SourceException(file.toString(), 0, "#" + selector, "only OpenAPI files take a #selector (a component schema, or an operation such as #POST /pets)");
        }
        return new SourceSchema(source, SourceKind.OPENAPI, documents(SourceKind.OPENAPI, file, selector.isEmpty() ? null : selector), List.of(file));
    }

    private static DocumentSchema documents(SourceKind kind, Path file, String selector) {
        return switch (kind) {
            case JSON_SCHEMA -> JsonSchemaReader.read(file);
            case OPENAPI -> OpenApiReader.read(file, selector);
            case MONGODB -> MongoValidatorReader.read(file);
            default -> throw new IllegalStateException(kind + " is not a document source");
        };
    }

    private static SourceSchema live(JdbcTarget target) {
        try (Connection c = target.open()) {
            SchemaModel model = Introspection.read(c, IntrospectionOptions.all());
            return new SourceSchema(target.toString(), target.isPostgres() ? SourceKind.POSTGRES : SourceKind.MYSQL, model, List.of());
        } catch (SQLException e) {
            throw new SourceException(target.toString(), 0, null, "cannot connect: " + e.getMessage(), e);
        }
    }

    static SourceKind kindOf(List<Path> files) {
        SourceKind kind = null;
        for (Path file : files) {
            SourceKind k = kindOf(file);
            if (kind != null && k != kind) {
                throw new SourceException(file.toString(), 0, null, "is " + k.label() + " but the other files are " + kind.label() + "; give one kind of source");
            }
            kind = k;
        }
        return kind;
    }

    static SourceKind kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) return isMysqlDialect(text(file)) ? SourceKind.MYSQL_DDL : SourceKind.POSTGRES_DDL;
        if (name.endsWith(".prisma")) return SourceKind.PRISMA;
        if (name.endsWith(".graphql") || name.endsWith(".graphqls") || name.endsWith(".gql")) return SourceKind.GRAPHQL;
        if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            String text = text(file);
            if (Pattern.compile("(?m)^\\s*\"?(openapi|swagger)\"?\\s*:").matcher(text).find()) return SourceKind.OPENAPI;
            if (text.contains("$jsonSchema") || text.contains("\"bsonType\"")) return SourceKind.MONGODB;
            return SourceKind.JSON_SCHEMA;
        }
        throw new SourceException(file.toString(), 0, null, "unknown kind of schema file; expected one of " + String.join(", ", KNOWN_EXTENSIONS)
                + " (or a JDBC URL)");
    }

    /** MySQL when its markers outnumber PostgreSQL's (a migration history may borrow a word or two of the other). */
    static boolean isMysqlDialect(String sql) {
        String code = COMMENTS_AND_STRINGS.matcher(sql).replaceAll(" ");
        return MYSQL_MARKERS.matcher(code).results().count() > POSTGRES_MARKERS.matcher(code).results().count();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException(file.toString(), 0, null, "cannot be read: " + e.getMessage(), e);
        }
    }
}
