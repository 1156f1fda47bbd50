package io.seedfleet.datasets;

import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Databases on the JVM's shared embedded PostgreSQL, and the example schema generated into them. */
final class Databases {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Databases() {}

    static JdbcTarget create(String prefix, String ddl) throws Exception {
        RunningPostgres pg = SharedPostgres.get();
        JdbcTarget target = new JdbcTarget(pg.createDatabase(prefix + "_" + NEXT.incrementAndGet()), pg.user(), pg.password());
        try (Connection c = target.open(); Statement s = c.createStatement()) {
            s.execute(ddl);
        }
        return target;
    }

    static String exampleDdl() throws Exception {
        try (InputStream in = Databases.class.getResourceAsStream("/demo/saas-schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JdbcTarget example(String prefix) throws Exception {
        return create(prefix, exampleDdl());
    }

    static SchemaModel schema(JdbcTarget target) throws Exception {
        try (Connection c = target.open()) {
            return Introspection.read(c, IntrospectionOptions.all());
        }
    }

    /** The row counts a test dataset uses, as the definition JSON that records them (the inputs a version is recreated from). */
    static String definition(long organizations, long users) {
        return "{\"rows\":{\"app.organizations\":" + organizations + ",\"app.users\":" + users + ",\"app.plans\":5},\"defaultRows\":10,\"fanOut\":1.5}";
    }

    /** Generates with the counts a {@link #definition} names. */
    static RunSummary generate(JdbcTarget target, SchemaModel schema, String definitionJson, long seed) throws Exception {
        var node = Json.MAPPER.readTree(definitionJson);
        Map<String, Long> rows = new TreeMap<>();
        node.get("rows").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
        RowCounts counts = new RowCounts(rows, node.get("defaultRows").asLong(), node.get("fanOut").asDouble());
        return LocalRun.execute(target, Dataset.of(Planner.plan(schema, counts, seed)), LocalRun.Options.defaults("test-" + seed));
    }

    /** Every table's contents as one md5, computed by PostgreSQL over the rows' text in key order. */
    static Map<String, String> contentHashes(JdbcTarget target, SchemaModel schema) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Connection c = target.open(); Statement s = c.createStatement()) {
            for (Table t : schema.tables()) {
                String order = TableQuery.orderBy(Dialect.POSTGRES, t);
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY " + order
                        + "), '')) FROM " + t.name().sql() + " t")) {
                    rs.next();
                    hashes.put(t.name().toString(), rs.getString(1));
                }
            }
        }
        return hashes;
    }
}
