package io.seedfleet.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exports of a generated dataset (edge cases included) that load back into a fresh database unchanged. */
class ExportLoadTest {
    static final String DEFINITION = Databases.definition(6, 80);
    static JdbcTarget source;
    static SchemaModel schema;
    static Manifest manifest;
    static Map<String, String> sourceHashes;

    /** Values that break naive writers and readers, in the types JSON and CSV treat differently. */
    static final String NASTY_DDL = """
            CREATE TABLE odd (
                id        int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                label     text,
                doc       json,
                docb      jsonb,
                tags      text[],
                amount    numeric(12,3),
                ratio     double precision,
                flag      boolean,
                blob      bytea,
                span      interval,
                at        timestamptz,
                doubled   int GENERATED ALWAYS AS (id * 2) STORED
            );
            CREATE TABLE "Odd ""Child""\" (k text PRIMARY KEY, odd_id int REFERENCES odd, self text REFERENCES "Odd ""Child""\");
            """;
    static final String NASTY_ROWS = """
            INSERT INTO odd (label, doc, docb, tags, amount, ratio, flag, blob, span, at) VALUES
              (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              ('', '{"b": 1,   "a": [1, 2]}', '{"b": 1, "a": null}', '{}', 0, 'NaN', true, '\\x00ff', '1 day 02:00', '2024-02-29 23:59:59.999999+14'),
              ('a,b "quoted" ''single''', '"just a string"', '[1, "two", {"x": 3.5}]', '{"with space", "with,comma", "with \\"quote\\"", NULL}',
               -123456789.125, 'Infinity', false, '\\x', '-3 years', '1900-01-01 00:00:00-12'),
              (E'line one\\nline two\\r\\n\\\\.\\ttab', '12', '"x"', '{a}', 1e-3, -0.1, NULL, '\\x5c2e', '00:00:00.000001', '2099-12-31 23:59:59+00'),
              (E'\\\\.', '{}', '{}', '{"\\\\"}', 99999999.999, 1.7976931348623157e308, true, NULL, NULL, NULL),
              (' leading and trailing ', 'null', 'null', '{""}', -0, '-Infinity', true, NULL, NULL, NULL),
              ('emoji 😀 rtl שלום zero-width ​ combining é', '[]', '[]', '{NULL}', 0.5, 5e-324, false, NULL, NULL, NULL);
            INSERT INTO "Odd ""Child""\" VALUES ('b', 2, 'a'), ('a', 1, 'b'), ('c;d', NULL, 'c;d'), (E'--not a comment\\n;', 3, NULL);
            """;

    @BeforeAll
    static void generate() throws Exception {
        source = Databases.example("export_src");
        var summary = Databases.generate(source, Databases.schema(source), DEFINITION, 11);
        // Hand-written rows in tables the run did not fill: the manifest takes their counts from the database.
        try (Connection c = source.open(); Statement s = c.createStatement()) {
            s.execute(NASTY_DDL + NASTY_ROWS);
        }
        schema = Databases.schema(source);
        manifest = Manifests.capture(source, schema, summary, DEFINITION, null, 11);
        sourceHashes = Databases.contentHashes(source, schema);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"CSV", "JSONL", "SQL", "PARQUET"})
    void roundTripsEveryRowUnchanged(Format format) throws Exception {
        Path dir = Files.createTempDirectory("seedfleet-export").resolve("out");
        ExportSummary exported = DatasetExport.write(source, schema, dir, format, manifest);
        assertThat(exported.rows()).hasSize(schema.tables().size());
        assertThat(exported.rows().get("public.odd")).isEqualTo(7);
        assertThat(dir.resolve("app.users." + format.extension())).isRegularFile();
        assertThat(Manifest.fromJson(Files.readString(dir.resolve("manifest.json")), "export")).isEqualTo(manifest);
        assertThat(exported.rows().keySet().stream().toList().indexOf("app.organizations"))
                .as("parents before children").isLessThan(exported.rows().keySet().stream().toList().indexOf("app.projects"));

        JdbcTarget fresh = Databases.create("load_" + format, Databases.exampleDdl() + NASTY_DDL);
        Map<String, Long> loaded = DatasetLoad.load(dir, fresh);
        assertThat(loaded).isEqualTo(exported.rows());
        Map<String, String> hashes = Databases.contentHashes(fresh, schema);
        assertThat(hashes).isEqualTo(sourceHashes);
        assertThat(hashes.get("app.users")).startsWith("80:");
        try (Connection c = fresh.open(); Statement s = c.createStatement()) {
            // Foreign keys are back, and identity sequences continue past the loaded keys.
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(20);
            }
            s.execute("INSERT INTO odd (label) VALUES ('after load')");
        }
        assertThatThrownBy(() -> DatasetLoad.load(dir, fresh)).hasMessageContaining("only fills empty tables");
    }

    @Test
    void csvFollowsRfc4180WithNullsUnquotedAndEmptyStringsQuoted() throws Exception {
        Path dir = Files.createTempDirectory("seedfleet-export").resolve("csv");
        DatasetExport.write(source, schema, dir, Format.CSV, manifest);
        List<String> lines = Files.readAllLines(dir.resolve("public.odd.csv"));
        assertThat(lines.get(0)).isEqualTo("id,label,doc,docb,tags,amount,ratio,flag,blob,span,at");
        assertThat(lines.get(1)).isEqualTo("1,,,,,,,,,,");
        assertThat(lines.get(2)).startsWith("2,\"\",");
        assertThat(Files.readString(dir.resolve("public.odd.csv"))).contains("\"a,b \"\"quoted\"\" 'single'\"");
    }

    @Test
    void jsonLinesKeepNumbersBooleansAndJson() throws Exception {
        Path dir = Files.createTempDirectory("seedfleet-export").resolve("jsonl");
        DatasetExport.write(source, schema, dir, Format.JSONL, manifest);
        List<String> lines = Files.readAllLines(dir.resolve("public.odd.jsonl"));
        assertThat(lines).hasSize(7);
        var row = Json.MAPPER.readTree(lines.get(2));
        assertThat(row.get("id").isIntegralNumber()).isTrue();
        assertThat(row.get("amount").isNumber()).isTrue();
        assertThat(row.get("amount").decimalValue()).isEqualByComparingTo("-123456789.125");
        assertThat(row.get("flag").isBoolean()).isTrue();
        assertThat(row.get("docb").isArray()).isTrue();
        assertThat(row.get("ratio").asText()).isEqualTo("Infinity");
        assertThat(Json.MAPPER.readTree(lines.get(0)).get("label").isNull()).isTrue();
        assertThat(Json.MAPPER.readTree(lines.get(1)).get("label").asText()).isEmpty();
    }

    @Test
    void parquetReadsBackInDuckDbWithTheRowsAndColumns() throws Exception {
        Path dir = Files.createTempDirectory("seedfleet-export").resolve("parquet");
        ExportSummary exported = DatasetExport.write(source, schema, dir, Format.PARQUET, manifest);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            for (Table table : schema.tables()) {
                Path file = dir.resolve(table.name() + ".parquet");
                String from = " FROM read_parquet('" + file.toString().replace("'", "''") + "')";
                try (ResultSet rs = s.executeQuery("SELECT count(*)" + from)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table.name().toString()).isEqualTo(exported.rows().get(table.name().toString()));
                }
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("DESCRIBE SELECT *" + from)) {
                    while (rs.next()) names.add(rs.getString(1));
                }
                assertThat(names).as(table.name().toString())
                        .containsExactlyElementsOf(table.columns().stream().filter(Column::writable).map(Column::name).toList());
            }
            try (ResultSet rs = s.executeQuery("SELECT typeof(id), typeof(amount), typeof(flag), count(*) FILTER (WHERE label = '')"
                    + " FROM read_parquet('" + dir.resolve("public.odd.parquet") + "') GROUP BY ALL")) {
                rs.next();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3))).containsExactly("INTEGER", "DECIMAL(12,3)", "BOOLEAN");
                assertThat(rs.getLong(4)).as("an empty string stays empty, not NULL").isEqualTo(1);
            }
        }
    }

    @Test
    void neverLeavesAHalfWrittenExport() throws Exception {
        Path parent = Files.createTempDirectory("seedfleet-export");
        Path dir = parent.resolve("wrong");
        Manifest lying = new Manifest(manifest.identity(), null, manifest.schemaFingerprint(), null, null, null, 11L, EngineVersion.CURRENT,
                manifest.createdAt(), manifest.target(), Map.of("app.users", new TableEntry(3, null, Map.of())));
        assertThatThrownBy(() -> DatasetExport.write(source, schema, dir, Format.CSV, lying)).hasMessageContaining("no longer holds version");
        try (var left = Files.list(parent)) {
            assertThat(left).as("neither the export nor its temporary directory remains").isEmpty();
        }
        Path full = Files.createDirectories(parent.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> DatasetExport.write(source, schema, full, Format.CSV, manifest)).hasMessageContaining("not empty");
        assertThat(full.resolve("keep.txt")).hasContent("mine");
    }
}
