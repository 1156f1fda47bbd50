package io.seedfleet.coordinator.masking;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.event.MaskingRequested;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.core.run.DefinitionReference;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.fleet.LoadLevels;
import io.seedfleet.masking.fleet.MaskingLedger;
import io.seedfleet.masking.method.Maskers;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.masking.pii.PiiFinding;
import io.seedfleet.masking.run.ColumnMaskers;
import io.seedfleet.masking.run.MaskRun;
import io.seedfleet.masking.run.MaskingException;
import io.seedfleet.masking.run.MaskingPlan;
import io.seedfleet.masking.run.MaskingRules;
import io.seedfleet.masking.run.SourceScan;
import io.seedfleet.masking.run.Subset;
import io.seedfleet.masking.run.TargetDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a masking request into a running copy, as the CLI's {@code mask} starts one: the source's
 * model read and scanned for personal data, the rules resolved (given, or proposed by the scanner)
 * and checked against the model, the target checked empty and given the source's schema with its
 * foreign keys set aside, the run registered in the target's ledger, one snapshot exported and held
 * open, and the tables split into key ranges in that snapshot. Anything that fails on the way leaves
 * source and target as they were.
 *
 * <p>The coordinator never masks a value, so it needs no secret: without {@code seedfleet.masking.secret}
 * the rules are checked (methods, params, bijective keys) with a throwaway key.
 */
@ApplicationScoped
public class MaskingPlanner {
    /** What planning made: the run to hold open, its work by stage, and rows per table in the snapshot. */
    record Planned(ActiveMasking active, List<MaskingWork> work, Map<String, Long> rowCounts, int stageCount) {}

    private final MaskingSecret checkingSecret;
    private final long chunkRows;

    MaskingPlanner(@ConfigProperty(name = "seedfleet.masking.secret") Optional<String> secret,
                   @ConfigProperty(name = "seedfleet.masking.chunk-rows", defaultValue = "50000") long chunkRows) {
        this.checkingSecret = secret.filter(s -> !s.isBlank()).map(MaskingSecret::of).orElseGet(MaskingPlanner::throwaway);
        this.chunkRows = chunkRows;
    }

    Planned plan(String runId, MaskingRequested request, JdbcTarget source, JdbcTarget target) throws SQLException {
        if (!source.isPostgres() || !target.isPostgres()) throw new MaskingException("masking copies PostgreSQL into PostgreSQL");
        SourceScan scanned = SourceScan.of(source);
        SchemaModel model = scanned.model();
        List<PiiFinding> findings = scanned.findings();
        Map<String, Map<String, MaskRule>> rules = request.rules() != null && !request.rules().isBlank()
                ? MaskingRules.fromDefinitions("the rules of request " + runId, DefinitionReference.text(request.rules()))
                : MaskingRules.proposed(findings);
        if (request.strictMode()) MaskingRules.requireRules(findings, rules, model);
        List<Subset> subsets = request.subsets().stream().map(Subset::parse).toList();
        MaskingPlan plan = new MaskingPlan(rules, (rule, table, column) -> Maskers.of(rule, table, column, checkingSecret), subsets);
        Map<ColumnMaskers.ColumnRef, MaskRule> effective = ColumnMaskers.resolve(model, plan).effectiveRules();

        Connection holder = source.open();
        boolean created = false;
        try (Connection admin = target.open()) {
            // Planned again after a crash half way through planning: what that attempt created is this run's, not the user's.
            Optional<SchemaModel> leftOver = MaskingLedger.leftOver(admin, runId);
            if (leftOver.isPresent()) {
                TargetDatabase.dropCreated(admin, leftOver.get());
                MaskingLedger.drop(admin);
            }
            TargetDatabase.requireEmpty(admin);
            String snapshot = MaskRun.exportSnapshot(holder);
            List<MaskRun.KeyRange> ranges = subsets.isEmpty() ? MaskRun.ranges(holder, model, request.chunkRows() != null && request.chunkRows() > 0 ? request.chunkRows() : chunkRows) : subsetTables(holder, model, subsets);
            created = true;
            List<TargetDatabase.ForeignKeyDefinition> fks = TargetDatabase.create(admin, model);
            MaskingLedger.register(admin, runId, model);

            Map<QualifiedName, Integer> levels = LoadLevels.of(model);
            Map<String, Integer> numbers = new HashMap<>();
            Map<String, Long> rowCounts = new TreeMap<>();
            List<MaskingWork> work = new ArrayList<>();
            int stages = 0;
            for (MaskRun.KeyRange range : ranges) {
                String table = range.table().name().toString();
                int stage = levels.get(range.table().name());
                stages = Math.max(stages, stage + 1);
                rowCounts.put(table, range.rows());
                work.add(new MaskingWork(runId, request.source(), request.target(), snapshot, stage, table, numbers.merge(table, 1, Integer::sum) - 1,
                        range.keyColumn(), range.from(), range.to(), rules, request.subset()));
            }
            ActiveMasking active = new ActiveMasking(runId, holder, snapshot, model, fks,
                    MaskingRules.personalColumns(findings, effective, model), MaskingRules.copiedAsIs(model, effective));
            return new Planned(active, work, rowCounts, stages);
        } catch (SQLException | RuntimeException e) {
            SourceSnapshots.close(holder);
            if (created) {
                try (Connection admin = target.open()) {
                    TargetDatabase.dropCreated(admin, model);
                    MaskingLedger.drop(admin);
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** With a subset, each table is one range: the rows the subset chose for it (chosen again, in the same snapshot, by each worker). */
    private static List<MaskRun.KeyRange> subsetTables(Connection snapshot, SchemaModel model, List<Subset> subsets) throws SQLException {
        Map<QualifiedName, Set<String>> chosen = MaskRun.subsetRows(snapshot, model, subsets);
        List<MaskRun.KeyRange> ranges = new ArrayList<>();
        for (Table table : model.tables()) {
            Set<String> ids = chosen.get(table.name());
            if (ids != null && !ids.isEmpty()) ranges.add(new MaskRun.KeyRange(table, null, null, null, ids.size()));
        }
        return ranges;
    }

    private static MaskingSecret throwaway() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return MaskingSecret.of(HexFormat.of().formatHex(key));
    }

}
