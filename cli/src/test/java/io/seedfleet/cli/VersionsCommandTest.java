package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.cli.CliTest.Outcome;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.datasets.DatasetStore;
import io.seedfleet.datasets.DatasetVersions;
import io.seedfleet.datasets.Manifest;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code seedfleet versions} over a store holding two real versions of the example schema. */
class VersionsCommandTest {
    static final RunningPostgres pg = SharedPostgres.get();
    static Path store;
    static Manifest first;
    static Manifest second;

    /** A generated example database, recorded as a version in {@code storeDir}. */
    static Manifest generateVersion(String database, long seed, String name, Path storeDir) throws Exception {
        JdbcTarget target = new JdbcTarget(pg.createDatabase(database), pg.user(), pg.password());
        ExampleSchema.create(target);
        SchemaModel schema;
        try (Connection c = target.open()) {
            schema = Introspection.read(c, IntrospectionOptions.all());
        }
        var counts = new RowCounts(ExampleSchema.rows(4, 30), 5, 1.0);
        var summary = LocalRun.execute(target, Dataset.of(Planner.plan(schema, counts, seed)), LocalRun.Options.defaults("cli-" + seed));
        return DatasetVersions.record(target, schema, summary, null, null, seed, name, storeDir);
    }

    @BeforeAll
    static void twoVersions() throws Exception {
        store = Files.createTempDirectory("seedfleet-versions");
        first = generateVersion("versions_one", 1, "first", store);
        Thread.sleep(5); // distinct creation times order the list
        second = generateVersion("versions_two", 2, null, store);
    }

    @Test
    void listsNewestFirst() {
        Outcome listed = CliTest.run("versions", "list", "--store", store.toString());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(first.shortId(), second.shortId(), "first");
        assertThat(listed.out().indexOf(second.shortId())).isLessThan(listed.out().indexOf(first.shortId()));
        Outcome empty = CliTest.run("versions", "--store", store.resolve("none").toString(), "list");
        assertThat(empty.out()).contains("no dataset versions");
    }

    @Test
    void showsAVersionByPrefixAsTextOrJson() {
        Outcome text = CliTest.run("versions", "show", first.identity().substring(0, 8), "--store", store.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains(first.identity(), "name     first", "app.users", first.tables().get("app.users").checksum());
        Outcome json = CliTest.run("versions", "show", first.identity(), "--format", "json", "--store", store.toString());
        assertThat(Manifest.fromJson(json.out(), "show")).isEqualTo(first);
    }

    @Test
    void diffsTwoVersionsAndFindsNothingBetweenAVersionAndItself() throws Exception {
        Outcome diff = CliTest.run("versions", "diff", first.shortId(), second.shortId(), "--store", store.toString());
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("table app.users: checksum " + first.tables().get("app.users").checksum()
                + " -> " + second.tables().get("app.users").checksum());
        Outcome json = CliTest.run("versions", "diff", first.shortId(), second.shortId(), "--format", "json", "--store", store.toString());
        var tree = io.seedfleet.core.event.Events.JSON.readTree(json.out());
        assertThat(tree.get("tables").size()).isPositive();
        assertThat(tree.get("columns").size()).isPositive();
        Outcome same = CliTest.run("versions", "diff", first.shortId(), first.identity(), "--store", store.toString());
        assertThat(same.out()).contains("no differences");
    }

    @Test
    void unknownOrAmbiguousIdsExitTwoWithAPlainMessage() throws Exception {
        Path store = Files.createTempDirectory("seedfleet-versions"); // a store of its own: this test adds a version
        DatasetStore.at(store).save(first);
        DatasetStore.at(store).save(second);
        Outcome unknown = CliTest.run("versions", "show", "0000000000000000000000000000000000000000000000000000000000000000", "--store", store.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no dataset version").doesNotContain("\tat ");
        String id = first.identity();
        String neighbour = id.substring(0, 63) + (id.charAt(63) == '0' ? '1' : '0');
        DatasetStore.at(store).save(new Manifest(neighbour, null, first.schemaFingerprint(), null, null, null, 9L, first.engineVersion(),
                "2000-01-01T00:00:00Z", first.target(), first.tables()));
        Outcome ambiguous = CliTest.run("versions", "diff", id.substring(0, 63), second.shortId(), "--store", store.toString());
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("ambiguous").doesNotContain("\tat ");
        Outcome bad = CliTest.run("versions", "show", "not-hex", "--store", store.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("not a version id");
    }
}
