package io.seedfleet.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.negative.NegativeRows;
import io.seedfleet.core.negative.NegativeRows.NegativeRow;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every negative row that breaks a database constraint is refused by the database, next to the valid dataset. */
class NegativeRowsTest {

    @Test
    void eachRowBreaksTheRuleItNames() throws Exception {
        JdbcTarget target = TestDatabases.withExampleSchema("negative");
        SchemaModel schema = TestDatabases.introspect(target);
        GenerationPlan plan = Planner.plan(schema, new RowCounts(Map.of("plans", 5L), 200, 1), 8);
        Dataset dataset = Dataset.of(plan);
        LocalRun.execute(target, dataset, LocalRun.Options.defaults("valid"));

        TableGenerator users = dataset.table(QualifiedName.parse("app.users"));
        List<NegativeRow> rows = NegativeRows.rows(users, 2);
        assertThat(rows).extracting(r -> r.violation().rule())
                .contains("not-null", "too-long", "check-length", "malformed-email", "duplicate-key:users_email_key", "duplicate-key:users_pkey");
        int refused = 0;
        try (Connection c = target.open()) {
            c.setAutoCommit(false);
            for (NegativeRow row : rows) {
                if (row.violation().rule().equals("malformed-email")) continue; // no database rule: for application validators
                ObjectNode json = Events.JSON.createObjectNode();
                for (int i = 0; i < users.insertColumns().size(); i++) json.put(users.insertColumns().get(i), row.values().get(i));
                Savepoint sp = c.setSavepoint();
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO app.users OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(null::app.users, ?::json)")) {
                    ps.setString(1, json.toString());
                    assertThatThrownBy(ps::executeUpdate).as(row.violation().describe()).isInstanceOf(java.sql.SQLException.class);
                    refused++;
                } finally {
                    c.rollback(sp);
                }
            }
            c.rollback();
        }
        assertThat(refused).isGreaterThan(20);
        StringWriter csv = new StringWriter();
        assertThat(NegativeRows.write(users, 2, csv)).isEqualTo(rows.size());
        assertThat(csv.toString()).startsWith("id,email,").contains("malformed-email on email");
    }
}
