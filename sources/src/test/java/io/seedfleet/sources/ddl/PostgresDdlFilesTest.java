package io.seedfleet.sources.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A DDL file yields exactly the model live introspection of the same DDL yields. "Live" is the
 * machine's own PostgreSQL server loaded by psql, as a user would load it; the file is read through
 * a scratch embedded PostgreSQL of another major version.
 */
class PostgresDdlFilesTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));
    private static final String LIVE_SERVER = System.getProperty("seedfleet.live.pg", "127.0.0.1:5432");

    private static PostgresServer scratch;

    @BeforeAll
    static void start() {
        scratch = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        scratch.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chinook", "pagila", "sakila_pg", "documenso"})
    void aFileGivesTheModelOfTheSameSchemaLoadedLive(String name) throws Exception {
        Path ddl = SCHEMAS.resolve(name).resolve("schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found at " + SCHEMAS.toAbsolutePath());
        SchemaModel fromFile = PostgresDdlFiles.read(List.of(ddl), scratch);
        SchemaModel live = loadLiveWithPsql(name, ddl);

        assertThat(fromFile.tables()).isNotEmpty();
        assertThat(fromFile).isEqualTo(live);
        Path normalized = SCHEMAS.resolve(name).resolve("schema.normalized.sql");
        if (Files.isRegularFile(normalized)) {
            assertThat(PostgresDdlFiles.read(List.of(normalized), scratch)).as("pg_dump form").isEqualTo(fromFile);
        }
    }

    @Test
    void aMigrationHistoryIsAppliedInOrder(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("001_init.sql"), """
                CREATE TABLE account (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
                CREATE TABLE invoice (id bigint PRIMARY KEY, account_id bigint);
                """);
        Path second = Files.writeString(dir.resolve("002_constraints.sql"), """
                ALTER TABLE account ADD CONSTRAINT account_email_key UNIQUE (email);
                ALTER TABLE invoice ALTER COLUMN account_id SET NOT NULL,
                    ADD CONSTRAINT invoice_account_fkey FOREIGN KEY (account_id) REFERENCES account (id);
                ALTER TABLE invoice ADD COLUMN total numeric(10,2) CHECK (total >= 0);
                """);
        Path whole = Files.writeString(dir.resolve("whole.sql"), """
                CREATE TABLE account (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    email text NOT NULL CONSTRAINT account_email_key UNIQUE);
                CREATE TABLE invoice (id bigint PRIMARY KEY,
                    account_id bigint NOT NULL CONSTRAINT invoice_account_fkey REFERENCES account (id),
                    total numeric(10,2) CHECK (total >= 0));
                """);
        SchemaModel migrated = PostgresDdlFiles.read(List.of(first, second), scratch);
        assertThat(migrated.tables()).hasSize(2);
        assertThat(migrated.table(io.seedfleet.core.schema.QualifiedName.parse("invoice")).foreignKeys()).hasSize(1);
        assertThat(migrated).isEqualTo(PostgresDdlFiles.read(List.of(whole), scratch));
    }

    @Test
    void aStatementTheServerRefusesIsReportedWithFileLineAndStatement(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.sql"), """
                CREATE TABLE ok (id int PRIMARY KEY);

                CREATE TABLE broken (
                    id int PRIMARY KEY,
                    owner int REFERENCES nowhere (id)
                );
                """);
        assertThatThrownBy(() -> PostgresDdlFiles.read(List.of(bad), scratch))
                .isInstanceOf(SourceException.class)
                .hasMessage(bad + ":3: CREATE TABLE broken ( id int PRIMARY KEY, owner int REFER...: relation \"nowhere\" does not exist");
    }

    @Test
    void aSyntaxErrorIsReportedOnTheLineTheServerPointsAt(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("typo.sql"), """
                CREATE TABLE ok (id int PRIMARY KEY);
                CREATE TABLE typo (
                    id int PRIMARY KEY,
                    name text NOT NUL
                );
                """);
        assertThatThrownBy(() -> PostgresDdlFiles.read(List.of(bad), scratch))
                .isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).line()).isEqualTo(4))
                .hasMessageContaining("syntax error");
    }

    @Test
    void rolesThatOwnOrAreGrantedObjectsDoNotStopARead(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("dump.sql"), """
                CREATE TABLE public.account (id integer PRIMARY KEY);
                ALTER TABLE public.account OWNER TO app_owner;
                GRANT SELECT ON public.account TO reporting, "Read Only";
                """);
        assertThat(PostgresDdlFiles.read(List.of(dump), scratch).tables()).extracting(t -> t.name().toString()).containsExactly("public.account");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> PostgresDdlFiles.read(List.of(Path.of("no/such.sql")), scratch))
                .isInstanceOf(SourceException.class).hasMessage("no/such.sql: no such file");
    }

    /** Loads the DDL with psql into a fresh database of the machine's server and introspects it; skips where there is none. */
    private static SchemaModel loadLiveWithPsql(String name, Path ddl) throws Exception {
        String[] hostPort = LIVE_SERVER.split(":");
        String admin = "jdbc:postgresql://" + LIVE_SERVER + "/postgres";
        String database = "seedfleet_live_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            assumeTrue(false, "no PostgreSQL server at " + LIVE_SERVER + ": " + e.getMessage());
        }
        try {
            Process psql = new ProcessBuilder("psql", "-h", hostPort[0], "-p", hostPort[1], "-U", "postgres", "-d", database,
                    "-v", "ON_ERROR_STOP=1", "-q", "-f", ddl.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(psql.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(psql.exitValue()).as("psql loads " + ddl).isZero();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + LIVE_SERVER + "/" + database, "postgres", "")) {
                return PostgresIntrospector.introspect(c, IntrospectionOptions.all());
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
