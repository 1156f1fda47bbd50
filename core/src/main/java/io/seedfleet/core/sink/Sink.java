package io.seedfleet.core.sink;

import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a run's rows go: a target database's bulk load, its exactly-once ledger, and the setting
 * aside (and restoring) of what a load cannot run with. One per kind of database, chosen from the
 * target's URL or a connection's metadata; every method takes a connection to the target.
 */
public sealed interface Sink permits PostgresTargetSink, MysqlSink {

    /** PostgreSQL for {@code jdbc:postgresql:} URLs, MySQL/MariaDB for {@code jdbc:mariadb:} and {@code jdbc:mysql:}. */
    static Sink of(JdbcTarget target) {
        return target.isMysql() ? MysqlSink.INSTANCE : PostgresTargetSink.INSTANCE;
    }

    /** The sink for the database a connection is open to. */
    static Sink of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb") ? MysqlSink.INSTANCE : PostgresTargetSink.INSTANCE;
    }

    /** Creates the ledger; run once per run, before any chunk. */
    void prepareLedger(Connection c) throws SQLException;

    /**
     * Records a run's schema and definition rules, as planned, and marks it RUNNING; a second call
     * for the same run changes nothing.
     */
    void registerRun(Connection c, String runId, SchemaModel schema, Rules rules) throws SQLException;

    /** A run without a definition. */
    default void registerRun(Connection c, String runId, SchemaModel schema) throws SQLException {
        registerRun(c, runId, schema, Rules.NONE);
    }

    /** The schema a run was planned on, as {@link #registerRun} recorded it. */
    Optional<SchemaModel> recordedSchema(Connection c, String runId) throws SQLException;

    /** The definition rules a run was planned with, as {@link #registerRun} recorded them ({@link Rules#NONE} for none). */
    Rules recordedRules(Connection c, String runId) throws SQLException;

    /** Tables of the plan that already hold rows. */
    List<String> nonEmptyTables(Connection c, GenerationPlan plan) throws SQLException;

    /** Empties the plan's tables. */
    void truncate(Connection c, GenerationPlan plan) throws SQLException;

    /** Writes one chunk with its ledger entry, at most once per run. */
    ChunkResult write(Connection c, String runId, TableGenerator g, Chunk chunk) throws SQLException;

    /**
     * Sets aside, recording each in the ledger, what the load cannot run with or should not pay for
     * row by row: the foreign keys the plan suspends (NOT NULL cycles); on PostgreSQL also the other
     * keys and indexes of the tables it fills, rebuilt once by {@link #finish}; on databases that
     * cannot switch triggers off for a session (MySQL), the triggers of the tables it fills.
     */
    void setAsideForLoad(Connection c, String runId, GenerationPlan plan) throws SQLException;

    /**
     * Disables the user triggers of the tables the plan fills, for the load only, recorded like a
     * suspended foreign key so {@link #finish} and {@link #undo} enable them again.
     */
    void disableTriggers(Connection c, String runId, GenerationPlan plan) throws SQLException;

    /** Restores what was set aside (the database checking every row) and marks the run COMPLETED. */
    void finish(Connection c, String runId, GenerationPlan plan) throws SQLException;

    /** Undoes a failed run: marked FAILED, its tables emptied, what was set aside restored, its ledger entries removed. */
    void undo(Connection c, String runId, GenerationPlan plan) throws SQLException;
}
