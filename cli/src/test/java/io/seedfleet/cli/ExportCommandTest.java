package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.cli.CliTest.Outcome;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.datasets.Manifest;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code seedfleet export} and {@code seedfleet load} as a user runs them. */
class ExportCommandTest {
    static final RunningPostgres pg = SharedPostgres.get();

    private static String emptyExampleDatabase(String name) throws Exception {
        String url = pg.createDatabase(name);
        ExampleSchema.create(new JdbcTarget(url, pg.user(), pg.password()));
        return url;
    }

    private static long rows(String url, String table) throws Exception {
        try (Connection c = new JdbcTarget(url, pg.user(), pg.password()).open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void exportsTheRecordedVersionAndLoadsItIntoAnEmptyDatabase() throws Exception {
        Path store = Files.createTempDirectory("seedfleet-versions");
        Manifest version = VersionsCommandTest.generateVersion("export_cli_src", 5, "to-export", store);
        String source = version.target();
        Path out = Files.createTempDirectory("seedfleet-export").resolve("sql");

        Outcome exported = CliTest.run("export", "--target", source, "--user", pg.user(), "--format", "sql", "--out", out.toString(),
                "--store", store.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("version " + version.shortId());
        assertThat(Manifest.fromJson(Files.readString(out.resolve("manifest.json")), "export").identity()).isEqualTo(version.identity());
        assertThat(out.resolve("app.users.sql")).isRegularFile();

        String fresh = emptyExampleDatabase("export_cli_dst");
        Outcome loaded = CliTest.run("load", "--from", out.toString(), "--target", fresh, "--user", pg.user());
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("row counts match the manifest");
        assertThat(rows(fresh, "app.users")).isEqualTo(version.tables().get("app.users").rows()).isEqualTo(rows(source, "app.users"));

        Outcome again = CliTest.run("load", "--from", out.toString(), "--target", fresh, "--user", pg.user());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("only fills empty tables").doesNotContain("\tat ");

        // Data changed since the version was made: the export says it is a snapshot, not that version.
        try (Connection c = new JdbcTarget(source, pg.user(), pg.password()).open(); Statement s = c.createStatement()) {
            s.execute("UPDATE app.plans SET name = name || ' (edited)' WHERE id = (SELECT min(id) FROM app.plans)");
        }
        Outcome snapshot = CliTest.run("export", "--target", source, "--user", pg.user(), "--format", "csv",
                "--out", out.resolveSibling("csv").toString(), "--store", store.toString());
        assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
        assertThat(snapshot.out()).contains("snapshot");
    }

    @Test
    void badInputExitsTwoWithAPlainMessage() throws Exception {
        String url = emptyExampleDatabase("export_cli_bad");
        Path full = Files.createTempDirectory("seedfleet-full");
        Files.writeString(full.resolve("keep.txt"), "mine");
        Outcome notEmpty = CliTest.run("export", "--target", url, "--user", pg.user(), "--format", "csv", "--out", full.toString(),
                "--store", full.resolve("store").toString());
        assertThat(notEmpty.exitCode()).isEqualTo(2);
        assertThat(notEmpty.err()).contains("not empty").doesNotContain("\tat ");

        Outcome format = CliTest.run("export", "--target", url, "--user", pg.user(), "--format", "xlsx", "--out", full.resolve("x").toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("unknown format 'xlsx'");

        Outcome notAnExport = CliTest.run("load", "--from", full.toString(), "--target", url, "--user", pg.user());
        assertThat(notAnExport.exitCode()).isEqualTo(2);
        assertThat(notAnExport.err()).contains("not a Seedfleet export");
    }
}
