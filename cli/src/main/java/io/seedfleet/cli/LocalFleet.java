package io.seedfleet.cli;

import io.seedfleet.core.event.EventType;
import io.seedfleet.testkit.KafkaBroker;
import io.seedfleet.testkit.PostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole fleet on one machine: a real Kafka broker and PostgreSQL in this JVM, and the
 * coordinator, generator workers, validator worker and a masking worker as separate processes, as
 * they run in Kubernetes. Closing it stops the processes (SIGTERM, then kill), the broker and the database.
 */
public final class LocalFleet implements AutoCloseable {
    /** Partitions of the work topic: the most generator workers that can share a run. */
    static final int WORK_PARTITIONS = 6;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> byName = new LinkedHashMap<>();
    private final Path logs;
    private Path home;
    private int generatorWorkers;
    private int maskingWorkers;
    /** The masking workers' key: SEEDFLEET_MASKING_SECRET when set, otherwise one made for this fleet. Never printed. */
    private String maskingSecret;

    private LocalFleet(KafkaBroker kafka, PostgresServer postgres, Path logs) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.logs = logs;
    }

    public static LocalFleet start(Path home, int generatorWorkers, PrintWriter out) throws Exception {
        Path logs = Files.createDirectories(home.resolve(".seedfleet/logs"));
        out.println("Starting Kafka (KRaft) and PostgreSQL...");
        KafkaBroker kafka = KafkaBroker.start();
        LocalFleet fleet;
        try {
            fleet = new LocalFleet(kafka, PostgresServer.start(), logs);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        try {
            for (EventType t : EventType.values()) {
                kafka.createTopic(t.topic(), t == EventType.CHUNK_WORK || t == EventType.MASKING_WORK ? WORK_PARTITIONS : 1);
            }
            kafka.createTopic(EventType.DEAD_LETTER_TOPIC, 1);
            String stateDb = fleet.postgres.createDatabase("seedfleet");
            fleet.launch(home, "coordinator", "coordinator", Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", stateDb,
                    "QUARKUS_DATASOURCE_USERNAME", fleet.postgres.user(),
                    "QUARKUS_DATASOURCE_PASSWORD", fleet.postgres.password()));
            fleet.launch(home, "validator-worker", "validator-worker", Map.of());
            fleet.home = home;
            fleet.maskingSecret = localMaskingSecret();
            fleet.addMaskingWorkers(1);
            fleet.addGeneratorWorkers(generatorWorkers);
            out.printf("Started %d services; logs in %s%n", fleet.processes.size(), logs);
            return fleet;
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        }
    }

    /** Starts more generator workers; they join the consumer group and take over partitions. */
    public void addGeneratorWorkers(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String name = "generator-worker-" + (++generatorWorkers);
            launch(home, "generator-worker", name, Map.of("SEEDFLEET_WORKER_NAME", name));
        }
        awaitReady(Duration.ofSeconds(90));
    }

    /** Starts more masking workers, all with this fleet's masking secret; they share the masking-work partitions. */
    void addMaskingWorkers(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String name = "masking-worker-" + (++maskingWorkers);
            launch(home, "masking-worker", name, Map.of("SEEDFLEET_WORKER_NAME", name, "SEEDFLEET_MASKING_SECRET", maskingSecret));
        }
        awaitReady(Duration.ofSeconds(90));
    }

    /** The key the masking workers mask with: the same key gives the CLI's {@code mask} the same output. */
    String maskingSecret() {
        return maskingSecret;
    }

    private static String localMaskingSecret() {
        String fromEnvironment = System.getenv("SEEDFLEET_MASKING_SECRET");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) return fromEnvironment;
        byte[] key = new byte[24];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.HexFormat.of().formatHex(key);
    }

    private void launch(Path home, String module, String name, Map<String, String> env) throws IOException {
        Path jar = home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./seedfleet (or mvn -DskipTests package) first");
        }
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Process process = pb.start();
        processes.add(process);
        byName.put(name, process);
        ports.put(name, port);
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, Integer> service : ports.entrySet()) {
            while (true) {
                Process dead = processes.stream().filter(p -> !p.isAlive()).findFirst().orElse(null);
                if (dead != null) throw new IllegalStateException("a service exited at start; see " + logs);
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.getValue() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) break;
                } catch (IOException notYet) {
                    // the service is still starting
                }
                if (System.nanoTime() > deadline) throw new IllegalStateException(service.getKey() + " did not become ready; see " + logs);
                Thread.sleep(250);
            }
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public int coordinatorPort() {
        return ports.get("coordinator");
    }

    /** The process id of each service still running, by name ("coordinator", "generator-worker-1", ...). */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        byName.forEach((name, p) -> {
            if (p.isAlive()) pids.put(name, p.pid());
        });
        return pids;
    }

    /**
     * Stops one service as Kubernetes does: SIGTERM, then a grace period, then SIGKILL. A generator
     * worker stops taking work and either finishes its chunk or leaves it for another worker.
     */
    public void stop(String name, Duration grace) throws InterruptedException {
        Process p = byName.get(name);
        if (p == null) throw new IllegalArgumentException("no service named " + name);
        ports.remove(name);
        p.destroy();
        if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        for (Process p : processes) p.destroy();
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        kafka.close();
        postgres.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
