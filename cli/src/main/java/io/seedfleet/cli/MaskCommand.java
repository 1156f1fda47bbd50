package io.seedfleet.cli;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.method.Maskers;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.masking.pii.PiiFinding;
import io.seedfleet.masking.proof.LeakCheck;
import io.seedfleet.masking.proof.PrivacyReport;
import io.seedfleet.masking.proof.ReportJson;
import io.seedfleet.masking.proof.StatisticsReport;
import io.seedfleet.masking.run.ColumnMaskers;
import io.seedfleet.masking.run.ColumnMaskers.ColumnRef;
import io.seedfleet.masking.run.MaskRun;
import io.seedfleet.masking.run.MaskSummary;
import io.seedfleet.masking.run.MaskingPlan;
import io.seedfleet.masking.run.MaskingRules;
import io.seedfleet.masking.run.SourceScan;
import io.seedfleet.masking.run.Subset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Copies a production database into an empty one, masking its personal data, and proves nothing leaked. */
@Command(name = "mask", mixinStandardHelpOptions = true,
        description = "Copy a PostgreSQL database into an empty one with its personal data masked (joins kept), check no value leaked, and report; "
                + "the key comes from SEEDFLEET_MASKING_SECRET. Exits 1 when a value leaked.")
final class MaskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--source", required = true, paramLabel = "<jdbc-url>", description = "The production database to copy; only read, in one snapshot")
    String source;

    @Option(names = "--rules", paramLabel = "<rules.yaml>",
            description = "A data definition whose spec.masking says how each column is masked (default: the rules scan-pii proposes)")
    Path rules;

    @Option(names = "--strict", description = "Refuse to run when a column the scanner flags as personal data has no rule")
    boolean strict;

    @Option(names = "--subset", paramLabel = "<table:N% | table:WHERE cond>",
            description = "Copy only these rows and every row they need through foreign keys, e.g. 'public.customer:10%'")
    List<String> subsets = List.of();

    @Option(names = "--standard", paramLabel = "gdpr|hipaa|ccpa", defaultValue = "gdpr", description = "Privacy standard of the report (default: ${DEFAULT-VALUE})")
    String standard;

    @Option(names = "--report-dir", paramLabel = "<dir>", description = "Write privacy-report.json, statistics-report.json and leak-report.json there")
    Path reportDir;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4", description = "Concurrent copy streams (default: ${DEFAULT-VALUE})")
    int parallelism;

    /** Where the key comes from; tests put their own here. The key is never printed. */
    Supplier<MaskingSecret> secret = MaskingSecret::fromEnvironment;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JdbcTarget from = target.target(source);
        JdbcTarget to = target.target();
        PrivacyReport.Standard privacy = PrivacyReport.Standard.parse(standard);
        List<Subset> subset = subsets.stream().map(Subset::parse).toList();
        MaskingSecret key = secret.get();

        SourceScan scanned = SourceScan.of(from);
        SchemaModel model = scanned.model();
        List<PiiFinding> findings = scanned.findings();
        Map<String, Map<String, MaskRule>> masking = rules != null ? MaskingRules.fromDefinitions(rules) : MaskingRules.proposed(findings);
        if (strict) MaskingRules.requireRules("--strict", findings, masking, model);

        MaskingPlan plan = new MaskingPlan(masking, (rule, table, column) -> Maskers.of(rule, table, column, key), subset);
        MaskSummary summary = MaskRun.execute(from, to, plan, new MaskRun.Options(parallelism, 50_000));
        out.printf(Locale.ROOT, "masked %,d rows of %d tables in %.1f s (%,.0f rows/s)%n", summary.rows(), summary.rowsPerTable().size(),
                summary.elapsed().toMillis() / 1000.0, summary.rowsPerSecond());

        Map<ColumnRef, MaskRule> effective = ColumnMaskers.resolve(model, plan).effectiveRules();
        List<ColumnRef> personal = MaskingRules.personalColumns(findings, effective, model);
        LeakCheck.Result leaks = LeakCheck.run(from, to, personal, MaskingRules.copiedAsIs(model, effective));
        out.printf(Locale.ROOT, "leak check: %d leaked values from %d personal-data columns (%,d target values checked)%n",
                leaks.total(), personal.size(), leaks.valuesChecked());
        for (LeakCheck.Leak leak : leaks.leaks()) {
            out.printf(Locale.ROOT, "  %s -> %s: %d exact, %d normalised%n", leak.source(), leak.target(), leak.exact(), leak.normalised());
        }
        for (LeakCheck.Leak shared : leaks.carried()) {
            out.printf(Locale.ROOT, "  shared, not leaked: %s ~ %s: %d values this unmasked column already held in the source%n",
                    shared.source(), shared.target(), shared.total());
        }
        PrivacyReport report = PrivacyReport.of(findings, effective, privacy);
        out.printf(Locale.ROOT, "%s: %s%n", report.standard(), report.compliant() ? "every identifier found was masked" : "some identifiers found were NOT masked");
        if (reportDir != null) {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("privacy-report.json"), ReportJson.write(report));
            Files.writeString(reportDir.resolve("statistics-report.json"), ReportJson.write(StatisticsReport.compare(from, to, model)));
            Files.writeString(reportDir.resolve("leak-report.json"), ReportJson.write(leaks));
            out.println("reports written to " + reportDir);
        }
        out.flush();
        return leaks.total() == 0 ? 0 : 1;
    }
}
