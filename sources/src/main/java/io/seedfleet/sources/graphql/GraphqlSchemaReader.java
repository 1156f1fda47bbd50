package io.seedfleet.sources.graphql;

import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.language.SourceLocation;
import graphql.language.TypeDefinition;
import graphql.parser.MultiSourceReader;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.errors.SchemaProblem;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.sources.SchemaFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads GraphQL SDL files (one schema, however many files) with graphql-java's {@link SchemaParser}
 * into the relational {@link SchemaModel} that would store their object types; the mapping is
 * {@link GraphqlSchemaBuilder}'s.
 */
public final class GraphqlSchemaReader {
    private GraphqlSchemaReader() {}

    private static final List<String> EXTENSIONS = List.of(".graphql", ".graphqls", ".gql");

    /**
     * Reads {@code files} as one schema; a folder stands for its {@code .graphql}, {@code .graphqls}
     * and {@code .gql} files (subfolders included), in name order.
     *
     * @throws SourceException for a file that cannot be read, invalid syntax (with the file and line
     *     graphql-java reports), a type defined twice, or a field of an undeclared type
     */
    public static SchemaModel read(List<Path> files) {
        files = SchemaFiles.expand(files, EXTENSIONS, "GraphQL schema");
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        Map<String, SourceLocation> defined = new HashMap<>();
        for (Path file : files) {
            TypeDefinitionRegistry own = parse(file);
            // checked here rather than left to merge(), whose error points at the first definition only
            for (TypeDefinition<?> type : own.types().values()) {
                SourceLocation earlier = defined.putIfAbsent(type.getName(), type.getSourceLocation());
                if (earlier != null) {
                    SourceLocation at = type.getSourceLocation();
                    throw new SourceException(file.toString(), at == null ? 0 : at.getLine(), "type " + type.getName(),
                            "already defined at " + earlier.getSourceName() + ":" + earlier.getLine());
                }
            }
            try {
                registry.merge(own);
            } catch (SchemaProblem problem) {
                throw sourceException(problem, file);
            }
        }
        return new GraphqlSchemaBuilder(registry).build();
    }

    private static TypeDefinitionRegistry parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException(file.toString(), 0, "file", "cannot be read: " + e.getMessage(), e);
        }
        try {
            // the source name travels with every node's location, so later errors can name the file
            return new SchemaParser().parse(MultiSourceReader.newMultiSourceReader().string(text, file.toString()).trackData(true).build());
        } catch (SchemaProblem problem) {
            throw sourceException(problem, file);
        }
    }

    private static SourceException sourceException(SchemaProblem problem, Path file) {
        GraphQLError error = problem.getErrors().isEmpty() ? null : problem.getErrors().get(0);
        if (error == null) return new SourceException(file.toString(), 0, "GraphQL schema", problem.getMessage(), problem);
        SourceLocation at = error.getLocations() == null || error.getLocations().isEmpty() ? null : error.getLocations().get(0);
        String source = at != null && at.getSourceName() != null ? at.getSourceName() : file.toString();
        int line = at == null ? 0 : at.getLine();
        String construct = error instanceof InvalidSyntaxError syntax && syntax.getOffendingToken() != null
                ? "token '" + syntax.getOffendingToken() + "'"
                : error.getClass().getSimpleName().replace("Error", "");
        return new SourceException(source, line, construct, error.getMessage(), problem);
    }
}
