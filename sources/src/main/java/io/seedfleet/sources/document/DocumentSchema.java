package io.seedfleet.sources.document;

import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import java.util.List;

/**
 * A document schema projected onto the engine's relational model: the tables the engine fills, and
 * for every document type the shape that nests their rows back into documents.
 */
public record DocumentSchema(SchemaModel model, List<DocumentType> types, Dialect dialect) {

    /** How scalar values are written: plain JSON, or MongoDB Extended JSON that mongoimport reads. */
    public enum Dialect { JSON, MONGODB_EXTENDED_JSON }

    /** One kind of document: its name, its root table (one row per document) and its shape. */
    public record DocumentType(String name, QualifiedName rootTable, Shape shape) {}

    public DocumentSchema {
        types = List.copyOf(types);
    }

    public DocumentType type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no document type " + name + "; known: "
                        + types.stream().map(DocumentType::name).toList()));
    }

    /** The same schema restricted to one document type (the model keeps every table). */
    public DocumentSchema only(String name) {
        return new DocumentSchema(model, List.of(type(name)), dialect);
    }
}
