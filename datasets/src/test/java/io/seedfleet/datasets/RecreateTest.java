package io.seedfleet.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.run.SchemaFingerprint;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The promise of a version: its stored inputs (schema, definition, seed) regenerate the same data. */
class RecreateTest {

    @Test
    void regeneratingFromAStoredManifestGivesItsChecksums() throws Exception {
        JdbcTarget original = Databases.example("recreate_a");
        SchemaModel schema = Databases.schema(original);
        String definition = Databases.definition(5, 40);
        DatasetStore store = DatasetStore.at(Files.createTempDirectory("seedfleet-store"));
        Manifest recorded = DatasetVersions.record(original, schema, Databases.generate(original, schema, definition, 2024), definition, null, 2024,
                "recreate-me", store.directory());

        // Later, elsewhere: only the store's manifest and an empty database with the schema.
        Manifest stored = store.find(recorded.identity().substring(0, 8));
        JdbcTarget copy = Databases.example("recreate_b");
        SchemaModel copySchema = Databases.schema(copy);
        assertThat(SchemaFingerprint.of(copySchema)).isEqualTo(stored.schemaFingerprint());
        RunSummary again = Databases.generate(copy, copySchema, stored.definitionJson(), stored.seed());

        Map<String, String> checksums = new TreeMap<>();
        again.tables().forEach((table, total) -> checksums.put(table, total.checksum()));
        Map<String, String> expected = new TreeMap<>();
        stored.tables().forEach((table, entry) -> expected.put(table, entry.checksum()));
        assertThat(checksums).isEqualTo(expected);
        assertThat(again.tables().values().stream().mapToLong(TableTotal::rows).sum()).isEqualTo(stored.totalRows()).isGreaterThan(40);
        assertThat(DatasetIdentity.of(SchemaFingerprint.of(copySchema), stored.definitionJson(), stored.seed(), EngineVersion.CURRENT))
                .isEqualTo(stored.identity());
        assertThat(Databases.contentHashes(copy, copySchema)).isEqualTo(Databases.contentHashes(original, schema));
    }
}
