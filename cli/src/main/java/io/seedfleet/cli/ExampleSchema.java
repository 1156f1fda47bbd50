package io.seedfleet.cli;

import io.seedfleet.core.sink.JdbcTarget;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** The example multi-tenant SaaS schema the demo seeds, and the row counts that keep it in proportion. */
public final class ExampleSchema {
    private ExampleSchema() {}

    public static void create(JdbcTarget target) throws Exception {
        try (InputStream in = ExampleSchema.class.getResourceAsStream("/demo/saas-schema.sql");
             Connection c = target.open();
             Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Explicit counts for the tables that set the shape; the rest follow by fan-out. */
    public static Map<String, Long> rows(long organizations, long users) {
        Map<String, Long> rows = new TreeMap<>();
        rows.put("app.plans", 5L);
        rows.put("app.organizations", organizations);
        rows.put("app.users", users);
        rows.put("app.memberships", users * 6 / 5);
        rows.put("app.team_members", users / 2);
        rows.put("app.project_members", users / 2);
        return rows;
    }
}
