package io.seedfleet.benchmarks;

import io.seedfleet.cli.ExampleSchema;
import io.seedfleet.cli.FleetClient;
import io.seedfleet.cli.LocalFleet;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationFailed;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.event.ValidationCompleted;
import io.seedfleet.core.sink.JdbcTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fleet as users run it (a real KRaft broker, the coordinator, generator and validator workers
 * as separate processes, an embedded PostgreSQL) measured beside the load limit and the naive loop
 * on the same server, in the same run:
 * <ol>
 *   <li>the users table through the fleet with one, then two generator workers;</li>
 *   <li>the whole example schema at {@code --schema-rows} rows in total, request to validation verdict;</li>
 *   <li>the latency of a small request on the warm fleet (1,000 rows per root table);</li>
 *   <li>peak resident memory of every generator worker after the runs above;</li>
 *   <li>coordinator headroom: synthetic chunk-completed events it absorbs per second.</li>
 * </ol>
 * Usage: {@code FleetBenchmark [--rows N] [--repeats R] [--naive-rows N] [--schema-rows N] [--latency-runs N]
 * [--coordinator-chunks N] [--chunk-rows N] [--sections users,schema,latency,memory,coordinator] [--memory-rows N]}; {@code -Dseedfleet.home} is the checkout with the built services.
 */
public final class FleetBenchmark {
    static final String FLEET_1 = "Seedfleet fleet, 1 generator worker";
    static final String FLEET_2 = "Seedfleet fleet, 2 generator workers";
    private static final Duration LONG_WAIT = Duration.ofMinutes(60);

    private final LocalFleet fleet;
    private final FleetClient client;
    private final long chunkRows;
    private int databases;

    private FleetBenchmark(LocalFleet fleet, FleetClient client, long chunkRows) {
        this.fleet = fleet;
        this.client = client;
        this.chunkRows = chunkRows;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args, 1_000_000);
        long schemaRows = o.count("schema-rows", 1_000_000);
        int latencyRuns = (int) o.count("latency-runs", 5);
        long coordinatorChunks = o.count("coordinator-chunks", 20_000);
        List<String> sections = List.of(o.rest().getOrDefault("sections", "users,schema,latency,coordinator").split(","));
        Path home = Path.of(System.getProperty("seedfleet.home", ".")).toAbsolutePath().normalize();
        System.err.println("Starting the fleet (broker, PostgreSQL, coordinator, validator, 1 generator worker)...");
        try (LocalFleet fleet = LocalFleet.start(home, 1, new PrintWriter(new StringWriter()));
             FleetClient client = new FleetClient(fleet.bootstrapServers());
             UsersTable users = UsersTable.render(fleet.postgres(), sections.contains("users") ? o.rows() : 1_000)) {
            FleetBenchmark bench = new FleetBenchmark(fleet, client, o.count("chunk-rows", 100_000));
            System.out.printf(Locale.ROOT, "%d cores, PostgreSQL %s (embedded, shared by every approach), chunks of %,d rows%n",
                    Runtime.getRuntime().availableProcessors(), users.serverVersion(), bench.chunkRows);
            List<String> memory = new ArrayList<>();
            if (sections.contains("users")) bench.usersTable(users, o, memory);
            if (sections.contains("schema")) {
                bench.exampleSchema(schemaRows, o.repeats());
                memory.add(bench.peakMemory("after the example schema at " + String.format(Locale.ROOT, "%,d", schemaRows) + " rows"));
            }
            if (sections.contains("latency")) bench.smallRequests(latencyRuns);
            if (!memory.isEmpty()) {
                System.out.printf("%n#### Generator worker memory (peak resident set, VmHWM; -Xmx256m)%n%n");
                memory.forEach(System.out::println);
            }
            if (sections.contains("memory")) bench.workerMemory(users, o.count("memory-rows", 100_000_000));
            if (sections.contains("coordinator")) bench.coordinatorHeadroom(coordinatorChunks);
        }
    }

    private void usersTable(UsersTable users, BenchOptions o, List<String> memory) throws Exception {
        Samples samples = new Samples();
        long rows = users.rows();
        Map<String, Long> counts = Map.of("public.organizations", UsersTable.ORGANIZATIONS, "public.users", rows);
        for (int workers = 1; workers <= 2; workers++) {
            if (workers == 2) fleet.addGeneratorWorkers(1);
            String fleetLabel = workers == 1 ? FLEET_1 : FLEET_2;
            // Not counted: every worker's first chunks (JIT, connection pool, the run's plan) and the coordinator's first plan.
            users.measure(UsersTable.Setup.KEYED_EMPTY, 20_000, target -> generate(target, Map.of("public.organizations", UsersTable.ORGANIZATIONS,
                    "public.users", 20_000L), null, 1_000));
            for (int r = 1; r <= o.repeats(); r++) {
                System.err.printf("users table, %d worker(s), repetition %d%n", workers, r);
                samples.add(LoadBenchmark.LOAD_LIMIT, users.loadLimit(), rows);
                if (workers == 1) samples.add(LoadBenchmark.NAIVE, users.naive(o.naiveRows()), o.naiveRows());
                // Timed to generation-completed, keys rebuilt and checked by PostgreSQL, as the load limit is; not the validation after it.
                double[] generation = new double[1];
                users.measure(UsersTable.Setup.KEYED_EMPTY, rows, target -> generation[0] = generate(target, counts, null, chunkRows).generationSeconds());
                samples.add(fleetLabel, generation[0], rows);
            }
            memory.add(peakMemory(String.format(Locale.ROOT, "after %d users runs of %,d rows with %d worker(s)", o.repeats(), rows, workers)));
        }
        System.out.printf(Locale.ROOT, "%n#### The users table, %,d rows (+%,d organizations), %d repetitions, request to generation-completed%n%n",
                rows, UsersTable.ORGANIZATIONS, o.repeats());
        samples.printTable(System.out);
        for (String f : List.of(FLEET_1, FLEET_2)) {
            System.out.printf(Locale.ROOT, "%n%s: %.2f of the load limit (target >= 0.8), %.2fx naive (target >= 4x)", f,
                    samples.ratio(f, LoadBenchmark.LOAD_LIMIT), samples.ratio(f, LoadBenchmark.NAIVE));
        }
        System.out.printf(Locale.ROOT, "%nTwo workers / one worker: %.2fx%n", samples.ratio(FLEET_2, FLEET_1));
    }

    /**
     * Peak resident memory of one generator worker before and after a single users run of
     * {@code rows} rows (no baselines: this measures the worker, not the load).
     */
    private void workerMemory(UsersTable users, long rows) throws Exception {
        String before = peakMemory("before");
        long started = System.nanoTime();
        users.measure(UsersTable.Setup.KEYED_EMPTY, rows, target -> generate(target, Map.of("public.organizations", UsersTable.ORGANIZATIONS,
                "public.users", rows), null, chunkRows));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%n#### Generator worker memory over one run of %,d users rows (%.0f s from request to validation verdict, %,.0f rows/s)%n%n%s%n%s%n", rows, seconds,
                rows / seconds, before, peakMemory("after"));
    }

    /** The example SaaS schema at about {@code totalRows} rows, seeded and validated through the fleet. */
    private void exampleSchema(long totalRows, int repeats) throws Exception {
        // ExampleSchema.rows(o, u) makes about 20 rows per user in all (the demo: 10,000 users, 201,505 rows).
        long usersCount = Math.max(100, totalRows / 20);
        Map<String, Long> counts = ExampleSchema.rows(Math.max(10, usersCount / 20), usersCount);
        Samples samples = new Samples();
        long rows = 0;
        for (int r = 1; r <= repeats; r++) {
            System.err.printf("example schema, repetition %d%n", r);
            JdbcTarget target = exampleDatabase();
            long started = System.nanoTime();
            Outcome outcome = generate(target, counts, 100L, chunkRows);
            rows = outcome.completed().totalRows();
            samples.add("request to generation-completed", outcome.generationSeconds(), rows);
            samples.add("request to validation-completed (verdict: passed)", (System.nanoTime() - started) / 1e9, rows);
            drop(target);
        }
        System.out.printf(Locale.ROOT, "%n#### The example schema (23 tables), %,d rows, %d generator worker(s), %d repetitions%n%n", rows,
                generatorWorkers(), repeats);
        samples.printTable(System.out);
    }

    /** A warm fleet, the example schema at 1,000 rows per root table: request to validation verdict. */
    private void smallRequests(int runs) throws Exception {
        Samples latency = new Samples();
        long rows = 0;
        for (int r = 0; r <= runs; r++) { // run 0 warms the fleet (JIT, connection pools) and is not counted
            JdbcTarget target = exampleDatabase();
            long started = System.nanoTime();
            Outcome outcome = generate(target, ExampleSchema.rows(1_000, 1_000), 1_000L, chunkRows);
            rows = outcome.completed().totalRows();
            if (r > 0) latency.add("request to validation-completed", (System.nanoTime() - started) / 1e9, rows);
            drop(target);
        }
        System.out.printf(Locale.ROOT, "%n#### A small request on the warm fleet: the example schema at 1,000 rows per root table (%,d rows)%n%n", rows);
        latency.printTable(System.out);
        System.out.printf(Locale.ROOT, "%nMedian latency %.2f s (target <= 3 s)%n", latency.medianSeconds("request to validation-completed"));
    }

    /**
     * Generator workers stopped, a one-table run of {@code chunks} chunks is planned; once its chunk-work
     * is all on the broker, a completion for every chunk is sent at once, and the clock runs until the
     * coordinator has absorbed them all and reports generation-completed.
     */
    private void coordinatorHeadroom(long chunks) throws Exception {
        for (String name : fleet.pids().keySet()) {
            if (name.startsWith("generator-worker")) fleet.stop(name, Duration.ofSeconds(20));
        }
        String url = fleet.postgres().createDatabase("headroom");
        JdbcTarget target = new JdbcTarget(url, fleet.postgres().user(), fleet.postgres().password());
        try (Connection c = target.open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ticks (id bigint PRIMARY KEY)");
        }
        String runId = "headroom-" + UUID.randomUUID();
        int perChunk = 10;
        try (KafkaConsumer<String, byte[]> work = consumer(EventType.CHUNK_WORK.topic());
             KafkaProducer<String, byte[]> producer = producer()) {
            client.request(new GenerationRequested(runId, new Target(url, target.user(), target.password()), Map.of("public.ticks", chunks * perChunk),
                    null, null, 1L, perChunk, 0.0, null));
            List<ChunkWork> planned = new ArrayList<>();
            long deadline = System.nanoTime() + LONG_WAIT.toNanos();
            while (planned.size() < chunks && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : work.poll(Duration.ofMillis(500))) {
                    ChunkWork w = Events.fromJson(r.value(), ChunkWork.class);
                    if (w.runId().equals(runId)) planned.add(w);
                }
            }
            if (planned.size() < chunks) throw new IllegalStateException("only " + planned.size() + " of " + chunks + " chunks were planned");
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(planned.size());
            for (ChunkWork w : planned) {
                ChunkCompleted done = new ChunkCompleted(runId, w.stage(), w.table(), w.phase(), w.rowStart(), w.rowEnd(), w.rowEnd() - w.rowStart(),
                        "0", 0, false, "synthetic");
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.CHUNK_COMPLETED.topic(), runId, Events.toJson(done));
                record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                        .add("ce_source", bytes(EventType.SOURCE + "bench")).add("ce_type", bytes(EventType.CHUNK_COMPLETED.type()));
                records.add(record);
            }
            long started = System.nanoTime(); // the events are built before the clock starts: it times the broker and the coordinator
            for (ProducerRecord<String, byte[]> record : records) producer.send(record);
            producer.flush();
            double sent = (System.nanoTime() - started) / 1e9;
            FleetClient.Received end = client.await(runId, LONG_WAIT, () -> {}, EventType.GENERATION_COMPLETED, EventType.GENERATION_FAILED)
                    .orElseThrow(() -> new IllegalStateException("the coordinator did not finish the synthetic run"));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (end.payload() instanceof GenerationFailed f) throw new IllegalStateException("synthetic run failed: " + f.reason());
            System.out.printf(Locale.ROOT, "%n#### Coordinator headroom%n%n%,d synthetic chunk-completed events (sent in %.2f s) absorbed in %.2f s: "
                    + "**%,.0f completions/s** (target >= 10,000)%n", chunks, sent, seconds, chunks / seconds);
        }
    }

    /** A run that completed and passed validation; {@code generationSeconds}: request to generation-completed. */
    record Outcome(GenerationCompleted completed, double generationSeconds) {}

    /** Sends a request and waits for the run's completion and validation verdict; a failure stops the benchmark. */
    private Outcome generate(JdbcTarget target, Map<String, Long> rows, Long defaultRows, long chunkRows) throws Exception {
        String runId = "bench-" + UUID.randomUUID();
        long started = System.nanoTime();
        client.request(new GenerationRequested(runId, new Target(target.url(), target.user(), target.password()), rows, defaultRows, 2.0, 42L,
                (int) chunkRows, null, null));
        FleetClient.Received end = client.await(runId, LONG_WAIT, () -> {}, EventType.GENERATION_COMPLETED, EventType.GENERATION_FAILED)
                .orElseThrow(() -> new IllegalStateException("no completion for " + runId));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (end.payload() instanceof GenerationFailed f) throw new IllegalStateException("run failed: " + f.reason() + " " + f.problems());
        ValidationCompleted validation = (ValidationCompleted) client.await(runId, LONG_WAIT, () -> {}, EventType.VALIDATION_COMPLETED)
                .orElseThrow(() -> new IllegalStateException("no validation for " + runId)).payload();
        if (!validation.passed()) throw new IllegalStateException("validation failed for " + runId);
        return new Outcome((GenerationCompleted) end.payload(), seconds);
    }

    private JdbcTarget exampleDatabase() throws Exception {
        String url = fleet.postgres().createDatabase("example_" + (++databases));
        JdbcTarget target = new JdbcTarget(url, fleet.postgres().user(), fleet.postgres().password());
        ExampleSchema.create(target);
        return target;
    }

    private void drop(JdbcTarget target) throws Exception {
        String name = target.url().substring(target.url().lastIndexOf('/') + 1);
        try (Connection c = new JdbcTarget(fleet.postgres().jdbcUrl("postgres"), target.user(), target.password()).open();
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name + " WITH (FORCE)");
        }
    }

    private long generatorWorkers() {
        return fleet.pids().keySet().stream().filter(name -> name.startsWith("generator-worker")).count();
    }

    /** Peak and current resident memory of each generator worker, from /proc (Linux). */
    private String peakMemory(String when) throws IOException {
        StringBuilder line = new StringBuilder("- " + when + ":");
        for (Map.Entry<String, Long> p : fleet.pids().entrySet()) {
            if (!p.getKey().startsWith("generator-worker")) continue;
            Path status = Path.of("/proc", String.valueOf(p.getValue()), "status");
            if (!Files.exists(status)) continue;
            String hwm = "?";
            String rss = "?";
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("VmHWM:")) hwm = megabytes(l);
                if (l.startsWith("VmRSS:")) rss = megabytes(l);
            }
            line.append(String.format(Locale.ROOT, " %s peak %s MB (now %s MB);", p.getKey(), hwm, rss));
        }
        return line.toString();
    }

    private static String megabytes(String procLine) {
        long kb = Long.parseLong(procLine.replaceAll("[^0-9]", ""));
        return String.valueOf(kb / 1024);
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "seedfleet-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // earlier runs' records are skipped by run id
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
