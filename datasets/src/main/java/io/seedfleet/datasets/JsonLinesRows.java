package io.seedfleet.datasets;

import com.fasterxml.jackson.core.JsonGenerator;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.TypeKind;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * JSON Lines: one object per row, keys in column order; numbers, booleans and JSON columns keep their JSON
 * type. A JSON column can hold the JSON value {@code null}, so its SQL NULL is written as an absent key.
 */
final class JsonLinesRows {
    private JsonLinesRows() {}

    static void row(Writer out, List<Column> columns, List<String> values) throws IOException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                if (values.get(i) == null && Values.isJson(columns.get(i).type().kind())) continue;
                g.writeFieldName(columns.get(i).name());
                value(g, columns.get(i).type().kind(), values.get(i));
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void value(JsonGenerator g, TypeKind kind, String text) throws IOException {
        if (text == null) g.writeNull();
        else if (Values.isBoolean(kind)) g.writeBoolean(Values.booleanValue(text));
        else if (Values.isPlainNumber(kind, text)) g.writeNumber(text); // the database's digits, unrounded
        else if (Values.isJson(kind) && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) g.writeRawValue(text); // byte-exact for json columns
        else if (Values.isJson(kind)) g.writeTree(Json.MAPPER.readTree(text)); // one line per row, whatever the stored spacing
        else g.writeString(text);
    }
}
