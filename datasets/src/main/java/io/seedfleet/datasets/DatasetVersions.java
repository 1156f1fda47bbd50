package io.seedfleet.datasets;

import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.nio.file.Path;
import java.sql.SQLException;

/** The one call a generate command makes after its run: capture the version's manifest and keep it in the store. */
public final class DatasetVersions {
    private DatasetVersions() {}

    /** {@code store} null means the default store; {@code name}, {@code definitionJson} and {@code scenario} may be null. */
    public static Manifest record(JdbcTarget target, SchemaModel schema, RunSummary summary, String definitionJson, String scenario,
                                  long seed, String name, Path store) throws SQLException {
        Manifest manifest = Manifests.capture(target, schema, summary, definitionJson, scenario, seed).withName(name);
        DatasetStore.at(store).save(manifest);
        return manifest;
    }
}
