package io.seedfleet.masking.run;

import static io.seedfleet.masking.run.MaskingFixtures.count;
import static io.seedfleet.masking.run.MaskingFixtures.introspect;
import static io.seedfleet.masking.run.MaskingFixtures.joinCounts;
import static io.seedfleet.masking.run.MaskingFixtures.maskers;
import static io.seedfleet.masking.run.MaskingFixtures.md5PerTable;
import static io.seedfleet.masking.run.MaskingFixtures.newDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import io.seedfleet.masking.proof.LeakCheck;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaskRunTest {
    private static final String SECRET = "a-test-secret-of-32-characters!!";
    private static JdbcTarget production;
    private static SchemaModel schema;
    private static Map<String, String> sourceBefore;

    @BeforeAll
    static void production() throws Exception {
        production = MaskingFixtures.production("mask_prod", 3000);
        schema = introspect(production);
        sourceBefore = md5PerTable(production, schema);
    }

    private static MaskingPlan plan(String secret) {
        return new MaskingPlan(MaskingFixtures.rules(), maskers(secret), List.of());
    }

    private static List<ColumnMaskers.ColumnRef> pii() {
        return MaskingFixtures.piiColumns().stream().map(LeakCheck::column).toList();
    }

    @Test
    void masksACopyThatLeaksNothingKeepsEveryJoinAndValidates() throws Exception {
        JdbcTarget target = newDatabase("mask_copy");
        MaskSummary summary = MaskRun.execute(production, target, plan(SECRET), new MaskRun.Options(2, 700));
        System.out.printf("masked %d rows in %d tables in %.2f s: %.0f rows/s%n", summary.rows(), summary.rowsPerTable().size(),
                summary.elapsed().toMillis() / 1000.0, summary.rowsPerSecond());

        assertThat(summary.rows()).isGreaterThan(10_000);
        for (var table : schema.tables()) {
            String name = table.name().toString();
            assertThat(count(target, "SELECT count(*) FROM " + table.name().sql()))
                    .as(name).isEqualTo(count(production, "SELECT count(*) FROM " + table.name().sql()));
        }
        Map<String, Long> sourceJoins = joinCounts(production, schema);
        assertThat(sourceJoins.values()).anyMatch(n -> n > 1000);
        assertThat(joinCounts(target, schema)).isEqualTo(sourceJoins);

        LeakCheck.Result leaks = LeakCheck.run(production, target, pii());
        assertThat(leaks.valuesChecked()).isGreaterThan(10_000);
        assertThat(leaks.total()).as("leaked values: %s", leaks.leaks()).isZero();
        // Single words (first names, surnames, billing names from a word pool) also occur as cities or
        // team names, unmasked and not personal there; no masked column may hold any of them.
        LeakCheck.Result words = LeakCheck.run(production, target, MaskingFixtures.wordColumns().stream().map(LeakCheck::column).toList());
        assertThat(words.leaks()).filteredOn(l -> MaskingFixtures.maskedColumns().contains(l.target().toString())).isEmpty();
        assertThat(words.leaks()).as("the check does see the words shared with unmasked columns").isNotEmpty();
        // Told which columns the run copied unmasked, the check sees those words were already there: carried, not leaked.
        java.util.Set<ColumnMaskers.ColumnRef> copied = new java.util.HashSet<>();
        schema.tables().forEach(t -> t.columns().forEach(c -> {
            if (!MaskingFixtures.maskedColumns().contains(t.name() + "." + c.name())) copied.add(new ColumnMaskers.ColumnRef(t.name(), c.name()));
        }));
        List<ColumnMaskers.ColumnRef> wordColumns = MaskingFixtures.wordColumns().stream().map(LeakCheck::column).toList();
        LeakCheck.Result carried = LeakCheck.run(production, target, wordColumns, copied);
        assertThat(carried.carriedTotal()).isEqualTo(words.leaks().stream()
                .filter(l -> copied.contains(l.target()) && !wordColumns.contains(l.target())).mapToLong(LeakCheck.Leak::total).sum()).isPositive();
        assertThat(carried.total()).isEqualTo(words.total() - carried.carriedTotal());
        assertThat(count(target, "SELECT min(id) FROM app.users")).as("the user keys were masked too")
                .isGreaterThan(count(production, "SELECT max(id) FROM app.users"));

        LeakCheck.Fingerprints fingerprints;
        try (Connection c = production.open()) {
            fingerprints = LeakCheck.fingerprint(c, pii());
        }
        try (Connection c = target.open()) {
            List<CheckResult> results = PostgresValidator.validate(c, introspect(target), Map.of(), List.of(LeakCheck.asValidatorCheck(fingerprints)));
            assertThat(results).filteredOn(r -> !r.passed()).isEmpty();
            assertThat(results).filteredOn(r -> r.name().equals(LeakCheck.CHECK_NAME)).hasSize(pii().size());
            assertThat(results).filteredOn(r -> r.name().equals(PostgresValidator.FOREIGN_KEY)).hasSizeGreaterThan(20);
        }
        assertThat(md5PerTable(production, schema)).as("the source is unchanged").isEqualTo(sourceBefore);
    }

    @Test
    void theSameSecretGivesTheSameCopyAndAnotherSecretAnotherOne() throws Exception {
        JdbcTarget first = newDatabase("mask_same_a");
        JdbcTarget second = newDatabase("mask_same_b");
        JdbcTarget other = newDatabase("mask_other");
        MaskRun.execute(production, first, plan(SECRET), new MaskRun.Options(2, 1000));
        MaskRun.execute(production, second, plan(SECRET), new MaskRun.Options(1, 100_000));
        MaskRun.execute(production, other, plan("another-secret-of-32-characters!"), MaskRun.Options.defaults());

        Map<String, String> a = md5PerTable(first, schema);
        assertThat(md5PerTable(second, schema)).isEqualTo(a);
        Map<String, String> b = md5PerTable(other, schema);
        assertThat(b.get("app.users")).isNotEqualTo(a.get("app.users"));
        assertThat(b.get("app.memberships")).as("references follow their masked key").isNotEqualTo(a.get("app.memberships"));
        assertThat(b.get("app.plans")).as("unmasked tables are copied as they are").isEqualTo(a.get("app.plans"))
                .isEqualTo(sourceBefore.get("app.plans"));
        LeakCheck.Result leaks = LeakCheck.run(production, first, pii());
        assertThat(leaks.total()).isZero();
    }

    @Test
    void refusesAUniqueColumnWithAMaskerThatIsNotBijective() throws Exception {
        JdbcTarget target = newDatabase("mask_lossy");
        Map<String, Map<String, MaskRule>> rules = new HashMap<>(MaskingFixtures.rules());
        rules.put("app.users", Map.of("email", new MaskRule("lossy", Map.of())));
        assertThatThrownBy(() -> MaskRun.execute(production, target, new MaskingPlan(rules, maskers(SECRET), List.of()), MaskRun.Options.defaults()))
                .isInstanceOf(MaskingException.class)
                .hasMessageContaining("app.users.email").hasMessageContaining("lossy").hasMessageContaining("not bijective");
        assertThat(count(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'app'")).isZero();
    }

    @Test
    void refusesARuleOnAReferenceWhoseKeyIsNotMasked() {
        JdbcTarget target = newDatabase("mask_ref");
        var rules = Map.of("app.memberships", Map.of("user_id", new MaskRule("shift", Map.of())));
        assertThatThrownBy(() -> MaskRun.execute(production, target, new MaskingPlan(rules, maskers(SECRET), List.of()), MaskRun.Options.defaults()))
                .isInstanceOf(MaskingException.class).hasMessageContaining("app.memberships.user_id").hasMessageContaining("app.users.id");
    }

    @Test
    void refusesATargetThatIsNotEmpty() throws Exception {
        JdbcTarget target = newDatabase("mask_full");
        try (Connection c = target.open(); var s = c.createStatement()) {
            s.execute("CREATE TABLE keep_me (id int)");
        }
        assertThatThrownBy(() -> MaskRun.execute(production, target, plan(SECRET), MaskRun.Options.defaults()))
                .isInstanceOf(MaskingException.class).hasMessageContaining("not empty");
        assertThat(count(target, "SELECT count(*) FROM pg_tables WHERE tablename = 'keep_me'")).isEqualTo(1);
    }

    @Test
    void aFailedRunLeavesTheTargetEmpty() throws Exception {
        JdbcTarget target = newDatabase("mask_fail");
        var rules = Map.of("app.payment_methods", Map.of("billing_name", new MaskRule("boom", Map.of())));
        assertThatThrownBy(() -> MaskRun.execute(production, target, new MaskingPlan(rules, maskers(SECRET), List.of()), MaskRun.Options.defaults()))
                .hasMessageContaining("masker failed");
        assertThat(count(target, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")).isZero();
        assertThat(count(target, "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND n.nspname = 'public'")).isZero();
        // and a run into the same database now succeeds
        MaskRun.execute(production, target, plan(SECRET), MaskRun.Options.defaults());
        assertThat(count(target, "SELECT count(*) FROM app.users")).isEqualTo(count(production, "SELECT count(*) FROM app.users"));
    }

    @Test
    void aSubsetIsReferentiallyCompleteAndSmaller() throws Exception {
        JdbcTarget target = newDatabase("mask_subset");
        MaskingPlan subset = new MaskingPlan(MaskingFixtures.rules(), maskers(SECRET), List.of(Subset.parse("app.organizations:WHERE id <= 10")));
        MaskSummary summary = MaskRun.execute(production, target, subset, MaskRun.Options.defaults());

        long orgs = count(target, "SELECT count(*) FROM app.organizations");
        assertThat(orgs).isGreaterThanOrEqualTo(10).isLessThan(count(production, "SELECT count(*) FROM app.organizations"));
        assertThat(count(target, "SELECT count(*) FROM app.memberships")).isPositive()
                .isLessThan(count(production, "SELECT count(*) FROM app.memberships"));
        assertThat(summary.rows()).isLessThan(count(production, "SELECT sum(n_live_tup) FROM pg_stat_user_tables WHERE schemaname = 'app'"));
        // every foreign key was added back, so PostgreSQL validated every row; the validator agrees
        try (Connection c = target.open()) {
            List<CheckResult> results = PostgresValidator.validate(c, introspect(target), Map.of());
            assertThat(results).filteredOn(r -> !r.passed()).isEmpty();
        }
        assertThat(count(target, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"))
                .isEqualTo(count(production, "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE contype = 'f' AND n.nspname = 'app'"));
    }

    @Test
    void aPercentageSubsetThroughAForeignKeyCycleIsComplete() throws Exception {
        JdbcTarget target = newDatabase("mask_subset_pct");
        MaskingPlan subset = new MaskingPlan(MaskingFixtures.rules(), maskers(SECRET), List.of(Subset.parse("app.organizations:10%")));
        long started = System.nanoTime();
        MaskRun.execute(production, target, subset, MaskRun.Options.defaults());
        System.out.printf("10%% subset chosen and copied in %.2f s%n", (System.nanoTime() - started) / 1e9);
        long orgs = count(target, "SELECT count(*) FROM app.organizations");
        long allOrgs = count(production, "SELECT count(*) FROM app.organizations");
        // organisations -> their creators -> those users' own organisations...: the cycle brings in more than a tenth
        assertThat(orgs).as("a tenth of the organisations, and those the subset needs").isPositive().isLessThan(allOrgs);
        long users = count(target, "SELECT count(*) FROM app.users");
        assertThat(users).isPositive().isLessThan(count(production, "SELECT count(*) FROM app.users"));
        assertThat(count(target, "SELECT count(*) FROM app.users u LEFT JOIN app.organizations o ON o.id = u.default_organization_id "
                + "WHERE u.default_organization_id IS NOT NULL AND o.id IS NULL")).isZero();
        try (Connection c = target.open()) {
            assertThat(PostgresValidator.validate(c, introspect(target), Map.of())).filteredOn(r -> !r.passed()).isEmpty();
        }
    }

    @Test
    void parsesSubsets() {
        assertThat(Subset.parse("public.customer:10%")).isEqualTo(new Subset(io.seedfleet.core.schema.QualifiedName.parse("public.customer"), 10.0, null));
        assertThat(Subset.parse("public.customer:WHERE country = 'FR'").where()).isEqualTo("country = 'FR'");
        assertThatThrownBy(() -> Subset.parse("public.customer")).hasMessageContaining("table:N%");
        assertThatThrownBy(() -> Subset.parse("public.customer:150%")).hasMessageContaining("(0, 100]");
    }

    @Test
    void aColumnReferencingTwoKeysNeedsThemMaskedAlike() throws Exception {
        JdbcTarget source = MaskingFixtures.newDatabase("mask_two_roots");
        try (Connection c = source.open(); var s = c.createStatement()) {
            s.execute("CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY);"
                    + "CREATE TABLE c (id int PRIMARY KEY, ref int REFERENCES a (id) REFERENCES b (id))");
        }
        var rules = Map.of("public.a", Map.of("id", new MaskRule("shift", Map.of())));
        assertThatThrownBy(() -> MaskRun.execute(source, newDatabase("mask_two_roots_t"), new MaskingPlan(rules, maskers(SECRET), List.of()), MaskRun.Options.defaults()))
                .isInstanceOf(MaskingException.class).hasMessageContaining("public.c.ref").hasMessageContaining("masked differently");
        var both = Map.of("public.a", Map.of("id", new MaskRule("shift", Map.of())), "public.b", Map.of("id", new MaskRule("shift", Map.of())));
        JdbcTarget target = newDatabase("mask_two_roots_ok");
        MaskRun.execute(source, target, new MaskingPlan(both, maskers(SECRET), List.of()), MaskRun.Options.defaults());
        assertThat(count(target, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'")).isEqualTo(2);
    }
}
