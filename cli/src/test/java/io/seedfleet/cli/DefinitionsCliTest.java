package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.cli.CliTest.Outcome;
import io.seedfleet.core.definition.DefinitionReader;
import io.seedfleet.sources.ddl.PostgresDdlFiles;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example definitions through the CLI: the billing scenario, 10,000 users across 500 organisations, init, recreate. */
class DefinitionsCliTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final RunningPostgres pg = SharedPostgres.get();
    private static final Pattern RECORDED = Pattern.compile("Dataset ([0-9a-f]{64}) recorded");

    private static String billingDatabase(String name) throws Exception {
        String url = pg.createDatabase(name);
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            PostgresDdlFiles.apply(c, List.of(EXAMPLES.resolve("billing/schema.sql")));
        }
        return url;
    }

    @Test
    void theBillingScenarioHasEveryStateWithItsRelativeDatesAndRecreatesByteForByte(@TempDir Path store) throws Exception {
        String url = billingDatabase("billing_scenario");
        Outcome generated = CliTest.run("generate", "--target", url, "--user", pg.user(), "--definition", EXAMPLES.resolve("billing/billing.yaml").toString(),
                "--scenario", "billing", "--seed", "42", "--store", store.toString());
        assertThat(generated.exitCode()).as(generated.err() + generated.out()).isZero();
        assertThat(generated.out()).contains("Definition validations: 3 checks, 3 passed, 0 failed");

        Map<String, String> states = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password()); Statement s = c.createStatement()) {
            // "now" is the plan's fixed anchor, 2025-01-01T00:00Z, so relative dates are exact.
            try (ResultSet rs = s.executeQuery("""
                    SELECT s.scenario_label, s.state::text, o.slug, p.code,
                           s.trial_ends_at - timestamptz '2025-01-01 00:00+00' AS trial,
                           s.current_period_end - timestamptz '2025-01-01 00:00+00' AS period_end,
                           s.cancel_at - timestamptz '2025-01-01 00:00+00' AS cancel, s.proration_cents, s.usage_units, p.usage_limit
                    FROM billing.subscriptions s JOIN billing.organizations o ON o.id = s.organization_id
                    JOIN billing.plans p ON p.id = s.plan_id""")) {
                while (rs.next()) {
                    states.merge(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " trial=" + rs.getString(5)
                            + " end=" + rs.getString(6) + " cancel=" + rs.getString(7) + " proration=" + rs.getInt(8), (a, b) -> a + " | " + b);
                    assertThat(rs.getInt(9)).isLessThanOrEqualTo(rs.getInt(10));
                }
            }
            assertThat(states).hasSize(15);
            assertThat(states.get("trial ends tomorrow")).startsWith("trialing trial-tomorrow pro-monthly trial=1 day");
            assertThat(states.get("trial expired 3 days ago")).startsWith("expired trial-expired pro-monthly trial=-3 days end=-3 days");
            assertThat(states.get("annual renewal due today")).startsWith("active renewal-today pro-annual").contains("end=00:00:00");
            assertThat(states.get("enterprise annual, renews in 7 days")).startsWith("active enterprise-renewal enterprise-annual").contains("end=7 days");
            assertThat(states.get("canceled, 15 days remaining")).startsWith("canceled canceled-15d").contains("cancel=15 days");
            assertThat(states.get("downgraded mid-cycle, prorated credit")).contains("team-monthly").endsWith("proration=-1500");
            assertThat(states.get("upgraded mid-cycle, prorated charge")).endsWith("proration=1500");
            assertThat(states.get("payment failed, retry scheduled")).startsWith("past_due failed-payment");
            assertThat(states.get("two subscriptions change state at once")).contains(" | ");
            try (ResultSet rs = s.executeQuery("""
                    SELECT count(*), count(DISTINCT organization_id), count(DISTINCT state_changed_at)
                    FROM billing.subscriptions WHERE scenario_label = 'two subscriptions change state at once'""")) {
                rs.next();
                assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).containsExactly(2, 1, 1);
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT o.slug, pm.token, pm.exp_year FROM billing.payment_methods pm JOIN billing.organizations o ON o.id = pm.organization_id
                    WHERE pm.token <> 'pm_card_visa' ORDER BY o.slug""")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3)).isEqualTo("expired-card pm_card_expired 2024");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("failed-payment pm_card_chargeDeclined");
            }
        }
        Outcome validated = CliTest.run("validate", "--target", url, "--user", pg.user(), "--definition", EXAMPLES.resolve("billing/billing.yaml").toString());
        assertThat(validated.exitCode()).as(validated.out()).isZero();
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password()); Statement s = c.createStatement()) {
            s.execute("UPDATE billing.subscriptions SET trial_ends_at = NULL WHERE state = 'trialing'");
        }
        Outcome broken = CliTest.run("validate", "--target", url, "--user", pg.user(), "--definition", EXAMPLES.resolve("billing/billing.yaml").toString());
        assertThat(broken.exitCode()).as(broken.out()).isEqualTo(1);
        assertThat(broken.out()).contains("trials have an end");

        Matcher recorded = RECORDED.matcher(generated.out());
        assertThat(recorded.find()).isTrue();
        String elsewhere = billingDatabase("billing_recreated");
        Outcome recreated = CliTest.run("generate", "--target", elsewhere, "--user", pg.user(), "--recreate", recorded.group(1).substring(0, 12),
                "--store", store.toString());
        assertThat(recreated.exitCode()).as(recreated.err() + recreated.out()).isZero();
        assertThat(recreated.out()).contains("Recreated: every table's checksum matches version").contains("Dataset " + recorded.group(1));
    }

    @Test
    void tenThousandUsersAcrossFiveHundredOrganisations(@TempDir Path store) throws Exception {
        String url = pg.createDatabase("saas_10k");
        ExampleSchema.create(new io.seedfleet.core.sink.JdbcTarget(url, pg.user(), pg.password()));
        Outcome generated = CliTest.run("generate", "--target", url, "--user", pg.user(), "--definition", EXAMPLES.resolve("saas/saas-10k.yaml").toString(),
                "--seed", "42", "--store", store.toString());
        assertThat(generated.exitCode()).as(generated.err() + generated.out()).isZero();
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT (SELECT count(*) FROM app.users), (SELECT count(*) FROM app.organizations),
                            (SELECT min(n) FROM (SELECT count(*) n FROM app.subscriptions GROUP BY organization_id) x),
                            (SELECT max(n) FROM (SELECT count(*) n FROM app.projects GROUP BY organization_id) x),
                            (SELECT count(*) FROM app.organizations o WHERE NOT EXISTS (SELECT 1 FROM app.subscriptions s WHERE s.organization_id = o.id)),
                            (SELECT round(100.0 * count(*) FILTER (WHERE role = 'member') / count(*)) FROM app.memberships)""")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(10_000);
            assertThat(rs.getLong(2)).isEqualTo(500);
            assertThat(rs.getLong(3)).isGreaterThanOrEqualTo(1);
            assertThat(rs.getLong(4)).isLessThanOrEqualTo(12);
            assertThat(rs.getLong(5)).isZero();
            assertThat(rs.getLong(6)).isBetween(66L, 74L);
        }
    }

    @Test
    void initWritesADefinitionThatReadsBackAndGenerates(@TempDir Path dir) throws Exception {
        Path starter = dir.resolve("billing.yaml");
        Outcome init = CliTest.run("init", "--source", EXAMPLES.resolve("billing/schema.sql").toString(), "--out", starter.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(DefinitionReader.read(starter)).hasSize(1);
        String url = billingDatabase("billing_init");
        Outcome generated = CliTest.run("generate", "--target", url, "--user", pg.user(), "--definition", starter.toString(), "--rows", "20",
                "--store", dir.resolve("store").toString());
        assertThat(generated.exitCode()).as(generated.err() + generated.out()).isZero();

        Outcome again = CliTest.run("init", "--source", EXAMPLES.resolve("billing/schema.sql").toString(), "--out", starter.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void aMistakeInADefinitionIsReportedWithItsLineAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong.yaml"), """
                apiVersion: seedfleet.io/v1
                kind: DataDefinition
                metadata: {name: wrong}
                spec:
                  tables:
                    billing.subscriptions:
                      fields:
                        usage_units: {rnage: {min: 1, max: 5}}
                """);
        String url = billingDatabase("billing_wrong");
        Outcome refused = CliTest.run("generate", "--target", url, "--user", pg.user(), "--definition", wrong.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("wrong.yaml:8:").contains("rnage").doesNotContain("\tat ");
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM billing.subscriptions")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
