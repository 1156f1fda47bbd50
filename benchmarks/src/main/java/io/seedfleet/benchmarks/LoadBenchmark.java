package io.seedfleet.benchmarks;

import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.plan.Chunks;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.testkit.PostgresServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.datafaker.Faker;
import org.postgresql.PGConnection;

/**
 * Loads N rows of {@link UsersRowBenchmark}'s users table three ways into fresh databases of one embedded
 * PostgreSQL and reports wall time and rows/s: the load limit (Seedfleet's own rows, pre-rendered to COPY
 * files, copied in two streams into the bare table, then keys built), the naive JDBC baseline (Datafaker per
 * column, batched inserts, constraints on) and Seedfleet in-process ({@link LocalRun}, parallelism 2).
 * Usage: {@code LoadBenchmark [--rows N] [--repeats R] [--diagnose]}.
 */
public final class LoadBenchmark {

    /** SEEDFLEET_BARE (only with --diagnose) is not a fair contender: it shows what the keys cost Seedfleet. */
    enum Approach { LOAD_LIMIT, NAIVE, SEEDFLEET, SEEDFLEET_BARE }

    private static final long ORGANIZATIONS = 1_000;
    private static final int STREAMS = 2;
    private static final int BATCH = 1_000;
    private static final String[] STATUSES = {"active", "active", "active", "active", "invited", "suspended", "deleted"};
    private static final String COLUMNS = "id, organization_id, email, first_name, last_name, phone, created_at, status, is_verified, age";
    private static final String BARE_DDL = """
            CREATE TYPE user_status AS ENUM ('active', 'invited', 'suspended', 'deleted');
            CREATE TABLE organizations (id bigint NOT NULL, CONSTRAINT organizations_pkey PRIMARY KEY (id));
            CREATE TABLE users (
                id bigint NOT NULL,
                organization_id bigint NOT NULL,
                email character varying(320) NOT NULL,
                first_name character varying(100) NOT NULL,
                last_name character varying(100) NOT NULL,
                phone character varying(40),
                created_at timestamptz NOT NULL,
                status user_status NOT NULL,
                is_verified boolean NOT NULL,
                age integer,
                CONSTRAINT users_age_check CHECK ((age >= 13) AND (age <= 120)));
            """;
    private static final String KEYS_DDL = """
            ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
            ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
            ALTER TABLE users ADD CONSTRAINT users_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id);
            """;

    private final PostgresServer server;
    private final Dataset dataset;
    private final long rows;
    private final Path files;
    private int databases;

    private LoadBenchmark(PostgresServer server, Dataset dataset, long rows, Path files) {
        this.server = server;
        this.dataset = dataset;
        this.rows = rows;
        this.files = files;
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int repeats = 3;
        boolean diagnose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--diagnose" -> diagnose = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: LoadBenchmark [--rows N] [--repeats R] [--diagnose]");
            }
        }
        SchemaModel schema = new SchemaModel(List.of(UsersRowBenchmark.organizations(), UsersRowBenchmark.users()));
        Dataset dataset = Dataset.of(Planner.plan(schema, new RowCounts(Map.of("organizations", ORGANIZATIONS, "users", rows), 1, 1), 42));
        Path files = Files.createTempDirectory("seedfleet-load-");
        try (PostgresServer server = PostgresServer.start()) {
            LoadBenchmark bench = new LoadBenchmark(server, dataset, rows, files);
            bench.render();
            Map<Approach, List<Double>> seconds = new EnumMap<>(Approach.class);
            for (int r = 1; r <= repeats; r++) {
                // Interleaved, so a noisy moment on the shared machine hits every approach alike.
                for (Approach a : Approach.values()) {
                    if (a == Approach.SEEDFLEET_BARE && !diagnose) continue;
                    double s = bench.measure(a);
                    seconds.computeIfAbsent(a, k -> new ArrayList<>()).add(s);
                    System.err.printf(Locale.ROOT, "run %d %-10s %8.2f s%n", r, a, s);
                }
            }
            report(rows, repeats, bench.serverVersion(), seconds);
        } finally {
            try (var paths = Files.list(files)) {
                for (Path p : paths.toList()) Files.delete(p);
            }
            Files.delete(files);
        }
    }

    /** The engine's COPY text for every row, written before any timing: organizations, then users in halves. */
    private void render() throws IOException {
        write(table("organizations"), 0, ORGANIZATIONS, files.resolve("organizations.copy"));
        long half = (rows + STREAMS - 1) / STREAMS;
        for (int s = 0; s < STREAMS; s++) {
            write(table("users"), s * half, Math.min(rows, (s + 1) * half), files.resolve("users-" + s + ".copy"));
        }
    }

    private static void write(TableGenerator table, long from, long to, Path file) throws IOException {
        CopyTextWriter out = new CopyTextWriter(1 << 20);
        try (OutputStream os = Files.newOutputStream(file)) {
            for (long row = from; row < to; row++) {
                table.writeInsertRow(row, out);
                if (out.length() > (1 << 20) - 4096) {
                    os.write(out.buffer(), 0, out.length());
                    out.reset();
                }
            }
            os.write(out.buffer(), 0, out.length());
        }
    }

    /** One measurement in a fresh database; set-up (DDL, the 1,000 organizations) is outside the timing. */
    private double measure(Approach approach) throws Exception {
        String name = "bench_" + (++databases);
        JdbcTarget target = new JdbcTarget(server.createDatabase(name), server.user(), server.password());
        try (Connection c = target.open(); Statement st = c.createStatement()) {
            st.execute(BARE_DDL);
            if (approach == Approach.NAIVE || approach == Approach.SEEDFLEET) st.execute(KEYS_DDL);
            if (approach == Approach.LOAD_LIMIT || approach == Approach.NAIVE) copy(c, "organizations", table("organizations").insertColumns(), files.resolve("organizations.copy"));
        }
        long started = System.nanoTime();
        switch (approach) {
            case LOAD_LIMIT -> loadLimit(target);
            case NAIVE -> naive(target);
            case SEEDFLEET, SEEDFLEET_BARE -> LocalRun.execute(target, dataset,
                    new LocalRun.Options("bench-" + databases, Chunks.DEFAULT_CHUNK_ROWS, 2, false, p -> {}));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection c = target.open(); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            if (rs.getLong(1) != rows) throw new IllegalStateException(approach + " loaded " + rs.getLong(1) + " rows, not " + rows);
        }
        try (Connection c = new JdbcTarget(server.jdbcUrl("postgres"), server.user(), server.password()).open();
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE " + name); // keeps the disk to one table's worth
        }
        return seconds;
    }

    private void loadLimit(JdbcTarget target) throws Exception {
        List<String> columns = table("users").insertColumns();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(STREAMS);
        try {
            List<Future<?>> streams = new ArrayList<>();
            for (int s = 0; s < STREAMS; s++) {
                Path file = files.resolve("users-" + s + ".copy");
                streams.add(pool.submit(() -> {
                    try (Connection c = target.open()) {
                        copy(c, "users", columns, file);
                    }
                    return null;
                }));
            }
            for (Future<?> f : streams) f.get();
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        long copied = System.nanoTime();
        try (Connection c = target.open(); Statement st = c.createStatement()) {
            st.execute(KEYS_DDL);
        }
        System.err.printf(Locale.ROOT, "      load limit: COPY %.2f s, keys %.2f s%n", (copied - started) / 1e9, (System.nanoTime() - copied) / 1e9);
    }

    private static void copy(Connection c, String table, List<String> columns, Path file) throws SQLException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN", in);
        }
    }

    /** What users write by hand: a Datafaker value per column, JDBC batches of 1,000, a commit per batch. */
    private void naive(JdbcTarget target) throws SQLException {
        JdbcTarget batched = new JdbcTarget(target.url() + "?reWriteBatchedInserts=true", target.user(), target.password());
        Faker faker = new Faker(Locale.US, new Random(42));
        try (Connection c = batched.open();
                PreparedStatement ps = c.prepareStatement("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?::user_status, ?, ?)")) {
            c.setAutoCommit(false);
            for (long id = 1; id <= rows; id++) {
                String first = faker.name().firstName();
                String last = faker.name().lastName();
                ps.setLong(1, id);
                ps.setLong(2, 1 + faker.number().numberBetween(0, ORGANIZATIONS));
                ps.setString(3, first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + id + "@example.com");
                ps.setString(4, first);
                ps.setString(5, last);
                ps.setString(6, faker.phoneNumber().phoneNumber());
                ps.setObject(7, OffsetDateTime.ofInstant(faker.timeAndDate().past(1000, TimeUnit.DAYS), ZoneOffset.UTC));
                ps.setString(8, STATUSES[faker.number().numberBetween(0, STATUSES.length)]);
                ps.setBoolean(9, faker.bool().bool());
                ps.setInt(10, faker.number().numberBetween(18, 91));
                ps.addBatch();
                if (id % BATCH == 0 || id == rows) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private String serverVersion() throws SQLException {
        try (Connection c = new JdbcTarget(server.jdbcUrl("postgres"), server.user(), server.password()).open();
                Statement st = c.createStatement(); var rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private TableGenerator table(String name) {
        return dataset.table(new QualifiedName("public", name));
    }

    private static void report(long rows, int repeats, String postgres, Map<Approach, List<Double>> seconds) {
        System.out.printf(Locale.ROOT, "%n%,d users rows, %d repetition(s), %d cores, PostgreSQL %s%n%n", rows, repeats, Runtime.getRuntime().availableProcessors(), postgres);
        System.out.println("| approach | median s | min–max s | rows/s (median) |");
        System.out.println("|---|---:|---:|---:|");
        Map<Approach, Double> medians = new EnumMap<>(Approach.class);
        for (Approach a : seconds.keySet()) {
            List<Double> s = seconds.get(a).stream().sorted().toList();
            double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
            medians.put(a, median);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f–%.2f | %,.0f |%n", label(a), median, s.get(0), s.get(s.size() - 1), rows / median);
        }
        // Ratios of throughput (rows/s), so higher is better for Seedfleet.
        System.out.printf(Locale.ROOT, "%nSeedfleet / load limit: %.2f   (target >= 0.8)%n", medians.get(Approach.LOAD_LIMIT) / medians.get(Approach.SEEDFLEET));
        System.out.printf(Locale.ROOT, "Seedfleet / naive:      %.2fx  (target >= 4x)%n", medians.get(Approach.NAIVE) / medians.get(Approach.SEEDFLEET));
    }

    private static String label(Approach a) {
        return switch (a) {
            case LOAD_LIMIT -> "load limit (COPY x2 into bare table, then PK + unique + FK)";
            case NAIVE -> "naive (Datafaker + JDBC batches of 1,000)";
            case SEEDFLEET -> "Seedfleet in-process (LocalRun, parallelism 2)";
            case SEEDFLEET_BARE -> "diagnostic: Seedfleet into the bare table (no PK, unique or FK)";
        };
    }
}
