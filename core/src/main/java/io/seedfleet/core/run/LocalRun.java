package io.seedfleet.core.run;

import io.seedfleet.core.event.GenerationCompleted.TableTotal;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Chunk;
import io.seedfleet.core.plan.Chunks;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.PlanProblem;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.sink.ChunkResult;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.sink.Sink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Generates a dataset into a PostgreSQL or MySQL/MariaDB target (the {@link Sink} for its URL) in this process, with the same chunks, ledger and
 * stages as the fleet, so the tables it writes are byte-identical to a fleet run of the same seed.
 */
public final class LocalRun {

    /** {@code truncate}: empty the tables first instead of refusing a non-empty target. */
    public record Options(String runId, long chunkRows, int parallelism, boolean truncate, boolean disableTriggers, Consumer<Progress> progress) {
        public Options(String runId, long chunkRows, int parallelism, boolean truncate, Consumer<Progress> progress) {
            this(runId, chunkRows, parallelism, truncate, false, progress);
        }

        public static Options defaults(String runId) {
            return new Options(runId, Chunks.DEFAULT_CHUNK_ROWS, 2, false, p -> {});
        }
    }

    public record Progress(long rowsDone, long rowsTotal, QualifiedName table) {}

    private LocalRun() {}

    public static RunSummary execute(JdbcTarget target, Dataset dataset, Options options) throws SQLException {
        long started = System.nanoTime();
        GenerationPlan plan = dataset.plan();
        int workers = Math.max(1, options.parallelism());
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "seedfleet-chunk");
            t.setDaemon(true);
            return t;
        });
        Sink sink = Sink.of(target);
        // The control connection plans, suspends, finishes or undoes; chunk writers have their own.
        try (Connection control = target.open()) {
            for (int i = 0; i < workers; i++) connections.add(target.open());
            if (options.truncate()) sink.truncate(control, plan);
            List<String> nonEmpty = sink.nonEmptyTables(control, plan);
            if (!nonEmpty.isEmpty()) {
                throw new PlanningException(nonEmpty.stream()
                        .map(t -> new PlanProblem(t, null, "already holds rows; Seedfleet only generates into empty tables (or pass --truncate)")).toList());
            }
            sink.prepareLedger(control);
            sink.registerRun(control, options.runId(), plan.schema(), plan.rules());
            sink.setAsideForLoad(control, options.runId(), plan);
            try {
                if (options.disableTriggers()) sink.disableTriggers(control, options.runId(), plan);
                return load(sink, control, connections, pool, dataset, options, started);
            } catch (SQLException | RuntimeException e) {
                pool.shutdownNow(); // let chunks in flight end before their tables are emptied
                awaitQuietly(pool);
                undoQuietly(sink, control, options.runId(), plan, e);
                throw e;
            }
        } finally {
            pool.shutdownNow();
            for (Connection c : connections) closeQuietly(c);
        }
    }

    private static RunSummary load(Sink sink, Connection control, BlockingQueue<Connection> connections, ExecutorService pool, Dataset dataset,
                                   Options options, long started) throws SQLException {
        GenerationPlan plan = dataset.plan();
        TableTotals totals = new TableTotals(plan);
        AtomicLong done = new AtomicLong();
        long total = Chunks.stages(plan, options.chunkRows()).stream().flatMap(List::stream)
                .filter(c -> c.phase() == Chunk.Phase.INSERT).mapToLong(Chunk::rows).sum();
        for (List<Chunk> stage : Chunks.stages(plan, options.chunkRows())) {
            List<Future<?>> futures = new ArrayList<>();
            for (Chunk chunk : stage) {
                futures.add(pool.submit(() -> {
                    Connection c = connections.take();
                    try {
                        ChunkResult r = sink.write(c, options.runId(), dataset.table(chunk.table()), chunk);
                        totals.add(chunk, r);
                        if (chunk.phase() == Chunk.Phase.INSERT) {
                            options.progress().accept(new Progress(done.addAndGet(chunk.rows()), total, chunk.table()));
                        }
                    } finally {
                        connections.put(c);
                    }
                    return null;
                }));
            }
            await(futures);
        }
        sink.finish(control, options.runId(), plan);
        return new RunSummary(options.runId(), plan.seed(), totals.snapshot(), (System.nanoTime() - started) / 1_000_000);
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void undoQuietly(Sink sink, Connection c, String runId, GenerationPlan plan, Exception cause) {
        try {
            sink.undo(c, runId, plan);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void await(List<Future<?>> futures) throws SQLException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException s) throw s;
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new SQLException(e.getCause());
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after the run: nothing useful to do with a failure here
        }
    }

    /** Per-table rows and checksums, summed over chunks and phases in whatever order they finish. */
    static final class TableTotals {
        private final Map<QualifiedName, long[]> totals = new TreeMap<>();

        TableTotals(GenerationPlan plan) {
            for (QualifiedName t : plan.tablesInLoadOrder()) totals.put(t, new long[2]);
        }

        synchronized void add(Chunk chunk, ChunkResult r) {
            long[] t = totals.get(chunk.table());
            if (chunk.phase() == Chunk.Phase.INSERT) t[0] += r.rows();
            t[1] += r.checksum();
        }

        synchronized Map<String, TableTotal> snapshot() {
            Map<String, TableTotal> out = new TreeMap<>();
            totals.forEach((t, v) -> out.put(t.toString(), new TableTotal(v[0], RunSummary.checksumText(v[1]))));
            return out;
        }
    }
}
