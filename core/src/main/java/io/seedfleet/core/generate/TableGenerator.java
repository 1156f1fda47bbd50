package io.seedfleet.core.generate;

import io.seedfleet.core.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rows of one table as a pure function of the row index. The insert phase writes every
 * writable column (foreign keys deferred by a cycle as NULL); the update phase, when there is one,
 * writes the table's key and the deferred foreign-key columns.
 */
public final class TableGenerator {
    private final Table table;
    private final long rows;
    private final List<String> insertColumns;
    private final ColumnGenerator[] insert;
    private final List<String> keyColumns;
    private final List<String> deferredColumns;
    private final ColumnGenerator[] update;
    private final Map<String, EdgeCaseColumn> edgeColumns;

    TableGenerator(Table table, long rows, List<String> insertColumns, ColumnGenerator[] insert,
                   List<String> keyColumns, List<String> deferredColumns, ColumnGenerator[] update,
                   Map<String, EdgeCaseColumn> edgeColumns) {
        this.table = table;
        this.rows = rows;
        this.insertColumns = List.copyOf(insertColumns);
        this.insert = insert;
        this.keyColumns = List.copyOf(keyColumns);
        this.deferredColumns = List.copyOf(deferredColumns);
        this.update = update;
        this.edgeColumns = Map.copyOf(edgeColumns);
    }

    /** Per column, the edge-case classes this table's rows receive (columns without edge cases are absent). */
    public Map<String, Set<String>> edgeCoverage() {
        Map<String, Set<String>> coverage = new TreeMap<>();
        edgeColumns.forEach((column, edges) -> {
            Set<String> classes = edges.classesIn(rows);
            if (!classes.isEmpty()) coverage.put(column, classes);
        });
        return coverage;
    }

    public Table table() {
        return table;
    }

    public long rows() {
        return rows;
    }

    public List<String> insertColumns() {
        return insertColumns;
    }

    /** Columns that identify a row for the update phase (the primary key or another plain unique key). */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** Foreign-key columns set by the update phase; empty when the table has none. */
    public List<String> deferredColumns() {
        return deferredColumns;
    }

    public boolean hasUpdatePhase() {
        return !deferredColumns.isEmpty();
    }

    public void writeInsertRow(long row, CopyTextWriter out) {
        for (ColumnGenerator g : insert) {
            out.field();
            g.write(row, out);
        }
        out.endRow();
    }

    /** Key columns then deferred columns, in the order of {@link #keyColumns()} and {@link #deferredColumns()}. */
    public void writeUpdateRow(long row, CopyTextWriter out) {
        for (ColumnGenerator g : update) {
            out.field();
            g.write(row, out);
        }
        out.endRow();
    }
}
