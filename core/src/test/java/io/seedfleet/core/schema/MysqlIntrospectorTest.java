package io.seedfleet.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.MysqlTestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The introspector on a fixture DDL loaded into a fresh MariaDB database, checked against what the DDL declares. */
class MysqlIntrospectorTest {
    private static String database;
    private static SchemaModel model;

    @BeforeAll
    static void load() throws Exception {
        database = MysqlTestDatabases.createDatabase();
        MysqlTestDatabases.load(database, fixture());
        try (Connection c = MysqlTestDatabases.target(database).open()) {
            model = Introspection.read(c, IntrospectionOptions.all());
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        if (database != null) MysqlTestDatabases.drop(database);
    }

    private static String fixture() throws IOException {
        try (InputStream in = MysqlIntrospectorTest.class.getResourceAsStream("/schema/mysql-introspector-fixture.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Table table(String name) {
        return model.table(new QualifiedName(database, name));
    }

    @Test
    void readsTablesOfTheCurrentDatabaseWithViewsAndTriggersListedApart() {
        assertThat(model.tables()).extracting(t -> t.name().name()).containsExactly("account", "region", "region_alias");
        assertThat(model.tables()).allSatisfy(t -> assertThat(t.name().schema()).isEqualTo(database));
        assertThat(model.views()).containsExactly(new SchemaModel.View(new QualifiedName(database, "active_account"), false));
        assertThat(model.triggers()).containsExactly(new SchemaModel.Trigger(new QualifiedName(database, "account"),
                "account_email_lower", "BEFORE", List.of("INSERT"), true));
    }

    @Test
    void columnsInDeclaredOrderWithCommentsDefaultsAndGeneratedColumns() {
        Table account = table("account");
        assertThat(account.columns()).extracting(Column::name).containsExactly("id", "email", "active", "level", "rank_no", "visits",
                "balance_delta", "big", "big_unsigned", "price", "ratio", "score", "nickname", "bio", "notes", "born", "created_at",
                "updated_at", "wake_at", "since", "prefs", "token", "avatar", "status", "tags", "home", "region_code", "region_seq",
                "referrer_id", "email_domain", "price_cents", "score_positive", "flags", "legacy_name");
        assertThat(account.comment()).isEqualTo("who signs in");
        assertThat(table("region").column("code").comment()).isEqualTo("ISO 3166 alpha-2");
        assertThat(account.column("id").identity()).isEqualTo(Column.Identity.BY_DEFAULT);
        assertThat(account.column("email").identity()).isEqualTo(Column.Identity.NONE);
        assertThat(account.column("status").defaultExpression()).isEqualTo("'new'");
        assertThat(account.column("email").defaultExpression()).isNull();
        assertThat(account.column("updated_at").defaultExpression()).containsIgnoringCase("current_timestamp");
        assertThat(account.column("email").nullable()).isFalse();
        assertThat(account.column("bio").nullable()).isTrue();
        assertThat(account.columns().stream().filter(Column::generated).map(Column::name)).containsExactly("email_domain", "price_cents");
        assertThat(account.column("price_cents").writable()).isFalse();
    }

    @Test
    void mapsMysqlTypesToTheEngineKinds() {
        Table account = table("account");
        Map<String, TypeKind> kinds = account.columns().stream().collect(Collectors.toMap(Column::name, c -> c.type().kind()));
        assertThat(kinds).containsEntry("active", TypeKind.BOOLEAN).containsEntry("level", TypeKind.SMALLINT)
                .containsEntry("rank_no", TypeKind.SMALLINT).containsEntry("visits", TypeKind.INTEGER)
                .containsEntry("id", TypeKind.BIGINT).containsEntry("big", TypeKind.BIGINT).containsEntry("price", TypeKind.NUMERIC)
                .containsEntry("ratio", TypeKind.REAL).containsEntry("score", TypeKind.DOUBLE).containsEntry("nickname", TypeKind.TEXT)
                .containsEntry("born", TypeKind.DATE).containsEntry("created_at", TypeKind.TIMESTAMP)
                .containsEntry("updated_at", TypeKind.TIMESTAMP).containsEntry("wake_at", TypeKind.TIME)
                .containsEntry("since", TypeKind.SMALLINT).containsEntry("prefs", TypeKind.JSON).containsEntry("token", TypeKind.BYTEA)
                .containsEntry("avatar", TypeKind.BYTEA).containsEntry("status", TypeKind.ENUM).containsEntry("tags", TypeKind.ENUM)
                .containsEntry("home", TypeKind.OTHER).containsEntry("flags", TypeKind.BIT).containsEntry("legacy_name", TypeKind.VARCHAR);
        assertThat(account.column("flags").type().length()).isEqualTo(5);
        assertThat(account.column("email").type().length()).isEqualTo(120);
        assertThat(table("region").column("code").type()).extracting(ColumnType::kind, ColumnType::length).containsExactly(TypeKind.CHAR, 2);
        assertThat(account.column("price").type()).extracting(ColumnType::precision, ColumnType::scale).containsExactly(8, 2);
        assertThat(account.column("created_at").type().precision()).isEqualTo(3);
        // utf8mb4 takes up to 4 bytes a character: 255 bytes always hold 63 characters
        assertThat(account.column("nickname").type().length()).isEqualTo(63);
        assertThat(account.column("notes").type().length()).isNull();
        assertThat(account.column("status").type().enumLabels()).containsExactly("new", "active", "it's closed");
        // a SET value is a subset of its members in declared order: 2^3 of them
        assertThat(account.column("tags").type().enumLabels()).hasSize(8)
                .contains("", "red", "green,blue", "red,green,blue").doesNotContain("blue,red");
        assertThat(model.unsupported()).extracting(SchemaModel.Unsupported::object, SchemaModel.Unsupported::construct)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(database + ".account.home", "spatial type"));
    }

    @Test
    void keysAndForeignKeysIncludingCompositeOnesToANonPrimaryUniqueKey() {
        assertThat(table("region").primaryKey()).map(UniqueKey::columns).contains(List.of("code", "seq"));
        assertThat(table("account").uniqueKeys()).containsExactly(
                UniqueKey.primaryKey("PRIMARY", List.of("id")),
                UniqueKey.unique("uq_account_email", List.of("email")),
                UniqueKey.unique("uq_account_rank_level", List.of("rank_no", "level")));
        assertThat(table("account").foreignKeys()).containsExactly(
                ForeignKey.of("fk_account_referrer", List.of("referrer_id"), new QualifiedName(database, "account"), List.of("id")),
                ForeignKey.of("fk_account_region", List.of("region_code", "region_seq"), new QualifiedName(database, "region_alias"),
                        List.of("code", "seq")));
        assertThat(table("region_alias").foreignKeys()).containsExactly(ForeignKey.of("fk_region_alias_region", List.of("code", "seq"),
                new QualifiedName(database, "region"), List.of("code", "seq")));
    }

    @Test
    void checksInStandardQuotesWithTheImplicitJsonCheckFoldedIntoTheType() {
        Map<String, CheckConstraint> checks = table("account").checks().stream()
                .filter(c -> !c.name().startsWith(MysqlIntrospector.TYPE_CHECK_PREFIX))
                .collect(Collectors.toMap(CheckConstraint::name, c -> c));
        assertThat(checks).containsOnlyKeys("chk_level", "chk_updated", "score_positive");
        assertThat(checks.get("chk_level").expression()).isEqualToIgnoringCase("\"level\" between 1 and 10");
        assertThat(checks.get("chk_level").columns()).containsExactly("level");
        assertThat(checks.get("chk_updated").columns()).containsExactly("updated_at", "created_at");
        assertThat(checks.get("score_positive").expression()).isEqualTo("\"score_positive\" > 0");
    }

    /**
     * Every type bound the introspector states is exactly the type's: the server itself takes both
     * ends and rejects one step beyond (strict mode), for each bounded integer column of the fixture.
     */
    @Test
    void typeBoundsAreExactlyWhatTheServerAccepts() throws SQLException {
        Pattern between = Pattern.compile("\"(\\w+)\" BETWEEN (-?\\d+) AND (-?\\d+)");
        int probed = 0;
        try (Connection c = MysqlTestDatabases.target(database).open(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES'");
            for (Table t : model.tables()) {
                for (CheckConstraint check : t.checks()) {
                    Matcher m = between.matcher(check.expression());
                    if (!check.name().startsWith(MysqlIntrospector.TYPE_CHECK_PREFIX) || !m.matches()) continue;
                    Column column = t.column(m.group(1));
                    if (!column.type().kind().isInteger()) continue;
                    BigDecimal lo = new BigDecimal(m.group(2));
                    BigDecimal hi = new BigDecimal(m.group(3));
                    s.execute("CREATE TEMPORARY TABLE probe (v " + column.type().sqlName() + ")");
                    assertThat(inserts(s, lo)).as(check.toString()).isTrue();
                    assertThat(inserts(s, hi)).as(check.toString()).isTrue();
                    assertThat(inserts(s, lo.subtract(BigDecimal.ONE))).as(check.toString()).isFalse();
                    assertThat(inserts(s, hi.add(BigDecimal.ONE))).as(check.toString()).isFalse();
                    s.execute("DROP TEMPORARY TABLE probe");
                    probed++;
                }
            }
        }
        // level, visits, balance_delta, id, since, region_seq (x2 tables), region.seq
        assertThat(probed).isGreaterThanOrEqualTo(7);
    }

    private static boolean inserts(Statement s, BigDecimal v) {
        try {
            s.execute("INSERT INTO probe VALUES (" + v.toPlainString() + ")");
            return true;
        } catch (SQLException rejected) {
            return false;
        }
    }

    @Test
    void theEnginePlansTheModelWithoutProblems() {
        var plan = Planner.plan(model, new RowCounts(Map.of(), 100, 2.0), 11);
        assertThat(Dataset.of(plan).plan().schema()).isEqualTo(model);
    }

    @Test
    void aConnectionInsideATransactionIsRefused() throws SQLException {
        try (Connection c = MysqlTestDatabases.target(database).open()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM region").close();
            }
            assertThatThrownBy(() -> MysqlIntrospector.introspect(c, IntrospectionOptions.all())).isInstanceOf(IllegalStateException.class);
            c.rollback();
        }
    }

    @Property(tries = 200)
    void enumLabelsRoundTripThroughTheServersQuoting(@ForAll("labels") List<String> labels) {
        String columnType = "enum(" + labels.stream()
                .map(l -> "'" + l.replace("\\", "\\\\").replace("'", "''") + "'").collect(Collectors.joining(",")) + ")";
        assertThat(MysqlTypes.labels(columnType)).isEqualTo(labels);
    }

    @Provide
    Arbitrary<List<String>> labels() {
        return Arbitraries.strings().withChars("ab,'\\() é").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.endsWith(" ")).list().ofMinSize(1).ofMaxSize(6);
    }
}
