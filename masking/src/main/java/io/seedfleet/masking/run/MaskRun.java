package io.seedfleet.masking.run;

import io.seedfleet.core.generate.RowHash;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.proof.LeakCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Copies a PostgreSQL source into an empty PostgreSQL target, masking on the way. Every read of the
 * source happens in a READ ONLY REPEATABLE READ transaction importing one exported snapshot, so the
 * parallel readers see one consistent database and never write to it. The target gets the source's
 * schema, is loaded with COPY with its foreign keys set aside, then has them added back (validating
 * every row) and its sequences advanced. A run that fails drops what it created. Before copying, the
 * source values of every masked text column are fingerprinted in that snapshot (as {@link LeakCheck}
 * does) and the maskers told to avoid them, so a realistic fake is never some row's real value.
 */
public final class MaskRun {
    /** {@code parallelism}: concurrent copy streams; {@code chunkRows}: rows per key range of a table with an integer key. */
    public record Options(int parallelism, long chunkRows) {
        public Options {
            if (parallelism < 1 || chunkRows < 1) throw new IllegalArgumentException("parallelism and chunkRows must be positive");
        }

        public static Options defaults() {
            return new Options(Math.max(2, Runtime.getRuntime().availableProcessors()), 50_000);
        }
    }

    /** One unit of copy work: a table's rows matching {@code where} (null: all of them). */
    record Chunk(Table table, String where) {}

    private MaskRun() {}

    public static MaskSummary execute(JdbcTarget source, JdbcTarget target, MaskingPlan plan, Options options) throws SQLException {
        if (!source.isPostgres() || !target.isPostgres()) throw new MaskingException("masking copies PostgreSQL into PostgreSQL");
        long started = System.nanoTime();
        SchemaModel model;
        try (Connection c = source.open()) {
            model = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        }
        ColumnMaskers maskers = ColumnMaskers.resolve(model, plan);
        try (Connection coordinator = source.open(); Connection targetAdmin = target.open()) {
            TargetDatabase.requireEmpty(targetAdmin);
            String snapshot = exportSnapshot(coordinator);
            boolean created = false;
            try {
                // Realistic fakes come from the same pools as real data: hand the maskers the source values
                // of the run's personal-data columns, read once in the snapshot the copy reads, to avoid.
                LeakCheck.Fingerprints sourceValues = LeakCheck.fingerprint(coordinator, maskers.maskedTextColumns());
                ColumnMaskers avoiding = maskers.avoiding(sourceValues::matches);
                List<Chunk> chunks = chunks(coordinator, model, plan, options);
                created = true;
                List<TargetDatabase.ForeignKeyDefinition> fks = TargetDatabase.create(targetAdmin, model);
                Map<String, Long> rows = copyAll(source, target, snapshot, chunks, avoiding, options);
                TargetDatabase.restoreForeignKeys(targetAdmin, fks);
                TargetDatabase.advanceSequences(targetAdmin, model);
                try (Statement s = targetAdmin.createStatement()) {
                    s.execute("ANALYZE");
                }
                coordinator.commit();
                return new MaskSummary(rows, Duration.ofNanos(System.nanoTime() - started));
            } catch (SQLException | RuntimeException e) {
                if (created) {
                    try {
                        TargetDatabase.dropCreated(targetAdmin, model);
                    } catch (SQLException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                if (e instanceof SQLException sql) throw new MaskingException("masking failed; the target was emptied again: " + sql.getMessage(), sql);
                throw e;
            }
        }
    }

    /**
     * Opens the coordinating transaction (REPEATABLE READ, READ ONLY) and exports its snapshot; the
     * snapshot can be imported only while this transaction stays open, so keep it open until the copy ends.
     */
    public static String exportSnapshot(Connection coordinator) throws SQLException {
        coordinator.setAutoCommit(false);
        try (Statement s = coordinator.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** A reader's transaction: read only, repeatable read, seeing exactly the coordinator's snapshot. */
    public static Connection openReader(JdbcTarget source, String snapshot) throws SQLException {
        Connection c = source.open();
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // SET TRANSACTION SNAPSHOT must come before the transaction's first query.
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                s.execute("SET TRANSACTION SNAPSHOT " + Identifiers.literal(snapshot));
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** The tables split into chunks: key ranges of a single integer key, the chosen rows of a subset, or whole tables. */
    static List<Chunk> chunks(Connection snapshot, SchemaModel model, MaskingPlan plan, Options options) throws SQLException {
        List<Chunk> chunks = new ArrayList<>();
        if (!plan.subsets().isEmpty()) {
            Map<io.seedfleet.core.schema.QualifiedName, Set<String>> chosen = SubsetSelector.select(snapshot, model, plan.subsets());
            for (Table table : model.tables()) {
                Set<String> ids = chosen.get(table.name());
                if (!ids.isEmpty()) chunks.add(new Chunk(table, subsetCondition(ids)));
            }
            return chunks;
        }
        for (KeyRange range : ranges(snapshot, model, options.chunkRows())) chunks.add(new Chunk(range.table(), range.where()));
        return chunks;
    }

    /**
     * A table's share of a copy: the rows whose single integer key {@code keyColumn} lies in
     * [{@code from}, {@code to}], or the whole table when {@code keyColumn} is null. {@code rows}: how
     * many rows the table holds in the snapshot (for progress; the same on each of its ranges).
     */
    public record KeyRange(Table table, String keyColumn, Long from, Long to, long rows) {
        /** The condition on the table aliased {@code t}; null for the whole table. */
        public String where() {
            return keyColumn == null ? null : "t." + Identifiers.quote(keyColumn) + " BETWEEN " + from + " AND " + to;
        }
    }

    /**
     * Every table split into ranges of at most about {@code chunkRows} rows: equal-width ranges of its
     * single integer primary key when it has one, the whole table otherwise. Empty keyed tables have
     * none. Read in {@code snapshot}, the coordinating transaction.
     */
    public static List<KeyRange> ranges(Connection snapshot, SchemaModel model, long chunkRows) throws SQLException {
        List<KeyRange> ranges = new ArrayList<>();
        for (Table table : model.tables()) {
            String key = integerKey(table);
            String column = key == null ? "1" : "t." + Identifiers.quote(key);
            try (Statement s = snapshot.createStatement();
                 ResultSet rs = s.executeQuery("SELECT min(" + column + "), max(" + column + "), count(*) FROM " + SubsetSelector.from(table) + " t")) {
                rs.next();
                long count = rs.getLong(3);
                if (key == null) {
                    ranges.add(new KeyRange(table, null, null, null, count));
                    continue;
                }
                if (count == 0) continue;
                long min = rs.getLong(1);
                long max = rs.getLong(2);
                long parts = Math.max(1, Math.min((count + chunkRows - 1) / chunkRows, max - min + 1));
                // Equal-width ranges over [min, max]; the last one ends at max inclusive.
                long width = (max - min) / parts + 1;
                for (long from = min; from <= max; from += width) {
                    long to = Math.min(max, from + width - 1);
                    ranges.add(new KeyRange(table, key, from, to, count));
                    if (to == max) break;
                }
            }
        }
        return ranges;
    }

    /**
     * The rows of a subset, per table, chosen in the snapshot {@code snapshot} reads (see {@link Subset}):
     * the same rows in every transaction that imports that snapshot.
     */
    public static Map<io.seedfleet.core.schema.QualifiedName, Set<String>> subsetRows(Connection snapshot, SchemaModel model, List<Subset> subsets)
            throws SQLException {
        return SubsetSelector.select(snapshot, model, subsets);
    }

    /** The condition (on the table aliased {@code t}) selecting the rows {@link #subsetRows} chose; never null. */
    public static String subsetCondition(Set<String> rowIds) {
        return SubsetSelector.rowId("t") + " IN (SELECT unnest(" + Identifiers.literal(SubsetSelector.arrayLiteral(rowIds)) + "::text[]))";
    }

    private static String integerKey(Table table) {
        return table.primaryKey().filter(pk -> pk.columns().size() == 1)
                .map(UniqueKey::columns).map(cols -> table.column(cols.get(0)))
                .filter(col -> col.type().kind().isInteger())
                .map(Column::name).orElse(null);
    }

    private static Map<String, Long> copyAll(JdbcTarget source, JdbcTarget target, String snapshot, List<Chunk> chunks,
                                             ColumnMaskers maskers, Options options) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
            Thread t = new Thread(r, "seedfleet-mask");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (Chunk chunk : chunks) futures.add(pool.submit(() -> copy(source, target, snapshot, chunk, maskers)));
            for (int i = 0; i < chunks.size(); i++) {
                long n = futures.get(i).get();
                rows.merge(chunks.get(i).table().name().toString(), n, Long::sum);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaskingException("masking was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) throw sql;
            if (cause instanceof RuntimeException re) throw re;
            throw new MaskingException("masking failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        return rows;
    }

    /** Streams one chunk from the source snapshot into the target, masking each row on the way. */
    private static long copy(JdbcTarget source, JdbcTarget target, String snapshot, Chunk chunk, ColumnMaskers maskers) throws SQLException {
        try (Connection reader = openReader(source, snapshot); Connection writer = target.open()) {
            long count = copy(reader, writer, chunk.table(), chunk.where(), maskers).rows();
            reader.commit();
            return count;
        }
    }

    /** What {@link #copy(Connection, Connection, Table, String, ColumnMaskers)} wrote: rows, and the sum of their 64-bit hashes. */
    public record Copied(long rows, long checksum) {}

    /**
     * Copies the rows of {@code table} matching {@code where} (on alias {@code t}; null: all) from
     * {@code reader} (a transaction in the source snapshot, see {@link #openReader}) into {@code writer},
     * masked by {@code maskers}, with one COPY out and one COPY in. The writer's transaction, if any, is
     * the caller's: an exactly-once ledger commits the rows with its own entry. The checksum sums
     * {@link RowHash} of every masked row as loaded, so it does not depend on how the table was split.
     */
    public static Copied copy(Connection reader, Connection writer, Table table, String where, ColumnMaskers maskers) throws SQLException {
        List<Column> columns = table.columns().stream().filter(Column::writable).toList();
        String list = String.join(", ", columns.stream().map(c -> Identifiers.quote(c.name())).toList());
        String select = "SELECT " + String.join(", ", columns.stream().map(c -> "t." + Identifiers.quote(c.name())).toList())
                + " FROM " + SubsetSelector.from(table) + " t" + (where == null ? "" : " WHERE " + where);
        CopyText rows = new CopyText(maskers.of(table.name(), columns));
        long count = 0;
        long checksum = 0;
        try {
            CopyOut out = reader.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT");
            CopyIn in = writer.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.name().sql() + " (" + list + ") FROM STDIN");
            try {
                byte[] row;
                while ((row = out.readFromCopy()) != null) {
                    byte[] masked = rows.mask(row);
                    in.writeToCopy(masked, 0, masked.length);
                    checksum += RowHash.of(masked, 0, masked.length);
                    count++;
                }
                in.endCopy();
            } finally {
                if (in.isActive()) in.cancelCopy();
                if (out.isActive()) out.cancelCopy();
            }
        } catch (SQLException e) {
            throw new SQLException("copying " + table.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
        return new Copied(count, checksum);
    }
}
