package io.seedfleet.masking.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.method.Maskers;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.masking.run.MaskRun;
import io.seedfleet.masking.run.MaskingFixtures;
import io.seedfleet.masking.run.MaskingPlan;
import io.seedfleet.masking.run.TargetDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fleet's masking chunks without the fleet: a coordinator's part played by hand (snapshot held
 * open, target created, run registered), chunks executed by two "workers", one of them redelivered.
 */
class MaskingChunksTest {
    private static final String SECRET = "fleet-chunks-secret-0123456789ab";

    static Map<String, Map<String, MaskRule>> rules() {
        MaskRule hash = new MaskRule("hash", Map.of());
        MaskRule email = new MaskRule("email", Map.of());
        return Map.of("app.users", Map.of("email", email, "first_name", hash, "last_name", hash, "display_name", hash),
                "app.organizations", Map.of("billing_email", email),
                "app.invitations", Map.of("email", email));
    }

    private static Target target(JdbcTarget db) {
        return new Target(db.url(), db.user(), db.password());
    }

    @Test
    void chunksWriteOnceAndTogetherEqualTheCliCopy() throws Exception {
        JdbcTarget production = MaskingFixtures.production("fleet_chunks_prod", 400);
        JdbcTarget copy = MaskingFixtures.newDatabase("fleet_chunks_copy");
        SchemaModel model = MaskingFixtures.introspect(production);
        Map<String, String> sourceBefore = MaskingFixtures.md5PerTable(production, model);
        String runId = "chunks-test";

        MaskingChunks workerA = new MaskingChunks("worker-a", MaskingSecret.of(SECRET));
        MaskingChunks workerB = new MaskingChunks("worker-b", MaskingSecret.of(SECRET));
        List<ChunkCompleted> done = new ArrayList<>();
        try (Connection snapshotHolder = production.open(); Connection admin = copy.open()) {
            String snapshot = MaskRun.exportSnapshot(snapshotHolder);
            List<TargetDatabase.ForeignKeyDefinition> fks = TargetDatabase.create(admin, model);
            MaskingLedger.register(admin, runId, model);
            List<MaskRun.KeyRange> ranges = MaskRun.ranges(snapshotHolder, model, 150);
            assertThat(ranges).filteredOn(r -> r.table().name().toString().equals("app.users")).hasSizeGreaterThan(1);

            List<MaskingWork> work = new ArrayList<>();
            Map<String, Integer> numbers = new java.util.HashMap<>();
            for (MaskRun.KeyRange r : ranges) {
                String table = r.table().name().toString();
                int n = numbers.merge(table, 1, Integer::sum) - 1;
                work.add(new MaskingWork(runId, target(production), target(copy), snapshot, 0, table, n, r.keyColumn(), r.from(), r.to(), rules(), null));
            }
            for (int i = 0; i < work.size(); i++) done.add((i % 2 == 0 ? workerA : workerB).execute(work.get(i)));
            assertThat(done).noneMatch(ChunkCompleted::alreadyWritten);

            // Redelivered, to the same worker and to another one: recognised, answered from the ledger, not written again.
            MaskingWork users = work.stream().filter(w -> w.table().equals("app.users")).findFirst().orElseThrow();
            ChunkCompleted first = done.get(work.indexOf(users));
            long usersBefore = MaskingFixtures.count(copy, "SELECT count(*) FROM app.users");
            for (MaskingChunks worker : List.of(workerA, workerB)) {
                ChunkCompleted again = worker.execute(users);
                assertThat(again.alreadyWritten()).isTrue();
                assertThat(again.rows()).isEqualTo(first.rows()).isPositive();
                assertThat(again.checksum()).isEqualTo(first.checksum());
            }
            assertThat(MaskingFixtures.count(copy, "SELECT count(*) FROM app.users")).isEqualTo(usersBefore);

            TargetDatabase.restoreForeignKeys(admin, fks);
            TargetDatabase.advanceSequences(admin, model);
            MaskingLedger.setState(admin, runId, "COMPLETED");
            snapshotHolder.commit();
            // After the run: refused, nothing lands.
            assertThatThrownBy(() -> workerA.execute(users)).isInstanceOf(SQLException.class);
            assertThat(MaskingFixtures.count(copy, "SELECT count(*) FROM app.users")).isEqualTo(usersBefore);
        }

        // The CLI path with the same secret and rules makes the same tables.
        JdbcTarget cli = MaskingFixtures.newDatabase("fleet_chunks_cli");
        MaskRun.execute(production, cli, new MaskingPlan(rules(), (rule, table, column) -> Maskers.of(rule, table, column, MaskingSecret.of(SECRET)),
                List.of()), new MaskRun.Options(2, 1000));
        Map<String, String> cliTables = MaskingFixtures.md5PerTable(cli, model);
        assertThat(MaskingFixtures.md5PerTable(copy, model)).isEqualTo(cliTables);
        assertThat(cliTables).isNotEqualTo(sourceBefore);
        assertThat(MaskingFixtures.md5PerTable(production, model)).isEqualTo(sourceBefore);
        assertThat(done.stream().filter(d -> d.table().equals("app.users")).mapToLong(ChunkCompleted::rows).sum()).isEqualTo(400);
    }
}
