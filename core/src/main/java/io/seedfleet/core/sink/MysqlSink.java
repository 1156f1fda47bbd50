package io.seedfleet.core.sink;

import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes chunks into MySQL or MariaDB with {@code LOAD DATA LOCAL INFILE} streamed from the engine
 * (the same bytes PostgreSQL's COPY gets, transcoded per column by {@link MysqlLoadColumns}), each
 * chunk in one InnoDB transaction with its ledger entry in the {@code seedfleet_ledger} database:
 * delivery at least once, effect exactly once.
 *
 * <p>LOAD DATA LOCAL turns what would be errors (a value out of range, a duplicate key, a missing
 * parent) into warnings and skipped rows, so every load is checked: fewer rows than sent, or any
 * warning but the character substitution a narrower character set asks for, fails the chunk.
 *
 * <p>MySQL cannot defer a foreign key or switch triggers off for a session, so a NOT NULL
 * foreign-key cycle's suspended keys are dropped and added back from their definitions at the end
 * (InnoDB then checks every row), and the triggers of the tables filled are set aside likewise (a
 * trigger that copies rows, such as sakila's film to film_text, would collide with the rows the
 * engine writes itself). Both are recorded in the ledger first, so an undo after a crash can put
 * them back. MySQL's DDL commits implicitly, so those steps are ordered to be safe to repeat.
 */
public final class MysqlSink implements Sink {
    public static final String LEDGER = "seedfleet_ledger";
    static final MysqlSink INSTANCE = new MysqlSink();

    /** "Cannot convert character": the substitution a column in a narrower character set asks for. */
    private static final int CHARACTER_SUBSTITUTED = 1977;
    private static final String FOREIGN_KEY = "FOREIGN KEY";
    private static final String TRIGGER = "TRIGGER";
    private static final ChunkLedger CHUNK_LEDGER = new ChunkLedger(
            "INSERT IGNORE INTO seedfleet_ledger.runs (run_id, state, schema_model, rules) VALUES (?, 'RUNNING', ?, ?)",
            "SELECT state FROM seedfleet_ledger.runs WHERE run_id = ? LOCK IN SHARE MODE",
            "INSERT IGNORE INTO seedfleet_ledger.chunks (run_id, table_name, phase, row_start, row_end) VALUES (?, ?, ?, ?, ?)");

    private MysqlSink() {}

    /**
     * Every statement below is written with double-quoted identifiers (ANSI_QUOTES), checks values
     * strictly, keeps an explicit 0 in an AUTO_INCREMENT column, and reads timestamps as UTC.
     */
    private static void session(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES,STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO'),"
                    + " time_zone = '+00:00'");
        }
    }

    @Override
    public void prepareLedger(Connection c) throws SQLException {
        session(c);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + LEDGER + " CHARACTER SET utf8mb4");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS seedfleet_ledger.chunks (
                      run_id VARCHAR(100) NOT NULL,
                      table_name VARCHAR(200) NOT NULL,
                      phase VARCHAR(10) NOT NULL,
                      row_start BIGINT NOT NULL,
                      row_end BIGINT NOT NULL,
                      rows_written BIGINT,
                      checksum BIGINT,
                      written_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                      PRIMARY KEY (run_id, table_name, phase, row_start)) ENGINE = InnoDB""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS seedfleet_ledger.runs (
                      run_id VARCHAR(100) PRIMARY KEY,
                      state VARCHAR(20) NOT NULL,
                      schema_model LONGTEXT NOT NULL,
                      rules LONGTEXT,
                      started_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE = InnoDB""");
            addRulesColumnToOlderLedger(c, s);
            // What a run set aside for its load (foreign keys, triggers), to be restored by whoever finishes or undoes it.
            s.execute("""
                    CREATE TABLE IF NOT EXISTS seedfleet_ledger.set_aside (
                      run_id VARCHAR(100) NOT NULL,
                      kind VARCHAR(20) NOT NULL,
                      table_name VARCHAR(200) NOT NULL,
                      object_name VARCHAR(64) NOT NULL,
                      position INT NOT NULL,
                      sql_mode VARCHAR(1000) NOT NULL,
                      definition LONGTEXT NOT NULL,
                      PRIMARY KEY (run_id, kind, table_name, object_name)) ENGINE = InnoDB""");
        }
        if (!c.getAutoCommit()) c.commit();
    }

    @Override
    public void registerRun(Connection c, String runId, SchemaModel schema, Rules rules) throws SQLException {
        session(c);
        CHUNK_LEDGER.registerRun(c, runId, schema, rules);
    }

    @Override
    public Rules recordedRules(Connection c, String runId) throws SQLException {
        return CHUNK_LEDGER.recordedRules(c, runId);
    }

    /** A ledger made before runs recorded their rules gains the column (MySQL has no ADD COLUMN IF NOT EXISTS). */
    private static void addRulesColumnToOlderLedger(Connection c, Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'seedfleet_ledger' AND TABLE_NAME = 'runs' AND COLUMN_NAME = 'rules'")) {
            rs.next();
            if (rs.getInt(1) > 0) return;
        }
        s.execute("ALTER TABLE seedfleet_ledger.runs ADD COLUMN rules LONGTEXT");
    }

    @Override
    public Optional<SchemaModel> recordedSchema(Connection c, String runId) throws SQLException {
        return CHUNK_LEDGER.recordedSchema(c, runId);
    }

    @Override
    public List<String> nonEmptyTables(Connection c, GenerationPlan plan) throws SQLException {
        session(c);
        return TargetTables.nonEmpty(c, plan);
    }

    /** TRUNCATE each table (AUTO_INCREMENT restarts), with foreign-key checks off for the session while it does. */
    @Override
    public void truncate(Connection c, GenerationPlan plan) throws SQLException {
        session(c);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
            try {
                for (QualifiedName t : plan.tablesInLoadOrder()) s.execute("TRUNCATE TABLE " + t.sql());
            } finally {
                s.execute("SET SESSION foreign_key_checks = 1");
            }
        }
    }

    @Override
    public ChunkResult write(Connection c, String runId, TableGenerator g, Chunk chunk) throws SQLException {
        session(c);
        return CHUNK_LEDGER.write(c, runId, chunk, () -> chunk.phase() == Chunk.Phase.INSERT ? insert(c, g, chunk) : update(c, g, chunk));
    }

    private static long insert(Connection c, TableGenerator g, Chunk chunk) throws SQLException {
        return load(c, g.table().name().sql(), g.table(), g.insertColumns(), g, chunk);
    }

    /** Deferred foreign keys: the computed values loaded into a temporary table, then one joined UPDATE. */
    private static long update(Connection c, TableGenerator g, Chunk chunk) throws SQLException {
        Table t = g.table();
        List<String> columns = new ArrayList<>(g.keyColumns());
        columns.addAll(g.deferredColumns());
        try (Statement s = c.createStatement()) {
            s.execute("DROP TEMPORARY TABLE IF EXISTS seedfleet_update");
            s.execute("CREATE TEMPORARY TABLE seedfleet_update ENGINE = InnoDB AS SELECT " + Identifiers.quoteAll(columns)
                    + " FROM " + t.name().sql() + " LIMIT 0");
        }
        long checksum = load(c, "seedfleet_update", t, columns, g, chunk);
        String set = g.deferredColumns().stream().map(col -> "t." + Identifiers.quote(col) + " = u." + Identifiers.quote(col))
                .collect(Collectors.joining(", "));
        String on = g.keyColumns().stream().map(col -> "t." + Identifiers.quote(col) + " = u." + Identifiers.quote(col))
                .collect(Collectors.joining(" AND "));
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + t.name().sql() + " AS t JOIN seedfleet_update AS u ON " + on + " SET " + set);
            requireNoWarnings(s, false, "UPDATE " + t.name());
            s.execute("DROP TEMPORARY TABLE seedfleet_update");
        }
        return checksum;
    }

    private static long load(Connection c, String into, Table table, List<String> columns, TableGenerator g, Chunk chunk) throws SQLException {
        MysqlLoadColumns load = MysqlLoadColumns.of(table, columns, charsets(c, table.name()));
        MysqlChunkStream rows = new MysqlChunkStream(g, chunk);
        try (Statement s = c.createStatement()) {
            s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(rows);
            long loaded = s.executeLargeUpdate("LOAD DATA LOCAL INFILE 'seedfleet-chunk.tsv' INTO TABLE " + into
                    + " CHARACTER SET utf8mb4 " + load.columnList() + load.setClause());
            requireNoWarnings(s, load.converts(), "LOAD DATA into " + table.name());
            if (!rows.exhausted() || loaded != chunk.rows()) {
                throw new SQLException("LOAD DATA into " + table.name() + " took " + loaded + " of " + chunk.rows() + " rows");
            }
        }
        return rows.checksum();
    }

    /**
     * Fails on any warning: under LOAD DATA LOCAL, a rejected value or row is only a warning. The
     * character substitution a narrower character set asks for is allowed where the load converts.
     */
    private static void requireNoWarnings(Statement s, boolean converts, String what) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            if (converts && w.getErrorCode() == CHARACTER_SUBSTITUTED) continue;
            if (problems.size() < 5) problems.add(w.getErrorCode() + ": " + w.getMessage());
            else break;
        }
        if (!problems.isEmpty()) throw new SQLException(what + " was refused: " + String.join("; ", problems));
    }

    private static Map<String, String> charsets(Connection c, QualifiedName table) throws SQLException {
        Map<String, String> charsets = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CHARACTER_SET_NAME IS NOT NULL")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) charsets.put(rs.getString(1), rs.getString(2));
            }
        }
        return charsets;
    }

    /** Nothing more to do: MySQL cannot switch triggers off for a session, so {@link #setAsideForLoad} always sets them aside. */
    @Override
    public void disableTriggers(Connection c, String runId, GenerationPlan plan) {
    }

    /**
     * Records, then drops, the foreign keys the plan suspends and the triggers of the tables it fills.
     * Each record is committed before its DROP (DDL commits implicitly), so a crash in between leaves
     * a record of something still there, which restoring skips.
     */
    @Override
    public void setAsideForLoad(Connection c, String runId, GenerationPlan plan) throws SQLException {
        session(c);
        for (GenerationPlan.DeferredForeignKey fk : plan.suspended().stream()
                .sorted(java.util.Comparator.comparing(GenerationPlan.DeferredForeignKey::table)
                        .thenComparing(GenerationPlan.DeferredForeignKey::constraint)).toList()) {
            String definition = MysqlDefinitions.foreignKey(c, fk.table(), fk.constraint());
            record(c, runId, FOREIGN_KEY, fk.table(), fk.constraint(), 0, "", definition);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + fk.table().sql() + " DROP FOREIGN KEY " + Identifiers.quote(fk.constraint()));
            }
        }
        for (MysqlDefinitions.TriggerDefinition trigger : MysqlDefinitions.triggers(c, plan)) {
            record(c, runId, TRIGGER, trigger.table(), trigger.name(), trigger.position(), trigger.sqlMode(), trigger.statement());
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER " + Identifiers.quote(trigger.table().schema()) + "." + Identifiers.quote(trigger.name()));
            }
        }
    }

    private static void record(Connection c, String runId, String kind, QualifiedName table, String name, int position, String sqlMode,
                               String definition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO seedfleet_ledger.set_aside VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, runId);
            ps.setString(2, kind);
            ps.setString(3, table.toString());
            ps.setString(4, name);
            ps.setInt(5, position);
            ps.setString(6, sqlMode);
            ps.setString(7, definition);
            ps.executeUpdate();
        }
        if (!c.getAutoCommit()) c.commit();
    }

    /** Foreign keys added back (InnoDB checks every row), triggers re-created, and the run marked COMPLETED. */
    @Override
    public void finish(Connection c, String runId, GenerationPlan plan) throws SQLException {
        session(c);
        restore(c, runId);
        setState(c, runId, "COMPLETED");
    }

    /**
     * The run marked FAILED first (waiting for chunks in flight, and stopping later deliveries), its
     * tables emptied again, what it set aside restored and its ledger entries removed.
     */
    @Override
    public void undo(Connection c, String runId, GenerationPlan plan) throws SQLException {
        session(c);
        setState(c, runId, "FAILED");
        truncate(c, plan);
        restore(c, runId);
        CHUNK_LEDGER.forgetChunks(c, runId);
        if (!c.getAutoCommit()) c.commit();
    }

    /** Foreign keys first, then triggers in their firing order; each record is removed once its object is back. */
    private static void restore(Connection c, String runId) throws SQLException {
        List<String[]> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, table_name, object_name, sql_mode, definition"
                + " FROM seedfleet_ledger.set_aside WHERE run_id = ? ORDER BY kind, table_name, position, object_name")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) records.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
            }
        }
        for (String[] r : records) {
            QualifiedName table = QualifiedName.parse(r[1]);
            if (r[0].equals(FOREIGN_KEY)) {
                if (!MysqlDefinitions.foreignKeyExists(c, table, r[2])) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ALTER TABLE " + table.sql() + " ADD CONSTRAINT " + Identifiers.quote(r[2]) + " " + r[4]);
                    }
                }
            } else if (!MysqlDefinitions.triggerExists(c, table.schema(), r[2])) {
                MysqlDefinitions.createTrigger(c, table.schema(), r[3], r[4]);
                session(c);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM seedfleet_ledger.set_aside WHERE run_id = ? AND kind = ? AND table_name = ? AND object_name = ?")) {
                ps.setString(1, runId);
                ps.setString(2, r[0]);
                ps.setString(3, r[1]);
                ps.setString(4, r[2]);
                ps.executeUpdate();
            }
            if (!c.getAutoCommit()) c.commit();
        }
    }

    /** Committed at once: MySQL's DDL around it commits implicitly anyway, and a chunk waiting on the run's row sees it. */
    private static void setState(Connection c, String runId, String state) throws SQLException {
        CHUNK_LEDGER.setState(c, runId, state);
        if (!c.getAutoCommit()) c.commit();
    }
}
