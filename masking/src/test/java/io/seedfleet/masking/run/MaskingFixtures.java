package io.seedfleet.masking.run;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.method.ColumnMasker;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A "production" database (the example SaaS schema filled by the engine) and simple keyed maskers for the run's tests. */
public final class MaskingFixtures {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private MaskingFixtures() {}

    public static JdbcTarget newDatabase(String prefix) {
        RunningPostgres pg = SharedPostgres.get();
        return new JdbcTarget(pg.createDatabase(prefix + "_" + DATABASES.incrementAndGet()), pg.user(), pg.password());
    }

    public static JdbcTarget production(String prefix, long users) throws Exception {
        JdbcTarget db = newDatabase(prefix);
        try (InputStream in = MaskingFixtures.class.getResourceAsStream("/demo/saas-schema.sql");
             Connection c = db.open(); Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        SchemaModel schema = introspect(db);
        // No edge cases: production holds people's data, not the engine's shared test strings (which
        // would appear in personal and other columns alike and read as leaks).
        var plan = Planner.plan(schema, new RowCounts(Map.of("organizations", users / 20, "users", users, "plans", 5L), 100, 2.0), 7,
                GenerationPlan.DEFAULT_ANCHOR, 0);
        LocalRun.execute(db, Dataset.of(plan), new LocalRun.Options("prod", 5_000, 2, false, p -> {}));
        return db;
    }

    public static SchemaModel introspect(JdbcTarget db) throws SQLException {
        try (Connection c = db.open()) {
            return PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        }
    }

    /** The personal-data columns of the example schema and how the tests mask them. */
    public static Map<String, Map<String, MaskRule>> rules() {
        MaskRule hash = new MaskRule("hash", Map.of());
        return Map.of(
                "app.users", Map.of("id", new MaskRule("shift", Map.of()), "email", new MaskRule("email", Map.of()),
                        "first_name", hash, "last_name", hash, "display_name", hash),
                "app.user_profiles", Map.of("phone", hash),
                "app.organizations", Map.of("billing_email", new MaskRule("email", Map.of())),
                "app.invitations", Map.of("email", new MaskRule("email", Map.of())),
                "app.payment_methods", Map.of("billing_name", hash));
    }

    /** Personal data whose values are distinctive: none may appear anywhere in the copy. */
    public static List<String> piiColumns() {
        return List.of("app.users.email", "app.users.display_name", "app.user_profiles.phone", "app.organizations.billing_email",
                "app.invitations.email");
    }

    /** Personal data made of single common words, which unmasked columns may hold by coincidence. */
    public static List<String> wordColumns() {
        return List.of("app.users.first_name", "app.users.last_name", "app.payment_methods.billing_name");
    }

    public static List<String> maskedColumns() {
        List<String> out = new ArrayList<>();
        rules().forEach((table, columns) -> columns.keySet().forEach(c -> out.add(table + "." + c)));
        return out;
    }

    /**
     * Keyed test maskers: "shift" adds a secret-derived offset to an integer (a bijection), "email"
     * and "hash" replace text by a keyed HMAC (bijective for all practical purposes).
     */
    public static MaskingPlan.MaskerFactory maskers(String secret) {
        return (rule, table, column) -> {
            Mac mac = mac(secret);
            return switch (rule.method()) {
                case "shift" -> bijective(v -> Long.toString(Long.parseLong(v) + 1_000_000L + (Math.abs(secret.hashCode()) % 1000)));
                case "email" -> bijective(v -> hmac(mac, v).substring(0, 20) + "@example.com");
                case "hash" -> bijective(v -> "h" + hmac(mac, v).substring(0, 15));
                case "lossy" -> v -> "same";
                case "boom" -> v -> {
                    throw new IllegalStateException("masker failed");
                };
                default -> throw new IllegalArgumentException(rule.method());
            };
        };
    }

    public static ColumnMasker bijective(ColumnMasker m) {
        return new Bijective(m);
    }

    /** A masker declared bijective. */
    record Bijective(ColumnMasker inner) implements ColumnMasker {
        @Override
        public String mask(String value) {
            return inner.mask(value);
        }

        @Override
        public boolean bijective() {
            return true;
        }
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String hmac(Mac mac, String value) {
        synchronized (mac) {
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** md5 of each table's rows in a stable order. */
    public static Map<String, String> md5PerTable(JdbcTarget db, SchemaModel schema) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (Table t : schema.tables()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM " + SubsetSelector.from(t) + " r")) {
                    rs.next();
                    out.put(t.name().toString(), rs.getString(1));
                }
            }
        }
        return out;
    }

    /** For each foreign key, how many child rows join their parent. */
    public static Map<String, Long> joinCounts(JdbcTarget db, SchemaModel schema) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (Table t : schema.tables()) {
                for (ForeignKey fk : t.foreignKeys()) {
                    List<String> on = new ArrayList<>();
                    for (int i = 0; i < fk.columns().size(); i++) {
                        on.add("p." + Identifiers.quote(fk.referencedColumns().get(i)) + " = c." + Identifiers.quote(fk.columns().get(i)));
                    }
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + SubsetSelector.from(t) + " c JOIN " + SubsetSelector.from(schema.table(fk.referencedTable())) + " p ON " + String.join(" AND ", on))) {
                        rs.next();
                        out.put(t.name() + "." + fk.name(), rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    public static long count(JdbcTarget db, String sql) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
