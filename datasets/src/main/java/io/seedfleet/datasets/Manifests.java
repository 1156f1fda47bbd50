package io.seedfleet.datasets;

import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.run.SchemaFingerprint;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/** Builds manifests from a database: after a run (a version), or of whatever a database holds (a snapshot). */
public final class Manifests {
    private Manifests() {}

    /** The manifest of the version a run just wrote: the run's counts and checksums, statistics read back from the target. */
    public static Manifest capture(JdbcTarget target, SchemaModel schema, RunSummary summary, String definitionJson, String scenario, long seed)
            throws SQLException {
        String fingerprint = SchemaFingerprint.of(schema);
        String canonical = Json.canonical(definitionJson, "definition");
        Map<String, ColumnStatistics.TableStats> stats = ColumnStatistics.read(target, schema);
        Map<String, TableEntry> tables = new TreeMap<>();
        stats.forEach((table, s) -> {
            TableTotal total = summary.tables().get(table);
            // The run's own count is the promise; the database's count only fills tables the run did not name.
            tables.put(table, new TableEntry(total == null ? s.rows() : total.rows(), total == null ? null : total.checksum(), s.columns()));
        });
        return new Manifest(DatasetIdentity.of(fingerprint, canonical, seed, EngineVersion.CURRENT), null, fingerprint,
                DatasetIdentity.definitionHash(canonical), canonical, scenario, seed, EngineVersion.CURRENT, now(), JdbcTarget.redact(target.url()), tables);
    }

    /** A manifest of what a database holds now, for data Seedfleet has no record of: no identity, seed or checksums. */
    public static Manifest snapshot(JdbcTarget target, SchemaModel schema) throws SQLException {
        Map<String, TableEntry> tables = new TreeMap<>();
        ColumnStatistics.read(target, schema).forEach((table, s) -> tables.put(table, new TableEntry(s.rows(), null, s.columns())));
        return new Manifest(null, null, SchemaFingerprint.of(schema), null, null, null, null, EngineVersion.CURRENT, now(),
                JdbcTarget.redact(target.url()), tables);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
