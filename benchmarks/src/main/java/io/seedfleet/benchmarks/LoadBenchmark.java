package io.seedfleet.benchmarks;

import io.seedfleet.core.plan.Chunks;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.testkit.PostgresServer;
import java.util.Locale;

/**
 * Loads N rows of the users table ({@link UsersTable}) into fresh databases of one embedded PostgreSQL
 * three ways, interleaved so that a noisy moment hits every approach alike: the load limit, the naive
 * JDBC baseline and Seedfleet in-process ({@link LocalRun}, parallelism 2, every constraint declared).
 * Usage: {@code LoadBenchmark [--rows N] [--repeats R] [--naive-rows N]}.
 */
public final class LoadBenchmark {
    static final String LOAD_LIMIT = "load limit (COPY x2 into bare table, then PK + unique + FK)";
    static final String NAIVE = "naive (Datafaker + JDBC batches of 1,000)";
    static final String IN_PROCESS = "Seedfleet in-process (LocalRun, parallelism 2)";

    private LoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args, 1_000_000);
        try (PostgresServer server = PostgresServer.start(); UsersTable users = UsersTable.render(server, o.rows())) {
            Samples samples = new Samples();
            for (int r = 1; r <= o.repeats(); r++) {
                System.err.println("repetition " + r);
                samples.add(LOAD_LIMIT, users.loadLimit(), o.rows());
                samples.add(NAIVE, users.naive(o.naiveRows()), o.naiveRows());
                samples.add(IN_PROCESS, users.measure(UsersTable.Setup.KEYED_EMPTY, o.rows(), target -> LocalRun.execute(target, users.dataset(),
                        new LocalRun.Options("bench-" + System.nanoTime(), Chunks.DEFAULT_CHUNK_ROWS, 2, false, p -> {}))), o.rows());
            }
            System.out.printf(Locale.ROOT, "%n%,d users rows, %d repetition(s), %d cores, PostgreSQL %s%n%n", o.rows(), o.repeats(),
                    Runtime.getRuntime().availableProcessors(), users.serverVersion());
            samples.printTable(System.out);
            System.out.printf(Locale.ROOT, "%nSeedfleet in-process / load limit: %.2f   (target >= 0.8)%n", samples.ratio(IN_PROCESS, LOAD_LIMIT));
            System.out.printf(Locale.ROOT, "Seedfleet in-process / naive:      %.2fx  (target >= 4x)%n", samples.ratio(IN_PROCESS, NAIVE));
        }
    }
}
