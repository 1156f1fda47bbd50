package io.seedfleet.sources.prisma;

import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.sources.SchemaFiles;
import io.seedfleet.sources.prisma.PrismaAst.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Prisma schema files (the postgresql provider) into the {@link SchemaModel} of the database
 * Prisma's migrations create from them. Several files are one schema, as with Prisma's
 * {@code prismaSchemaFolder}: a folder stands for all its {@code .prisma} files (subfolders included).
 *
 * <p>Parsed by {@link PrismaParser}, a small tokenizer and recursive-descent parser written for this:
 * there is no maintained Java parser for the Prisma Schema Language.
 */
public final class PrismaSchemaReader {
    private PrismaSchemaReader() {}

    /**
     * @throws SourceException for a file that cannot be read, malformed syntax, or a model that
     *     Prisma would reject (unknown type, relation without an opposite side...), naming the file,
     *     the line and the construct
     */
    public static SchemaModel read(List<Path> files) {
        List<Block> blocks = new ArrayList<>();
        for (Path file : SchemaFiles.expand(files, List.of(".prisma"), "Prisma schema")) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SourceException(file.toString(), 0, "file", "cannot be read: " + e.getMessage(), e);
            }
            blocks.addAll(PrismaParser.parse(file.toString(), text));
        }
        return new PrismaSchemaBuilder(blocks).build();
    }
}
