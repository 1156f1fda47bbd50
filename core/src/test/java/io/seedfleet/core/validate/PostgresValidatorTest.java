package io.seedfleet.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import io.seedfleet.testkit.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validates a clean and a deliberately corrupted database (an embedded PostgreSQL) against the clean schema. */
class PostgresValidatorTest {

    private static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TABLE app.org_member (
                org_id int, user_id int, email text NOT NULL, nickname text, active boolean NOT NULL DEFAULT true,
                CONSTRAINT org_member_pkey PRIMARY KEY (org_id, user_id),
                CONSTRAINT org_member_email_key UNIQUE (email));
            CREATE UNIQUE INDEX org_member_active_nick ON app.org_member (nickname) WHERE active;
            CREATE UNIQUE INDEX org_member_lower_email ON app.org_member (lower(email));
            CREATE TABLE app.assignment (
                id int CONSTRAINT assignment_pkey PRIMARY KEY, org_id int, user_id int, note text NOT NULL,
                CONSTRAINT assignment_member_fkey FOREIGN KEY (org_id, user_id) REFERENCES app.org_member (org_id, user_id));
            CREATE TABLE app.review (
                id int CONSTRAINT review_pkey PRIMARY KEY, org_id int, user_id int,
                CONSTRAINT review_member_fkey FOREIGN KEY (org_id, user_id) REFERENCES app.org_member (org_id, user_id) MATCH FULL);
            CREATE TABLE app.tag (org_id int, label text, CONSTRAINT tag_key UNIQUE NULLS NOT DISTINCT (org_id, label));
            """;

    private static final String CLEAN_DATA = """
            INSERT INTO app.org_member VALUES
                (1, 1, 'a@x', 'ann', true), (1, 2, 'b@x', 'bob', true), (2, 1, 'c@x', 'cat', false), (2, 2, 'd@x', 'cat', false);
            INSERT INTO app.assignment VALUES (1, 1, 1, 'n'), (2, 1, 2, 'n'), (3, NULL, NULL, 'n'), (4, 2, NULL, 'n');
            INSERT INTO app.review VALUES (1, 1, 1), (2, NULL, NULL);
            INSERT INTO app.tag VALUES (1, 'x'), (NULL, 'y'), (1, NULL);
            """;

    private static final Map<String, Long> CLEAN_ROWS =
            Map.of("app.org_member", 4L, "app.assignment", 4L, "app.review", 2L, "app.tag", 3L);

    private static PostgresServer server;
    private static String cleanUrl;
    private static String corruptUrl;
    private static SchemaModel model;
    private static SchemaModel corruptModel;

    @BeforeAll
    static void createDatabases() throws SQLException {
        server = PostgresServer.start();
        cleanUrl = server.createDatabase("validator_clean");
        execute(cleanUrl, SCHEMA + CLEAN_DATA);
        model = introspect(cleanUrl);

        corruptUrl = server.createDatabase("validator_corrupt");
        execute(corruptUrl, SCHEMA + CLEAN_DATA);
        corruptModel = introspect(corruptUrl); // before the constraints go: the model the data must satisfy
        execute(corruptUrl, """
                ALTER TABLE app.assignment DROP CONSTRAINT assignment_member_fkey;
                ALTER TABLE app.review DROP CONSTRAINT review_member_fkey;
                ALTER TABLE app.org_member DROP CONSTRAINT org_member_pkey;
                ALTER TABLE app.org_member DROP CONSTRAINT org_member_email_key;
                DROP INDEX app.org_member_active_nick;
                DROP INDEX app.org_member_lower_email;
                ALTER TABLE app.org_member ALTER COLUMN email DROP NOT NULL;
                ALTER TABLE app.assignment ALTER COLUMN note DROP NOT NULL;
                ALTER TABLE app.tag DROP CONSTRAINT tag_key;
                -- 1 surplus primary key (1,1)
                INSERT INTO app.org_member VALUES (1, 1, 'e@x', 'x1', false);
                -- 3 surplus e-mails: a@x three times in all, b@x twice
                INSERT INTO app.org_member VALUES (3, 1, 'a@x', NULL, false), (3, 2, 'a@x', NULL, false), (3, 3, 'b@x', NULL, false);
                -- 1 surplus active nickname; an inactive duplicate does not count
                INSERT INTO app.org_member VALUES (3, 4, 'f@x', 'bob', true), (3, 5, 'g@x', 'cat', false);
                -- 2 NULL e-mails, which never duplicate each other
                INSERT INTO app.org_member VALUES (3, 6, NULL, NULL, false), (3, 7, NULL, NULL, false);
                -- 3 orphan rows with 2 distinct keys, 4 NULL notes
                INSERT INTO app.assignment VALUES (10, 9, 9, 'n'), (11, 9, 9, 'n'), (12, 1, 9, 'n'),
                    (13, 1, 1, NULL), (14, 1, 2, NULL), (15, NULL, NULL, NULL), (16, 2, 2, NULL);
                -- MATCH FULL: one half-NULL key and one orphan
                INSERT INTO app.review VALUES (3, 1, NULL), (4, 5, 5);
                -- NULLS NOT DISTINCT: (NULL, y) three times in all: 2 surplus
                INSERT INTO app.tag VALUES (NULL, 'y'), (NULL, 'y');
                """);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void cleanDataPassesEveryCheckInAStableOrder() throws SQLException {
        List<CheckResult> results = validate(cleanUrl, model, CLEAN_ROWS);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.passed()).as(r.toString()).isTrue();
            assertThat(r.violations()).isZero();
        });
        assertThat(results).extracting(r -> r.name() + " " + r.table() + " " + r.constraint()).containsExactly(
                "row-count app.assignment null",
                "unique app.assignment assignment_pkey",
                "foreign-key app.assignment assignment_member_fkey",
                "not-null app.assignment null", // id
                "not-null app.assignment null", // note
                "row-count app.org_member null",
                "unique app.org_member org_member_active_nick",
                "unique app.org_member org_member_email_key",
                "unique app.org_member org_member_pkey",
                // org_member_lower_email, an expression index, is skipped
                "not-null app.org_member null", // org_id
                "not-null app.org_member null", // user_id
                "not-null app.org_member null", // email
                "not-null app.org_member null", // active
                "row-count app.review null",
                "unique app.review review_pkey",
                "foreign-key app.review review_member_fkey",
                "not-null app.review null",
                "row-count app.tag null",
                "unique app.tag tag_key");
        assertThat(notNull(results, "app.org_member", "email").examples()).containsExactly("column=email");
        assertThat(ValidationReport.passed(results)).isTrue();
        assertThat(ValidationReport.summary(results)).isEqualTo("19 checks, 19 passed, 0 failed");
        assertThat(validate(cleanUrl, model, Map.of())).noneMatch(r -> r.name().equals("row-count")).hasSize(15);
    }

    @Test
    void countsDuplicatesOfEveryKindOfUniqueKey() throws SQLException {
        List<CheckResult> results = validate(corruptUrl, corruptModel, Map.of());

        assertThat(check(results, "unique", "org_member_pkey"))
                .isEqualTo(new CheckResult("unique", "app.org_member", "org_member_pkey", false, 1, List.of("(org_id=1, user_id=1)")));
        assertThat(check(results, "unique", "org_member_email_key"))
                .isEqualTo(new CheckResult("unique", "app.org_member", "org_member_email_key", false, 3,
                        List.of("(email=a@x)", "(email=b@x)")));
        assertThat(check(results, "unique", "org_member_active_nick"))
                .isEqualTo(new CheckResult("unique", "app.org_member", "org_member_active_nick", false, 1, List.of("(nickname=bob)")));
        assertThat(check(results, "unique", "tag_key"))
                .isEqualTo(new CheckResult("unique", "app.tag", "tag_key", false, 2, List.of("(org_id=NULL, label=y)")));
        assertThat(check(results, "unique", "assignment_pkey").passed()).isTrue();
        assertThat(results).noneMatch(r -> "org_member_lower_email".equals(r.constraint()));
    }

    @Test
    void countsOrphansUnderMatchSimpleAndMatchFull() throws SQLException {
        List<CheckResult> results = validate(corruptUrl, corruptModel, Map.of());

        assertThat(check(results, "foreign-key", "assignment_member_fkey"))
                .isEqualTo(new CheckResult("foreign-key", "app.assignment", "assignment_member_fkey", false, 3,
                        List.of("(org_id=1, user_id=9)", "(org_id=9, user_id=9)")));
        assertThat(check(results, "foreign-key", "review_member_fkey"))
                .isEqualTo(new CheckResult("foreign-key", "app.review", "review_member_fkey", false, 2,
                        List.of("(org_id=1, user_id=NULL)", "(org_id=5, user_id=5)")));
    }

    @Test
    void countsNullsPerColumn() throws SQLException {
        List<CheckResult> results = validate(corruptUrl, corruptModel, Map.of());

        assertThat(notNull(results, "app.org_member", "email"))
                .isEqualTo(new CheckResult("not-null", "app.org_member", null, false, 2, List.of("column=email")));
        assertThat(notNull(results, "app.assignment", "note"))
                .isEqualTo(new CheckResult("not-null", "app.assignment", null, false, 4, List.of("column=note")));
        assertThat(notNull(results, "app.org_member", "user_id").passed()).isTrue();
        assertThat(notNull(results, "app.assignment", "id").passed()).isTrue();
    }

    @Test
    void reportsRowCountDifferencesAndUnknownTables() throws SQLException {
        // org_member now has 4 + 8 rows, assignment 4 + 7; tag is right (3 + 2)
        List<CheckResult> results = validate(corruptUrl, corruptModel,
                Map.of("app.org_member", 4L, "app.assignment", 20L, "app.tag", 5L, "app.ghost", 7L));

        assertThat(results).filteredOn(r -> r.name().equals("row-count")).containsExactly(
                new CheckResult("row-count", "app.assignment", null, false, 9, List.of()),
                new CheckResult("row-count", "app.org_member", null, false, 8, List.of()),
                new CheckResult("row-count", "app.tag", null, true, 0, List.of()),
                new CheckResult("row-count", "app.ghost", null, false, 7, List.of("table is not in the schema")));
    }

    @Test
    void summarisesFailuresWithoutValues() throws SQLException {
        List<CheckResult> results = validate(corruptUrl, corruptModel, Map.of("app.tag", 5L));

        assertThat(ValidationReport.passed(results)).isFalse();
        assertThat(ValidationReport.summary(results)).isEqualTo("""
                FAILED foreign-key on app.assignment (assignment_member_fkey): 3 violations
                FAILED not-null on app.assignment (column=note): 4 violations
                FAILED unique on app.org_member (org_member_active_nick): 1 violation
                FAILED unique on app.org_member (org_member_email_key): 3 violations
                FAILED unique on app.org_member (org_member_pkey): 1 violation
                FAILED not-null on app.org_member (column=email): 2 violations
                FAILED foreign-key on app.review (review_member_fkey): 2 violations
                FAILED unique on app.tag (tag_key): 2 violations
                16 checks, 8 passed, 8 failed""");
    }

    @Test
    void extraChecksJoinTheVerdictInTheSameSnapshot() throws SQLException {
        PostgresValidator.ExtraChecks leakCheck = (connection, schema) -> {
            try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM app.org_member WHERE email LIKE '%@x'")) {
                rs.next();
                long leaked = rs.getLong(1);
                return List.of(new CheckResult("leak", "app.org_member", null, leaked == 0, leaked, List.of()));
            }
        };
        try (Connection connection = connect(cleanUrl)) {
            List<CheckResult> results = PostgresValidator.validate(connection, model, Map.of(), List.of(leakCheck));
            assertThat(results.get(results.size() - 1)).isEqualTo(new CheckResult("leak", "app.org_member", null, false, 4, List.of()));
            assertThat(ValidationReport.passed(results)).isFalse();
        }
    }

    @Test
    void checksAreReEvaluatedAndLaggingSequencesCaught() throws SQLException {
        String url = server.createDatabase("validator_checks");
        execute(url, """
                CREATE TABLE line (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, qty int NOT NULL, note text);
                INSERT INTO line (qty) VALUES (1), (2), (3);
                INSERT INTO line (id, qty) VALUES (40, -1), (41, -5), (42, 7);
                ALTER TABLE line ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;
                ALTER TABLE line ADD CONSTRAINT note_short CHECK (char_length(note) < 10);
                """);
        List<CheckResult> results = validate(url, introspect(url), Map.of());
        CheckResult positive = results.stream().filter(r -> "qty_positive".equals(r.constraint())).findFirst().orElseThrow();
        assertThat(positive.name()).isEqualTo(PostgresValidator.CHECK);
        assertThat(positive.passed()).isFalse();
        assertThat(positive.violations()).isEqualTo(2);
        assertThat(positive.examples()).containsExactly("(id=40)", "(id=41)");
        assertThat(results).filteredOn(r -> "note_short".equals(r.constraint())).singleElement().matches(CheckResult::passed);
        CheckResult sequence = results.stream().filter(r -> r.name().equals(PostgresValidator.SEQUENCE)).findFirst().orElseThrow();
        assertThat(sequence.passed()).isFalse();
        assertThat(sequence.violations()).as("ids 4..42 would collide: the sequence is at 3").isEqualTo(39);

        execute(url, "SELECT setval(pg_get_serial_sequence('line', 'id'), 42)");
        assertThat(validate(url, introspect(url), Map.of())).filteredOn(r -> r.name().equals(PostgresValidator.SEQUENCE))
                .singleElement().matches(CheckResult::passed);
    }

    @Test
    void aCheckThatCannotRunFailsAloneAndTheConnectionIsLeftAsItWas() throws SQLException {
        String url = server.createDatabase("validator_missing");
        execute(url, SCHEMA + CLEAN_DATA);
        SchemaModel original = introspect(url);
        execute(url, "DROP TABLE app.review");
        try (Connection connection = connect(url)) {
            List<CheckResult> results = PostgresValidator.validate(connection, original, Map.of("app.review", 2L));

            assertThat(results).filteredOn(r -> r.table().equals("app.review")).hasSize(4).allSatisfy(r -> {
                assertThat(r.passed()).isFalse();
                assertThat(r.violations()).isEqualTo(-1);
                assertThat(r.examples().get(r.examples().size() - 1)).startsWith("check could not run [42P01]");
            });
            assertThat(results).filteredOn(r -> !r.table().equals("app.review")).allMatch(CheckResult::passed);
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(connection.isReadOnly()).isFalse();

            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            assertThatThrownBy(() -> PostgresValidator.validate(connection, original, Map.of()))
                    .isInstanceOf(IllegalStateException.class);
            connection.rollback();
        }
    }

    @Test
    void runsInAReadOnlyTransaction() throws SQLException {
        // a partial-index predicate that writes (nextval) cannot run in a READ ONLY transaction
        execute(cleanUrl, "CREATE SEQUENCE IF NOT EXISTS app.probe");
        Table member = model.table(new QualifiedName("app", "org_member"));
        UniqueKey writing = new UniqueKey("writing_probe", List.of("email"), UniqueKey.Kind.UNIQUE_INDEX, false,
                "nextval('app.probe'::regclass) > 0", List.of());
        Table probed = new Table(member.name(), member.columns(), List.of(writing), List.of(), List.of(), null);

        List<CheckResult> results = validate(cleanUrl, new SchemaModel(List.of(probed)), Map.of());

        assertThat(check(results, "unique", "writing_probe").examples())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("check could not run [25006]");
        assertThat(results).filteredOn(r -> r.name().equals("not-null")).hasSize(4).allMatch(CheckResult::passed);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static CheckResult check(List<CheckResult> results, String name, String constraint) {
        List<CheckResult> matches = results.stream().filter(r -> r.name().equals(name) && constraint.equals(r.constraint())).toList();
        assertThat(matches).as(name + " " + constraint).hasSize(1);
        return matches.get(0);
    }

    private static CheckResult notNull(List<CheckResult> results, String table, String column) {
        Optional<CheckResult> match = results.stream()
                .filter(r -> r.name().equals("not-null") && r.table().equals(table) && r.examples().contains("column=" + column))
                .findFirst();
        assertThat(match).as("not-null " + table + "." + column).isPresent();
        return match.get();
    }

    private static List<CheckResult> validate(String url, SchemaModel schema, Map<String, Long> expected) throws SQLException {
        try (Connection connection = connect(url)) {
            return PostgresValidator.validate(connection, schema, expected);
        }
    }

    private static SchemaModel introspect(String url) throws SQLException {
        try (Connection connection = connect(url)) {
            return PostgresIntrospector.introspect(connection, IntrospectionOptions.all());
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, server.user(), server.password());
    }
}
