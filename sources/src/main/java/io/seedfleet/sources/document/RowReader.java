package io.seedfleet.sources.document;

import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.schema.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated row's values by column, read back from the engine's COPY text: fields are separated
 * by raw tabs (a tab inside a value is escaped), {@code \N} is NULL, the rest is unescaped.
 */
final class RowReader {
    private final Dataset dataset;
    private final CopyTextWriter out = new CopyTextWriter(1024);
    private final Map<QualifiedName, Map<String, Integer>> indexes = new HashMap<>();

    RowReader(Dataset dataset) {
        this.dataset = dataset;
    }

    /** One row: a value (null for NULL) per column name. */
    Row read(QualifiedName table, long row) {
        TableGenerator generator = dataset.table(table);
        Map<String, Integer> index = indexes.computeIfAbsent(table, t -> indexOf(generator.insertColumns()));
        out.reset();
        generator.writeInsertRow(row, out);
        String line = new String(out.buffer(), 0, out.length() - 1, StandardCharsets.UTF_8);
        String[] fields = line.split("\t", -1);
        for (int i = 0; i < fields.length; i++) fields[i] = fields[i].equals("\\N") ? null : CopyTextWriter.unescape(fields[i]);
        return new Row(table, row, index, fields);
    }

    private static Map<String, Integer> indexOf(List<String> columns) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) index.put(columns.get(i), i);
        return index;
    }

    record Row(QualifiedName table, long row, Map<String, Integer> index, String[] values) {
        String get(String column) {
            Integer i = index.get(column);
            if (i == null) throw new IllegalStateException("table " + table + " has no generated column " + column);
            return values[i];
        }
    }
}
