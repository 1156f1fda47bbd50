package io.seedfleet.sources.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.MysqlIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.SourceException;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.sink.JdbcTarget;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MySQL DDL files yield exactly the model live introspection of the same DDL yields. "Live" is the
 * machine's MariaDB loaded by the {@code mariadb} client, as a user would load it; the file is read
 * through scratch databases on the same server.
 */
class MysqlDdlFilesTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));

    @TempDir
    Path dir;

    @Test
    void sakilaFromTheFileEqualsSakilaLoadedLive() throws Exception {
        Path ddl = SCHEMAS.resolve("mysql_sakila").resolve("schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found at " + SCHEMAS.toAbsolutePath());
        JdbcTarget server = reachableServer();
        String client = client();
        List<String> before = scratchDatabases(server);

        SchemaModel fromFile = MysqlDdlFiles.read(List.of(ddl), server);

        SchemaModel live;
        try {
            Process p = new ProcessBuilder(client, "-h127.0.0.1", "-P3306", "-uroot").redirectInput(ddl.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as("the mariadb client loads the file").isZero();
            try (Connection c = server.open()) {
                live = MysqlIntrospector.introspect(c, IntrospectionOptions.only("sakila"));
            }
        } finally {
            execute(server, "DROP DATABASE IF EXISTS sakila");
        }

        assertThat(fromFile).isEqualTo(live);
        assertThat(fromFile.tables()).hasSize(16).allSatisfy(t -> assertThat(t.name().schema()).isEqualTo("sakila"));
        assertThat(fromFile.views()).hasSize(7);
        assertThat(fromFile.triggers()).extracting(SchemaModel.Trigger::name).containsExactlyInAnyOrder("ins_film", "upd_film", "del_film");
        assertThat(fromFile.table(new QualifiedName("sakila", "store")).foreignKeys())
                .anySatisfy(fk -> assertThat(fk.referencedTable()).isEqualTo(new QualifiedName("sakila", "staff")));
        assertThat(fromFile.table(new QualifiedName("sakila", "film")).column("special_features").type().enumLabels()).hasSize(16);
        assertThat(scratchDatabases(server)).as("scratch databases are dropped").isEqualTo(before);
    }

    @Test
    void aMigrationHistoryWithItsOwnDatabaseDelimiterBlocksAndQualifiedNames() throws Exception {
        JdbcTarget server = reachableServer();
        Path v1 = write("V1__shop.sql", """
                CREATE DATABASE IF NOT EXISTS shop CHARACTER SET utf8mb4;
                USE shop;
                CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(80) NOT NULL UNIQUE); -- a comment; with a semicolon
                CREATE TABLE shop.orders (id INT PRIMARY KEY, customer_id INT NOT NULL, note VARCHAR(20) DEFAULT 'a;b',
                  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES shop.customer (id));
                """);
        Path v2 = write("V2__more.sql", """
                USE `shop`;
                # MySQL comments too
                ALTER TABLE orders ADD COLUMN total DECIMAL(10,2) NOT NULL DEFAULT 0 CHECK (total >= 0);
                DELIMITER $$
                CREATE TRIGGER orders_note BEFORE INSERT ON orders FOR EACH ROW
                BEGIN
                  SET NEW.note = CONCAT(NEW.note, ';');
                  SET NEW.total = NEW.total + 0;
                END$$
                DELIMITER ;
                CREATE VIEW big_orders AS SELECT id FROM shop.orders WHERE total > 100;
                """);
        List<String> before = scratchDatabases(server);

        SchemaModel model = MysqlDdlFiles.read(List.of(v1, v2), server);

        QualifiedName orders = new QualifiedName("shop", "orders");
        assertThat(model.tables()).extracting(t -> t.name().toString()).containsExactly("shop.customer", "shop.orders");
        assertThat(model.table(orders).column("total").type().kind()).isEqualTo(TypeKind.NUMERIC);
        assertThat(model.table(orders).column("note").defaultExpression()).isEqualTo("'a;b'");
        assertThat(model.table(orders).checks()).anySatisfy(c -> assertThat(c.expression()).isEqualTo("\"total\" >= 0"));
        assertThat(model.table(orders).foreignKeys()).singleElement()
                .satisfies(fk -> assertThat(fk.referencedTable()).isEqualTo(new QualifiedName("shop", "customer")));
        assertThat(model.triggers()).containsExactly(new SchemaModel.Trigger(orders, "orders_note", "BEFORE", List.of("INSERT"), true));
        assertThat(model.views()).containsExactly(new SchemaModel.View(new QualifiedName("shop", "big_orders"), false));
        assertThat(scratchDatabases(server)).isEqualTo(before);
        try (Connection c = server.open(); ResultSet rs = c.getMetaData().getCatalogs()) {
            List<String> all = new ArrayList<>();
            while (rs.next()) all.add(rs.getString(1));
            assertThat(all).as("the real database of that name is never touched").doesNotContain("shop");
        }
    }

    @Test
    void aStatementTheServerRefusesIsReportedWithItsFileAndLine() throws Exception {
        JdbcTarget server = reachableServer();
        Path good = write("V1__ok.sql", "CREATE TABLE a (id INT PRIMARY KEY);\n");
        Path bad = write("V2__broken.sql", """
                -- line 1
                CREATE TABLE b (id INT PRIMARY KEY);

                CREATE TABLE c (
                  id INT PRIMARY KEY,
                  a_id INT NOT NULL,
                  oops INT NOT NULL BOGUS,
                  other INT
                );
                """);
        List<String> before = scratchDatabases(server);

        assertThatThrownBy(() -> MysqlDdlFiles.read(List.of(good, bad), server))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.source()).isEqualTo(bad.toString());
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.construct()).startsWith("CREATE TABLE c (");
                });
        assertThat(scratchDatabases(server)).isEqualTo(before);
    }

    @Property(tries = 300)
    void delimitersInsideStringsIdentifiersAndCommentsNeverSplit(@ForAll @StringLength(max = 12) String text) {
        String literal = "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        String identifier = "`" + text.replace("`", "``") + "x`";
        String first = "SELECT " + literal + " AS " + identifier + " /* ; " + text.replace("*/", "") + " */";
        List<MysqlDdlFilesScript.Statement> statements = MysqlDdlFilesScript.split("p.sql", first + ";\nSELECT 2;\n");
        assertThat(statements).extracting(MysqlDdlFilesScript.Statement::sql).containsExactly(first, "SELECT 2");
        assertThat(statements.get(1).line()).isEqualTo(2 + (int) first.chars().filter(c -> c == '\n').count());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static JdbcTarget reachableServer() {
        JdbcTarget server = MysqlDdlFiles.defaultScratchServer();
        try (Connection c = server.open()) {
            return server;
        } catch (SQLException e) {
            assumeTrue(false, "no MySQL/MariaDB server at " + server + ": " + e.getMessage());
            return server;
        }
    }

    private static String client() {
        for (String name : List.of("mariadb", "mysql")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) return name;
            }
        }
        assumeTrue(false, "no mariadb/mysql client on the PATH");
        return null;
    }

    private static List<String> scratchDatabases(JdbcTarget server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.open(); ResultSet rs = c.getMetaData().getCatalogs()) {
            while (rs.next()) if (rs.getString(1).startsWith("seedfleet_ddl_")) names.add(rs.getString(1));
        }
        return names;
    }

    private static void execute(JdbcTarget server, String sql) throws SQLException {
        try (Connection c = server.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
