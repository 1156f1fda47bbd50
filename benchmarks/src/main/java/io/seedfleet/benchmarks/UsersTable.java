package io.seedfleet.benchmarks;

import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
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
 * The users table of {@link UsersRowBenchmark} on one PostgreSQL server, and the two baselines every
 * loader is measured against: the load limit (Seedfleet's own rows pre-rendered to COPY files, copied
 * in two streams into the bare table, then the keys built) and the naive loop users write by hand
 * (Datafaker per column, JDBC batches of 1,000 into the table with its constraints). Each measurement
 * gets a fresh database, checks the row count it promised and drops the database again.
 */
final class UsersTable implements AutoCloseable {
    static final long ORGANIZATIONS = 1_000;
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

    /** How a measurement finds its database: the bare table or every constraint on, organizations loaded or left to the loader. */
    enum Setup { BARE_WITH_ORGANIZATIONS, KEYED_WITH_ORGANIZATIONS, KEYED_EMPTY }

    /** What a measurement times: loading {@code target}. */
    interface Load {
        void into(JdbcTarget target) throws Exception;
    }

    private final PostgresServer server;
    private final Dataset dataset;
    private final long rows;
    private final Path files;
    private int databases;

    private UsersTable(PostgresServer server, Dataset dataset, long rows, Path files) {
        this.server = server;
        this.dataset = dataset;
        this.rows = rows;
        this.files = files;
    }

    /** Plans {@code rows} users and renders them to COPY files, before any clock starts. */
    static UsersTable render(PostgresServer server, long rows) throws IOException {
        SchemaModel schema = new SchemaModel(List.of(UsersRowBenchmark.organizations(), UsersRowBenchmark.users()));
        Dataset dataset = Dataset.of(Planner.plan(schema, new RowCounts(Map.of("organizations", ORGANIZATIONS, "users", rows), 1, 1), 42));
        UsersTable table = new UsersTable(server, dataset, rows, Files.createTempDirectory("seedfleet-load-"));
        table.write(table.table("organizations"), 0, ORGANIZATIONS, table.files.resolve("organizations.copy"));
        long half = (rows + STREAMS - 1) / STREAMS;
        for (int s = 0; s < STREAMS; s++) {
            table.write(table.table("users"), s * half, Math.min(rows, (s + 1) * half), table.files.resolve("users-" + s + ".copy"));
        }
        return table;
    }

    Dataset dataset() {
        return dataset;
    }

    long rows() {
        return rows;
    }

    /** Seconds {@code load} takes in a fresh database set up as asked; set-up is outside the timing. */
    double measure(Setup setup, long expectedRows, Load load) throws Exception {
        String name = "bench_" + (++databases);
        JdbcTarget target = new JdbcTarget(server.createDatabase(name), server.user(), server.password());
        try (Connection c = target.open(); Statement st = c.createStatement()) {
            st.execute(BARE_DDL);
            if (setup != Setup.BARE_WITH_ORGANIZATIONS) st.execute(KEYS_DDL);
            if (setup != Setup.KEYED_EMPTY) copy(c, "organizations", table("organizations").insertColumns(), files.resolve("organizations.copy"));
        }
        long started = System.nanoTime();
        load.into(target);
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection c = target.open(); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            if (rs.getLong(1) != expectedRows) throw new IllegalStateException("loaded " + rs.getLong(1) + " rows, not " + expectedRows);
        }
        try (Connection c = new JdbcTarget(server.jdbcUrl("postgres"), server.user(), server.password()).open();
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE " + name + " WITH (FORCE)"); // keeps the disk to one table's worth; FORCE: workers pool connections
        }
        return seconds;
    }

    /** The load limit: COPY of the pre-rendered files in two streams into the bare table, then the keys. */
    double loadLimit() throws Exception {
        return measure(Setup.BARE_WITH_ORGANIZATIONS, rows, this::copyThenKeys);
    }

    /** The naive loop, on {@code naiveRows} rows (it is slow: a smaller count keeps a large benchmark short; compare rows/s). */
    double naive(long naiveRows) throws Exception {
        return measure(Setup.KEYED_WITH_ORGANIZATIONS, naiveRows, target -> insertBatches(target, naiveRows));
    }

    private void copyThenKeys(JdbcTarget target) throws Exception {
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

    /** What users write by hand: a Datafaker value per column, JDBC batches of 1,000, a commit per batch. */
    private static void insertBatches(JdbcTarget target, long count) throws SQLException {
        JdbcTarget batched = new JdbcTarget(target.url() + "?reWriteBatchedInserts=true", target.user(), target.password());
        Faker faker = new Faker(Locale.US, new Random(42));
        try (Connection c = batched.open();
             PreparedStatement ps = c.prepareStatement("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?::user_status, ?, ?)")) {
            c.setAutoCommit(false);
            for (long id = 1; id <= count; id++) {
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
                if (id % BATCH == 0 || id == count) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static void copy(Connection c, String table, List<String> columns, Path file) throws SQLException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN", in);
        }
    }

    private void write(TableGenerator table, long from, long to, Path file) throws IOException {
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

    String serverVersion() throws SQLException {
        try (Connection c = new JdbcTarget(server.jdbcUrl("postgres"), server.user(), server.password()).open();
             Statement st = c.createStatement(); var rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private TableGenerator table(String name) {
        return dataset.table(new QualifiedName("public", name));
    }

    @Override
    public void close() throws IOException {
        try (var paths = Files.list(files)) {
            for (Path p : paths.toList()) Files.delete(p);
        }
        Files.delete(files);
    }
}
