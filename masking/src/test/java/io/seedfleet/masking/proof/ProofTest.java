package io.seedfleet.masking.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import io.seedfleet.masking.pii.PiiFinding;
import io.seedfleet.masking.pii.PiiKind;
import io.seedfleet.masking.run.ColumnMaskers.ColumnRef;
import io.seedfleet.masking.run.MaskRun;
import io.seedfleet.masking.run.MaskingFixtures;
import io.seedfleet.masking.run.MaskingPlan;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProofTest {
    private static JdbcTarget production;
    private static JdbcTarget masked;
    private static SchemaModel schema;

    @BeforeAll
    static void maskedCopy() throws Exception {
        production = MaskingFixtures.production("proof_prod", 1000);
        schema = MaskingFixtures.introspect(production);
        masked = MaskingFixtures.newDatabase("proof_masked");
        MaskRun.execute(production, masked, new MaskingPlan(MaskingFixtures.rules(), MaskingFixtures.maskers("proof-secret-0123456789"), List.of()),
                MaskRun.Options.defaults());
    }

    private static List<ColumnRef> pii() {
        return MaskingFixtures.piiColumns().stream().map(LeakCheck::column).toList();
    }

    @Test
    void theLeakCheckFindsPlantedValuesExactlyAndNormalisedAndFailsTheValidator() throws Exception {
        JdbcTarget copy = MaskingFixtures.newDatabase("proof_leaky");
        MaskRun.execute(production, copy, new MaskingPlan(MaskingFixtures.rules(), MaskingFixtures.maskers("proof-secret-0123456789"), List.of()),
                MaskRun.Options.defaults());
        assertThat(LeakCheck.run(production, copy, pii()).total()).isZero();
        String email;
        try (Connection c = production.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT email FROM app.users ORDER BY id LIMIT 1")) {
            rs.next();
            email = rs.getString(1);
        }
        try (Connection c = copy.open(); var ps = c.prepareStatement("UPDATE app.tasks SET title = ? WHERE id IN (SELECT id FROM app.tasks ORDER BY id LIMIT ?)")) {
            ps.setString(1, email);
            ps.setInt(2, 3);
            ps.executeUpdate();
            ps.setString(1, " " + email.toUpperCase().replace("@", " @ ") + " ");
            ps.setInt(2, 1);
            ps.executeUpdate();
        }
        LeakCheck.Result result = LeakCheck.run(production, copy, pii());
        assertThat(result.leaks()).containsExactly(new LeakCheck.Leak(LeakCheck.column("app.users.email"), LeakCheck.column("app.tasks.title"), 2, 1));
        // Titles are copied as they are, but the source held no email there: planted values stay leaks, never "carried".
        LeakCheck.Result excused = LeakCheck.run(production, copy, pii(), java.util.Set.of(LeakCheck.column("app.tasks.title")));
        assertThat(excused.leaks()).isEqualTo(result.leaks());
        assertThat(excused.carried()).isEmpty();

        LeakCheck.Fingerprints fingerprints;
        try (Connection c = production.open()) {
            fingerprints = LeakCheck.fingerprint(c, pii());
        }
        try (Connection c = copy.open()) {
            List<CheckResult> checks = PostgresValidator.validate(c, MaskingFixtures.introspect(copy), Map.of(), List.of(LeakCheck.asValidatorCheck(fingerprints)));
            CheckResult email_ = checks.stream().filter(r -> r.name().equals(LeakCheck.CHECK_NAME) && r.constraint().equals("email") && r.table().equals("app.users")).findFirst().orElseThrow();
            assertThat(email_.passed()).isFalse();
            assertThat(email_.violations()).isEqualTo(3);
            assertThat(String.join(" ", email_.examples())).contains("app.tasks.title").doesNotContain(email).doesNotContain(email.toUpperCase());
            assertThat(checks).filteredOn(r -> r.name().equals(LeakCheck.CHECK_NAME) && !r.table().equals("app.users")).allMatch(CheckResult::passed);
        }
    }

    @Test
    void statisticsShowUnmaskedColumnsUnchangedAndMaskedOnesMoved() throws Exception {
        StatisticsReport report = StatisticsReport.compare(production, masked, schema);
        assertThat(report.columns()).hasSizeGreaterThan(100);
        var byName = new java.util.HashMap<String, StatisticsReport.ColumnStatistics>();
        report.columns().forEach(c -> byName.put(c.table() + "." + c.column(), c));

        Set<String> referencesToUsers = Set.of("reporter_id", "assignee_id");
        var tasks = byName.values().stream().filter(c -> c.table().equals("app.tasks") && c.distance().equals("ks")).toList();
        assertThat(tasks).filteredOn(c -> !referencesToUsers.contains(c.column())).hasSizeGreaterThan(5).allSatisfy(c -> assertThat(c.value()).isZero());
        assertThat(tasks).filteredOn(c -> referencesToUsers.contains(c.column())).as("references follow the shifted user keys")
                .hasSize(2).allSatisfy(c -> assertThat(c.value()).isEqualTo(1.0));
        var email = byName.get("app.users.email");
        assertThat(email.sourceDistinctRatio()).isEqualTo(1.0);
        assertThat(email.targetDistinctRatio()).as("a bijective masker keeps a unique column unique").isEqualTo(1.0);
        var display = byName.get("app.users.display_name");
        assertThat(display.targetNullRate()).as("NULLs stay NULL").isEqualTo(display.sourceNullRate());
        var userId = byName.get("app.users.id");
        assertThat(userId.distance()).isEqualTo("ks");
        assertThat(userId.value()).as("shifted keys move the whole distribution").isEqualTo(1.0);
        var lastName = byName.get("app.users.last_name");
        assertThat(lastName.distance()).isEqualTo("tv");
        assertThat(lastName.value()).isGreaterThan(0.0);
        assertThat(byName.get("app.organizations.name").value()).as("an unmasked text column").isZero();
        assertThat(ReportJson.write(report)).contains("\"sourceNullRate\"").doesNotContain("@example");
    }

    @Test
    void theKolmogorovSmirnovDistanceOfQuantiles() {
        assertThat(StatisticsReport.kolmogorovSmirnov(new double[] {1, 2, 3}, new double[] {1, 2, 3})).isZero();
        assertThat(StatisticsReport.kolmogorovSmirnov(new double[] {1, 2, 3}, new double[] {10, 20, 30})).isEqualTo(1.0);
        assertThat(StatisticsReport.kolmogorovSmirnov(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6})).isEqualTo(0.5);
        assertThat(StatisticsReport.totalVariation(Map.of("a", 5L, "b", 5L), 10, Map.of("a", 5L, "c", 5L), 10)).isEqualTo(0.5);
    }

    @Test
    void theHipaaReportCoversTheEighteenIdentifiersAndFlagsWhatWasNotMasked() {
        QualifiedName users = QualifiedName.parse("app.users");
        List<PiiFinding> findings = List.of(
                new PiiFinding(users, "email", PiiKind.EMAIL, 0.95, List.of(), new MaskRule("email", Map.of())),
                new PiiFinding(users, "first_name", PiiKind.FIRST_NAME, 0.9, List.of(), new MaskRule("fake", Map.of())),
                new PiiFinding(users, "last_name", PiiKind.LAST_NAME, 0.9, List.of(), new MaskRule("fake", Map.of())),
                new PiiFinding(QualifiedName.parse("app.user_profiles"), "phone", PiiKind.PHONE, 0.8, List.of(), new MaskRule("partial", Map.of())));
        Map<ColumnRef, MaskRule> rules = Map.of(
                new ColumnRef(users, "email"), new MaskRule("email", Map.of()),
                new ColumnRef(users, "first_name"), new MaskRule("fake", Map.of()),
                new ColumnRef(users, "last_name"), new MaskRule("keep", Map.of()));
        PrivacyReport hipaa = PrivacyReport.of(findings, rules, PrivacyReport.Standard.parse("hipaa"));

        assertThat(hipaa.identifiers()).hasSize(18);
        Map<String, String> status = new java.util.HashMap<>();
        hipaa.identifiers().forEach(i -> status.put(i.name(), i.status()));
        assertThat(status).containsEntry("6. email addresses", "masked")
                .containsEntry("1. names", "partly-masked")
                .containsEntry("4. telephone numbers", "not-masked")
                .containsEntry("7. social security numbers", "not-found")
                .containsEntry("17. full-face photographs and comparable images", "not-detectable");
        assertThat(hipaa.compliant()).isFalse();

        Map<ColumnRef, MaskRule> all = new java.util.HashMap<>(rules);
        all.put(new ColumnRef(users, "last_name"), new MaskRule("fake", Map.of()));
        all.put(new ColumnRef(QualifiedName.parse("app.user_profiles"), "phone"), new MaskRule("partial", Map.of()));
        PrivacyReport gdpr = PrivacyReport.of(findings, all, PrivacyReport.Standard.GDPR);
        assertThat(gdpr.compliant()).isTrue();
        assertThat(gdpr.identifiers()).filteredOn(i -> i.name().equals("contact details")).singleElement()
                .satisfies(i -> assertThat(i.columns()).hasSize(2));
        assertThat(PrivacyReport.of(findings, all, PrivacyReport.Standard.CCPA).identifiers()).isNotEmpty();
    }
}
