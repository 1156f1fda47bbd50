package io.seedfleet.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.MysqlSakila;
import io.seedfleet.core.MysqlTestDatabases;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.SchemaModel;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The validator on MariaDB: a generated sakila passes every check; rows broken on purpose are caught with exact counts. */
class MysqlValidatorTest {
    private String database;

    @AfterEach
    void drop() throws Exception {
        if (database != null) MysqlTestDatabases.drop(database);
    }

    @Test
    void aGeneratedSakilaPassesAndDeliberateBreakagesAreCounted() throws Exception {
        database = MysqlTestDatabases.createDatabase();
        MysqlSakila.Run run = MysqlSakila.run(database, "validate", 7);
        Map<String, Long> expected = new TreeMap<>();
        run.summary().tables().forEach((t, total) -> expected.put(t, total.rows()));

        List<CheckResult> clean;
        try (Connection c = run.target().open()) {
            clean = DatabaseValidator.validate(c, run.schema(), expected);
        }
        assertThat(clean).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        assertThat(clean).filteredOn(r -> r.name().equals(PostgresValidator.ROW_COUNT)).hasSize(16);
        assertThat(clean).filteredOn(r -> r.name().equals(PostgresValidator.FOREIGN_KEY)).hasSize(22);
        assertThat(clean).filteredOn(r -> r.name().equals(PostgresValidator.UNIQUE)).hasSize(18);

        try (Connection c = run.target().open(); Statement s = c.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
            // two cities of a country that does not exist
            s.execute("INSERT INTO city (city_id, city, country_id) VALUES (60001, 'Nowhere', 65000), (60002, 'Nowhere Else', 65001)");
            // the same (rental_date, inventory_id, customer_id) three times: two surplus rows
            s.execute("ALTER TABLE rental DROP INDEX rental_date");
            s.execute("INSERT INTO rental (rental_date, inventory_id, customer_id, staff_id)"
                    + " SELECT rental_date, inventory_id, customer_id, staff_id FROM rental WHERE rental_id = 1");
            s.execute("INSERT INTO rental (rental_date, inventory_id, customer_id, staff_id)"
                    + " SELECT rental_date, inventory_id, customer_id, staff_id FROM rental WHERE rental_id = 1");
            // three customers without a first name
            s.execute("ALTER TABLE customer MODIFY first_name VARCHAR(45) NULL");
            s.execute("UPDATE customer SET first_name = NULL WHERE customer_id IN (2, 4, 6)");
        }
        List<CheckResult> broken;
        try (Connection c = run.target().open()) {
            broken = DatabaseValidator.validate(c, run.schema(), expected);
        }
        String city = database + ".city";
        String rental = database + ".rental";
        String customer = database + ".customer";
        assertThat(failed(broken)).containsExactlyInAnyOrder(
                new Failure(PostgresValidator.ROW_COUNT, city, null, 2),
                new Failure(PostgresValidator.FOREIGN_KEY, city, "fk_city_country", 2),
                new Failure(PostgresValidator.ROW_COUNT, rental, null, 2),
                new Failure(PostgresValidator.UNIQUE, rental, "rental_date", 2),
                new Failure(PostgresValidator.NOT_NULL, customer, null, 3));
        assertThat(broken).filteredOn(r -> "fk_city_country".equals(r.constraint())).singleElement()
                .satisfies(r -> assertThat(r.examples()).containsExactly("(country_id=65000)", "(country_id=65001)"));
    }

    @Test
    void checkConstraintsAreReEvaluated() throws Exception {
        database = MysqlTestDatabases.createDatabase();
        MysqlTestDatabases.load(database, """
                CREATE TABLE line (id INT PRIMARY KEY, qty INT NOT NULL, price DECIMAL(8,2),
                  CONSTRAINT qty_positive CHECK (qty > 0), CONSTRAINT price_range CHECK (price BETWEEN 0 AND 1000));
                INSERT INTO line VALUES (1, 1, 10), (2, 5, NULL), (3, 2, 999.99);
                SET SESSION check_constraint_checks = 0;
                INSERT INTO line VALUES (4, 0, 10), (5, -3, 1500), (6, 1, -1);
                """);
        SchemaModel schema;
        List<CheckResult> results;
        try (Connection c = MysqlTestDatabases.target(database).open()) {
            schema = Introspection.read(c, IntrospectionOptions.all());
            results = DatabaseValidator.validate(c, schema, Map.of(database + ".line", 6L));
        }
        assertThat(failed(results)).containsExactlyInAnyOrder(
                new Failure(PostgresValidator.CHECK, database + ".line", "qty_positive", 2),
                new Failure(PostgresValidator.CHECK, database + ".line", "price_range", 2));
        assertThat(results).filteredOn(r -> "qty_positive".equals(r.constraint())).singleElement()
                .satisfies(r -> assertThat(r.examples()).containsExactly("(id=4)", "(id=5)"));
    }

    record Failure(String name, String table, String constraint, long violations) {}

    private static List<Failure> failed(List<CheckResult> results) {
        return results.stream().filter(r -> !r.passed()).map(r -> new Failure(r.name(), r.table(), r.constraint(), r.violations())).toList();
    }
}
