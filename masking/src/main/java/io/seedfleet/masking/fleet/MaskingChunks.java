package io.seedfleet.masking.fleet;

import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.ChunkLedger;
import io.seedfleet.core.sink.ChunkResult;
import io.seedfleet.masking.method.Maskers;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.masking.proof.LeakCheck;
import io.seedfleet.masking.run.ColumnMaskers;
import io.seedfleet.masking.run.MaskRun;
import io.seedfleet.masking.run.MaskingPlan;
import io.seedfleet.masking.run.Subset;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a masking worker does with one {@link MaskingWork}: reads the range in a read-only transaction
 * importing the run's source snapshot, masks it with the run's rules and this worker's secret, and
 * writes it to the target exactly once ({@link MaskingLedger}). The output is the CLI's {@code mask}
 * output: the same schema (the one the coordinator recorded in the target's ledger), the same maskers,
 * told to avoid the same source values (fingerprinted in the same snapshot), and per-value masking
 * that does not depend on how a table is split. What a run needs is prepared once per worker and run.
 */
public final class MaskingChunks {
    private static final int PREPARED_RUNS = 4;

    /** A run as this worker masks it: the source model, the maskers (avoiding source values) and the subset's rows, if any. */
    private record PreparedRun(SchemaModel model, ColumnMaskers maskers, Map<QualifiedName, Set<String>> subsetRows) {}

    private final String worker;
    private final MaskingSecret secret;
    private final Map<String, PreparedRun> prepared = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedRun> eldest) {
            return size() > PREPARED_RUNS;
        }
    };

    public MaskingChunks(String worker, MaskingSecret secret) {
        this.worker = worker;
        this.secret = secret;
    }

    /** Copies the work's range masked, or answers from the ledger when an earlier delivery did. */
    public ChunkCompleted execute(MaskingWork work) throws SQLException {
        PreparedRun run = prepare(work);
        Table table = run.model().find(QualifiedName.parse(work.table()))
                .orElseThrow(() -> new IllegalArgumentException("run " + work.runId() + " has no table " + work.table()));
        String where = where(work, table, run);
        ChunkResult written;
        try (Connection writer = work.target().jdbc().open()) {
            written = MaskingLedger.write(writer, work.runId(), work.table(), work.chunk(), () -> {
                try (Connection reader = MaskRun.openReader(work.source().jdbc(), work.snapshot())) {
                    MaskRun.Copied copied = MaskRun.copy(reader, writer, table, where, run.maskers());
                    reader.commit();
                    return new ChunkLedger.Written(copied.rows(), copied.checksum());
                }
            });
        }
        return new ChunkCompleted(work.runId(), work.stage(), work.table(), MaskingWork.PHASE, work.chunk(), work.chunk() + 1L,
                written.rows(), io.seedfleet.core.run.RunSummary.checksumText(written.checksum()), written.millis(), written.alreadyWritten(), worker);
    }

    private static String where(MaskingWork work, Table table, PreparedRun run) {
        if (run.subsetRows() != null) {
            Set<String> ids = run.subsetRows().get(table.name());
            return ids == null || ids.isEmpty() ? "false" : MaskRun.subsetCondition(ids);
        }
        return work.wholeTable() ? null : new MaskRun.KeyRange(table, work.keyColumn(), work.keyFrom(), work.keyTo(), 0).where();
    }

    private PreparedRun prepare(MaskingWork work) throws SQLException {
        String key = work.runId() + "\n" + work.snapshot();
        synchronized (prepared) {
            PreparedRun run = prepared.get(key);
            if (run == null) {
                run = prepareRun(work);
                prepared.put(key, run);
            }
            return run;
        }
    }

    private PreparedRun prepareRun(MaskingWork work) throws SQLException {
        SchemaModel model;
        try (Connection target = work.target().jdbc().open()) {
            model = MaskingLedger.recordedSchema(target, work.runId())
                    .orElseThrow(() -> new SQLException("run " + work.runId() + " is not registered in the target's ledger"));
        }
        List<Subset> subsets = work.subsets().stream().map(Subset::parse).toList();
        MaskingPlan plan = new MaskingPlan(work.rules(), (rule, table, column) -> Maskers.of(rule, table, column, secret), subsets);
        ColumnMaskers maskers = ColumnMaskers.resolve(model, plan);
        try (Connection reader = MaskRun.openReader(work.source().jdbc(), work.snapshot())) {
            // As the CLI does: fakes never land on a source value of the run's personal-data columns.
            LeakCheck.Fingerprints sourceValues = LeakCheck.fingerprint(reader, maskers.maskedTextColumns());
            Map<QualifiedName, Set<String>> subsetRows = subsets.isEmpty() ? null : MaskRun.subsetRows(reader, model, subsets);
            reader.commit();
            return new PreparedRun(model, maskers.avoiding(sourceValues::matches), subsetRows);
        }
    }
}
