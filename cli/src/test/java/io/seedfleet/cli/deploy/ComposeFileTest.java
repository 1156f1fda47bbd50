package io.seedfleet.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml parses (anchors and merge keys resolved, as Compose does) and agrees with the code
 * and with the Kubernetes manifests: images from the modules, the topics and their partitions, the
 * settings the services read, health checks, and workers that can be scaled.
 */
class ComposeFileTest {
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader r = Files.newBufferedReader(ServiceCode.ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(r);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void runsKafkaInKraftModePostgresTheTopicsAndEveryService() {
        assertThat(services).containsKeys("kafka", "kafka-init", "postgres");
        assertThat(services.keySet()).containsAll(ServiceCode.SERVICES);
        Map<String, Object> kafka = environment("kafka");
        assertThat((String) kafka.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(kafka).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
        assertThat(services.get("kafka")).containsKey("healthcheck");
        assertThat(services.get("postgres")).containsKey("healthcheck");
    }

    @Test
    void createsEveryTopicTheCodeNamesWithThePartitionsKubernetesGivesThem() throws IOException {
        Map<String, Integer> created = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+)\\s*$").matcher(String.valueOf(services.get("kafka-init").get("command")));
        while (m.find()) created.put(m.group(1), Integer.parseInt(m.group(2)));
        assertThat(created.keySet()).isEqualTo(ServiceCode.expectedTopics());
        assertThat(created).isEqualTo(strimziPartitions());
        assertThat(String.valueOf(services.get("kafka-init").get("command"))).contains("--if-not-exists");
    }

    @Test
    void everyServiceIsBuiltFromItsModuleAndChecksItsReadiness() {
        for (String module : ServiceCode.SERVICES) {
            Map<String, Object> s = services.get(module);
            ServiceCode code = ServiceCode.of(module);
            assertThat(Manifests.imageModule((String) s.get("image"))).as(module + " image").isEqualTo(module);
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) s.get("build");
            assertThat(build.get("context")).as(module + " build context").isEqualTo(module);
            assertThat(Files.exists(ServiceCode.ROOT.resolve(module).resolve((String) build.get("dockerfile")))).as(module + " Dockerfile").isTrue();
            @SuppressWarnings("unchecked")
            Map<String, Object> health = (Map<String, Object>) s.get("healthcheck");
            assertThat(String.valueOf(health.get("test"))).as(module + " healthcheck").contains("/q/health/ready").contains("/" + code.httpPort());
            assertThat(String.valueOf(environment(module).get("QUARKUS_HTTP_PORT"))).isEqualTo(String.valueOf(code.httpPort()));
            assertThat(String.valueOf(environment(module).get("KAFKA_BOOTSTRAP_SERVERS"))).isEqualTo("kafka:9092");
            @SuppressWarnings("unchecked")
            Map<String, Object> dependsOn = (Map<String, Object>) s.get("depends_on");
            assertThat(services.keySet()).as(module + " depends on services that exist").containsAll(dependsOn.keySet());
            assertThat(dependsOn).as(module + " starts after the topics exist").containsKey("kafka-init");
        }
    }

    @Test
    void workersCanBeScaled() {
        for (String worker : List.of("generator-worker", "validator-worker", "masking-worker")) {
            assertThat(services.get(worker)).as(worker + ": --scale needs no fixed name and no host port")
                    .doesNotContainKey("container_name").doesNotContainKey("ports");
            assertThat(environment(worker)).as("each replica names itself").doesNotContainKey("SEEDFLEET_WORKER_NAME");
        }
    }

    @Test
    void servicesGetOnlySettingsTheyReadAndTheReadmeDocuments() throws IOException {
        Set<String> readme = Readme.configurationTable();
        for (String module : ServiceCode.SERVICES) {
            Set<String> given = new TreeSet<>(environment(module).keySet());
            assertThat(readme).as("the README documents what compose gives " + module).containsAll(given);
            ServiceCode code = ServiceCode.of(module);
            if (code.hasSources()) {
                Set<String> known = code.acceptedEnvironment();
                assertThat(known).as(module + " reads every variable compose gives it").containsAll(given);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(String service) {
        Object env = services.get(service).get("environment");
        return env == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) env);
    }

    /** Partition counts of deploy/kafka's KafkaTopics, read from the file (no kubectl needed). */
    @SuppressWarnings("unchecked")
    static Map<String, Integer> strimziPartitions() throws IOException {
        Map<String, Integer> partitions = new TreeMap<>();
        Path file = ServiceCode.ROOT.resolve("deploy/kafka/kafka-topics.yaml");
        try (Reader r = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml().loadAll(r)) {
                Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) doc).get("spec");
                partitions.put((String) spec.get("topicName"), (Integer) spec.get("partitions"));
            }
        }
        return partitions;
    }
}
