package io.seedfleet.core.sink;

import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link PostgresSink} behind the {@link Sink} seam: every call goes to its static method of the same name. */
final class PostgresTargetSink implements Sink {
    static final PostgresTargetSink INSTANCE = new PostgresTargetSink();

    private PostgresTargetSink() {}

    @Override
    public void prepareLedger(Connection c) throws SQLException {
        PostgresSink.prepareLedger(c);
    }

    @Override
    public void registerRun(Connection c, String runId, SchemaModel schema, Rules rules) throws SQLException {
        PostgresSink.registerRun(c, runId, schema, rules);
    }

    @Override
    public Rules recordedRules(Connection c, String runId) throws SQLException {
        return PostgresSink.recordedRules(c, runId);
    }

    @Override
    public Optional<SchemaModel> recordedSchema(Connection c, String runId) throws SQLException {
        return PostgresSink.recordedSchema(c, runId);
    }

    @Override
    public List<String> nonEmptyTables(Connection c, GenerationPlan plan) throws SQLException {
        return PostgresSink.nonEmptyTables(c, plan);
    }

    @Override
    public void truncate(Connection c, GenerationPlan plan) throws SQLException {
        PostgresSink.truncate(c, plan);
    }

    @Override
    public ChunkResult write(Connection c, String runId, TableGenerator g, Chunk chunk) throws SQLException {
        return PostgresSink.write(c, runId, g, chunk);
    }

    @Override
    public void setAsideForLoad(Connection c, String runId, GenerationPlan plan) throws SQLException {
        PostgresSink.setAsideForLoad(c, runId, plan);
    }

    @Override
    public void disableTriggers(Connection c, String runId, GenerationPlan plan) throws SQLException {
        PostgresSink.disableTriggers(c, runId, plan);
    }

    @Override
    public void finish(Connection c, String runId, GenerationPlan plan) throws SQLException {
        PostgresSink.finish(c, runId, plan);
    }

    @Override
    public void undo(Connection c, String runId, GenerationPlan plan) throws SQLException {
        PostgresSink.undo(c, runId, plan);
    }
}
