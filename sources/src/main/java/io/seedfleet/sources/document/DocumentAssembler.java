package io.seedfleet.sources.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedfleet.sources.document.DocumentSchema.DocumentType;
import java.util.HashSet;
import java.util.Set;

/** Nests the generated rows of one document (its root row and the child rows its arrays own) into a JSON tree. */
final class DocumentAssembler {
    private final RowReader reader;
    private final ArrayLayout layout;
    private final PatternValues patterns;
    private final long seed;

    DocumentAssembler(RowReader reader, ArrayLayout layout, PatternValues patterns, long seed) {
        this.reader = reader;
        this.layout = layout;
        this.patterns = patterns;
        this.seed = seed;
    }

    JsonNode document(DocumentType type, long row) {
        JsonNode document = value(type.shape(), reader.read(type.rootTable(), row));
        return document == null ? NullNode.instance : document;
    }

    /** The value of a shape for a row; null when the row leaves it out. */
    private JsonNode value(Shape shape, RowReader.Row row) {
        if (shape instanceof Shape.Obj o) {
            if (o.presenceColumn() != null && row.get(o.presenceColumn()) == null) return null;
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (Shape.Property p : o.properties()) {
                JsonNode v = value(p.shape(), row);
                if (v != null) object.set(p.name(), v);
                else if (p.nullLiteral()) object.putNull(p.name());
            }
            return object;
        }
        if (shape instanceof Shape.Scalar s) {
            String text = row.get(s.column());
            if (text == null) return null;
            if (s.pattern() != null) return JsonNodeFactory.instance.textNode(patterns.value(row.table(), s, row.row()));
            return ScalarValues.convert(s, text);
        }
        if (shape instanceof Shape.Array a) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            Set<JsonNode> seen = new HashSet<>();
            int count = ArrayLayout.count(a, seed, row.row());
            for (long c = layout.from(a.table(), row.row()); c < layout.to(a.table(), row.row()) && array.size() < count; c++) {
                JsonNode element = value(a.element(), reader.read(a.table(), c));
                if (element == null) element = NullNode.instance;
                if (a.uniqueItems() && !seen.add(element)) continue;
                array.add(element);
            }
            return array;
        }
        if (shape instanceof Shape.Choice c) {
            String branch = row.get(c.selectorColumn());
            return branch == null ? null : value(c.branches().get(Integer.parseInt(branch)), row);
        }
        return ((Shape.Constant) shape).value().deepCopy();
    }
}
