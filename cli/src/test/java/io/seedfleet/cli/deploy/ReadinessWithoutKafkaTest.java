package io.seedfleet.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The probes the manifests rely on mean what they say: a worker whose Kafka cannot be reached is
 * alive (no restart loop) but not ready, and says so at once rather than when the probe times out.
 * The packaged service runs as its own process, as in a container.
 */
class ReadinessWithoutKafkaTest {

    @ParameterizedTest
    @ValueSource(strings = {"generator-worker", "validator-worker"})
    void aWorkerThatCannotReachKafkaIsAliveButNotReady(String module, @TempDir Path logs) throws Exception {
        Path jar = ServiceCode.ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (mvn package -pl " + module + " first)");
        int http = freePort();
        int nobody = freePort(); // nothing listens there: Kafka is unreachable
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve(module + ".log").toFile());
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + nobody);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(http));
        Process service = pb.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> live = awaitAnswer(client, service, URI.create("http://127.0.0.1:" + http + "/q/health/live"), logs);
            assertThat(live.statusCode()).as("alive without Kafka").isEqualTo(200);

            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()); // the probes' timeoutSeconds
            assertThat(ready.statusCode()).as("not ready without Kafka").isEqualTo(503);
            assertThat(ready.body()).contains("SmallRye Reactive Messaging - readiness check").contains("[KO]");
        } finally {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Polls until the service answers at all (its start-up takes seconds); a process that exits fails at once. */
    private static HttpResponse<String> awaitAnswer(HttpClient client, Process service, URI uri, Path logs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            assertThat(service.isAlive()).as("the service exited; see " + logs).isTrue();
            try {
                return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) throw new AssertionError("no answer from " + uri + "; see " + logs);
                Thread.sleep(250);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
