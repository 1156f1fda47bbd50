package io.seedfleet.sources;

import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.sources.document.DocumentSchema;
import java.nio.file.Path;
import java.util.List;

/**
 * A schema read from a source: the model everything downstream works on, what it came from
 * ({@code description}: a redacted URL or the file names), for file sources the files in the order
 * they were applied, and for document sources the shapes that nest the model's rows back into
 * documents ({@code documents}, null for relational sources).
 */
public record SourceSchema(String description, SourceKind kind, SchemaModel model, List<Path> files, DocumentSchema documents) {
    public SourceSchema {
        files = List.copyOf(files);
    }

    SourceSchema(String description, SourceKind kind, SchemaModel model, List<Path> files) {
        this(description, kind, model, files, null);
    }

    SourceSchema(String description, SourceKind kind, DocumentSchema documents, List<Path> files) {
        this(description, kind, documents.model(), files, documents);
    }
}
