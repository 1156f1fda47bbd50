package io.seedfleet.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Composite foreign keys that share the tenant column: every row's parents agree on the tenant. */
class MultiTenantTest {

    @Test
    void foreignKeysSharingTheTenantColumnPickParentsOfTheSameTenant() throws Exception {
        JdbcTarget target = TestDatabases.create("tenants", """
                    CREATE TABLE tenants (id bigint PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE customers (tenant_id bigint NOT NULL REFERENCES tenants, id bigint NOT NULL, email text NOT NULL,
                                            PRIMARY KEY (tenant_id, id));
                    CREATE TABLE products (tenant_id bigint NOT NULL REFERENCES tenants, id bigint NOT NULL, sku text NOT NULL,
                                           PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, sku));
                    CREATE TABLE orders (id bigint PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants,
                                         customer_id bigint NOT NULL, product_id bigint,
                                         FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
                                         FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id));
                    """);
        SchemaModel schema = TestDatabases.introspect(target);
        RunSummary summary = LocalRun.execute(target,
                Dataset.of(Planner.plan(schema, new RowCounts(Map.of("tenants", 7L, "customers", 300L, "products", 40L, "orders", 5_000L), 1, 1), 11)),
                LocalRun.Options.defaults("tenants"));
        assertThat(summary.tables().get("public.orders").rows()).isEqualTo(5_000);
        try (Connection c = target.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT tenant_id), count(product_id) FROM orders")) {
            rs.next();
            assertThat(rs.getLong(2)).as("orders spread over every tenant").isEqualTo(7);
            assertThat(rs.getLong(3)).as("most orders have a product").isGreaterThan(4_000);
        }
        List<CheckResult> checks;
        try (Connection c = target.open()) {
            checks = PostgresValidator.validate(c, schema, Map.of());
        }
        assertThat(checks).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
    }
}
