package io.seedfleet.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.run.SchemaFingerprint;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Manifests captured after real runs of the example schema, the store that keeps them, and diffs between them. */
class ManifestTest {
    static final String DEFINITION = Databases.definition(8, 60);
    static SchemaModel schema;
    static RunSummary summary7;
    static Manifest seed7;
    static Manifest seed8;

    @BeforeAll
    static void generateTwoSeeds() throws Exception {
        JdbcTarget a = Databases.example("manifest_a");
        schema = Databases.schema(a);
        summary7 = Databases.generate(a, schema, DEFINITION, 7);
        seed7 = Manifests.capture(a, schema, summary7, DEFINITION, "default", 7);
        JdbcTarget b = Databases.example("manifest_b");
        seed8 = Manifests.capture(b, schema, Databases.generate(b, Databases.schema(b), DEFINITION, 8), DEFINITION, "default", 8);
    }

    @Test
    void holdsTheRunsCountsAndChecksumsAndItsInputs() {
        assertThat(seed7.tables()).hasSize(schema.tables().size());
        summary7.tables().forEach((table, total) -> {
            assertThat(seed7.tables().get(table).rows()).as(table).isEqualTo(total.rows());
            assertThat(seed7.tables().get(table).checksum()).as(table).isEqualTo(total.checksum());
        });
        assertThat(seed7.tables().get("app.users").rows()).isEqualTo(60);
        assertThat(seed7.identity()).isEqualTo(DatasetIdentity.of(SchemaFingerprint.of(schema), DEFINITION, 7, EngineVersion.CURRENT));
        assertThat(seed7.schemaFingerprint()).isEqualTo(seed8.schemaFingerprint());
        assertThat(seed7.definitionHash()).isEqualTo(DatasetIdentity.definitionHash(DEFINITION));
        assertThat(Json.canonical(seed7.definitionJson(), "test")).isEqualTo(Json.canonical(DEFINITION, "test"));
        assertThat(seed7.target()).startsWith("jdbc:postgresql:");
        assertThat(Manifest.fromJson(seed7.toJson(), "roundtrip")).isEqualTo(seed7);
    }

    @Test
    void statisticsAgreeWithTheSchemaAndTheCounts() {
        for (Table table : schema.tables()) {
            TableEntry entry = seed7.tables().get(table.name().toString());
            assertThat(entry.columns().keySet()).containsExactlyInAnyOrderElementsOf(table.columns().stream().map(Column::name).toList());
            for (Column column : table.columns()) {
                ColumnStats s = entry.columns().get(column.name());
                String where = table.name() + "." + column.name();
                assertThat(s.count() + s.nulls()).as(where).isEqualTo(entry.rows());
                assertThat(s.distinct()).as(where).isLessThanOrEqualTo(s.count());
                if (!column.nullable()) assertThat(s.nulls()).as(where).isZero();
                assertThat(s.min() == null).as(where).isEqualTo(s.count() == 0);
                if (column.type().kind().isInteger() && s.count() > 0) {
                    assertThat(Long.parseLong(s.min())).as(where).isLessThanOrEqualTo(Long.parseLong(s.max()));
                }
            }
            table.primaryKey().filter(pk -> pk.columns().size() == 1).ifPresent(pk ->
                    assertThat(entry.columns().get(pk.columns().get(0)).distinct()).as("the key of " + table.name()).isEqualTo(entry.rows()));
        }
    }

    @Test
    void diffOfTwoSeedsNamesChangedChecksumsAndStatistics() {
        ManifestDiff diff = ManifestDiff.of(seed7, seed8);
        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.tables()).extracting(ManifestDiff.TableChange::table).contains("app.users", "app.organizations");
        assertThat(diff.tables()).allSatisfy(t -> assertThat(t.checksumFrom()).isNotEqualTo(t.checksumTo()));
        assertThat(diff.columns()).anySatisfy(c -> {
            assertThat(c.table()).isEqualTo("app.users");
            assertThat(c.column()).isEqualTo("email");
        });
        assertThat(diff.toText()).contains("table app.users: checksum " + seed7.tables().get("app.users").checksum())
                .contains("column app.users.email:");
        assertThat(diff.toJson()).contains("\"checksumFrom\"", "\"app.users\"");
    }

    @Test
    void diffOfAVersionWithItselfIsEmpty() {
        ManifestDiff diff = ManifestDiff.of(seed7, Manifest.fromJson(seed7.toJson(), "copy"));
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.toText()).contains("no differences");
    }

    @Test
    void storeListsNewestFirstAndFindsByUniquePrefix() throws Exception {
        DatasetStore store = DatasetStore.at(Files.createTempDirectory("seedfleet-store"));
        Path saved = store.save(seed7.withName("baseline"));
        store.save(seed8);
        assertThat(saved.getFileName().toString()).isEqualTo(seed7.identity() + ".json");
        assertThat(store.list()).extracting(Manifest::identity).containsExactly(seed8.identity(), seed7.identity());
        assertThat(store.find(seed7.identity().substring(0, 10)).name()).isEqualTo("baseline");
        assertThat(store.find(seed8.identity())).isEqualTo(seed8);

        // A neighbour whose identity shares all but the last digit makes that prefix ambiguous.
        String id = seed7.identity();
        String neighbour = id.substring(0, 63) + (id.charAt(63) == '0' ? '1' : '0');
        store.save(new Manifest(neighbour, null, seed7.schemaFingerprint(), null, null, null, 1L, EngineVersion.CURRENT, "2000-01-01T00:00:00Z",
                seed7.target(), seed7.tables()));
        assertThatThrownBy(() -> store.find(id.substring(0, 63))).isInstanceOf(UnknownVersionException.class).hasMessageContaining("ambiguous");
        assertThat(store.list()).hasSize(3).last().extracting(Manifest::identity).isEqualTo(neighbour);
        assertThatThrownBy(() -> store.find("")).isInstanceOf(UnknownVersionException.class);
        assertThatThrownBy(() -> store.find("../etc")).isInstanceOf(UnknownVersionException.class).hasMessageContaining("not a version id");
        String absent = "0".repeat(64);
        assertThatThrownBy(() -> store.find(absent)).isInstanceOf(UnknownVersionException.class).hasMessageContaining("no dataset version");
    }

}
