package io.seedfleet.core.sink;

import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a target already holds, asked the same way of PostgreSQL and MySQL (double-quoted names). */
final class TargetTables {
    private TargetTables() {}

    /** Tables of the plan that already hold rows: generating into them would collide or mix datasets. */
    static List<String> nonEmpty(Connection c, GenerationPlan plan) throws SQLException {
        List<String> nonEmpty = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (QualifiedName t : plan.tablesInLoadOrder()) {
                if (plan.rows(t) == 0) continue;
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + t.sql() + ")")) {
                    if (rs.next() && rs.getBoolean(1)) nonEmpty.add(t.toString());
                }
            }
        }
        return nonEmpty;
    }
}
