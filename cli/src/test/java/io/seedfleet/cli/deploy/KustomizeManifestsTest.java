package io.seedfleet.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay renders with {@code kubectl kustomize}, and what it deploys agrees with the code:
 * topics, environment variables, ports, health and metrics paths, images, credentials and scaling
 * limits. Skipped, saying why, where kubectl is not installed.
 */
class KustomizeManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/production", "deploy/overlays/production-hpa"})
    void topicsAreTheCodesWithTheirPartitions(String overlay) throws Exception {
        Manifests m = Manifests.render(overlay);
        Map<String, Integer> partitions = partitions(m);
        assertThat(partitions.keySet()).as("KafkaTopic topicNames").isEqualTo(ServiceCode.expectedTopics());
        assertThat(m.ofKind("KafkaTopic")).allSatisfy(t -> {
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(Manifests.name(t)).isNotEmpty();
            assertThat(t.path("spec").path("partitions").asInt()).as(Manifests.name(t)).isPositive();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/production", "deploy/overlays/production-hpa"})
    void everyServiceRunsItsModulesImageWithItsPortProbesAndSettings(String overlay) throws Exception {
        Manifests m = Manifests.render(overlay);
        Set<String> readme = Readme.configurationTable();
        Map<String, JsonNode> services = services(m);
        assertThat(services.keySet()).isEqualTo(ServiceCode.SERVICES);
        services.forEach((module, deployment) -> {
            ServiceCode code = ServiceCode.of(module);
            assertThat(Manifests.name(deployment)).isEqualTo("seedfleet-" + module);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            List<JsonNode> containers = Manifests.list(pod.path("containers"));
            assertThat(containers).hasSize(1);
            JsonNode c = containers.get(0);

            assertThat(Files.exists(code.dir().resolve("src/main/docker/Dockerfile.jvm"))).as(module + " has its Dockerfile.jvm").isTrue();

            JsonNode http = Manifests.list(c.path("ports")).stream().filter(p -> "http".equals(p.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(module + " declares no port named http"));
            assertThat(http.path("containerPort").asInt()).as(module + " port = quarkus.http.port").isEqualTo(code.httpPort());
            probe(c, "startupProbe", "/q/health/started", module);
            probe(c, "livenessProbe", "/q/health/live", module);
            probe(c, "readinessProbe", "/q/health/ready", module);
            if (code.hasSources()) {
                assertThat(pom(code)).as(module + " serves /q/health").contains("<artifactId>quarkus-smallrye-health</artifactId>");
            }
            assertThat(c.path("resources").path("requests").path("cpu").isMissingNode()).as(module + " requests").isFalse();
            assertThat(c.path("resources").path("limits").path("memory").isMissingNode()).as(module + " limits").isFalse();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(module + " runs as non-root").isTrue();

            Set<String> environment = environment(m, c);
            assertThat(environment).as(module + " gets KAFKA_BOOTSTRAP_SERVERS").contains("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(readme).as("the README's configuration table documents what " + module + " is given").containsAll(environment);
            if (code.hasSources()) {
                Set<String> known = code.acceptedEnvironment();
                assertThat(known).as(module + " reads every variable it is given (application.properties, @ConfigProperty)").containsAll(environment);
            }

            JsonNode service = m.get("Service", "seedfleet-" + module);
            JsonNode port = Manifests.list(service.path("spec").path("ports")).get(0);
            assertThat(port.path("name").asText()).isEqualTo("http");
            assertThat(port.path("targetPort").asText()).isEqualTo("http");
            assertThat(port.path("port").asInt()).isEqualTo(code.httpPort());
            assertThat(selects(service.path("spec").path("selector"), deployment.path("spec").path("template").path("metadata").path("labels")))
                    .as("Service seedfleet-" + module + " selects its pods").isTrue();
            assertThat(m.find("PodDisruptionBudget", "seedfleet-" + module)).as(module + " has a PodDisruptionBudget").isPresent();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/production", "deploy/overlays/production-hpa"})
    void credentialsComeFromSecretsThatExistOrAreDocumented(String overlay) throws Exception {
        Manifests m = Manifests.render(overlay);
        String readme = Readme.text();
        Set<String> referenced = new TreeSet<>();
        for (JsonNode deployment : services(m).values()) {
            for (JsonNode c : Manifests.list(deployment.path("spec").path("template").path("spec").path("containers"))) {
                for (JsonNode e : Manifests.list(c.path("env"))) {
                    JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                    if (ref.isMissingNode()) {
                        assertThat(e.path("name").asText()).as("a credential given as a plain value")
                                .doesNotContainIgnoringCase("PASSWORD").doesNotContainIgnoringCase("SECRET");
                        continue;
                    }
                    String name = ref.path("name").asText();
                    String key = ref.path("key").asText();
                    referenced.add(name);
                    m.find("Secret", name).ifPresentOrElse(
                            s -> assertThat(s.path("data").has(key)).as("Secret " + name + " holds " + key).isTrue(),
                            () -> assertThat(readme.lines().anyMatch(l -> l.contains("create secret generic " + name + " ")
                                    && l.contains("--from-literal=" + key + "="))).as("the README says how to create Secret " + name + " with " + key).isTrue());
                }
            }
        }
        assertThat(referenced).isNotEmpty();
        for (JsonNode cm : m.ofKind("ConfigMap")) {
            cm.path("data").fieldNames().forEachRemaining(k -> assertThat(k).as("ConfigMap " + Manifests.name(cm) + " holds no credential")
                    .doesNotContainIgnoringCase("PASSWORD").doesNotContainIgnoringCase("SECRET"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/production", "deploy/overlays/production-hpa"})
    void scalersFollowTheWorkTopicsAndStayWithinTheirPartitions(String overlay) throws Exception {
        Manifests m = Manifests.render(overlay);
        Map<String, Integer> partitions = partitions(m);
        Map<String, JsonNode> services = services(m);
        List<JsonNode> scaled = m.ofKind("ScaledObject");
        List<JsonNode> hpas = m.ofKind("HorizontalPodAutoscaler");
        assertThat(scaled.isEmpty() ^ hpas.isEmpty()).as("KEDA or HPA, exactly one of them").isTrue();
        Set<String> targets = new TreeSet<>();
        for (JsonNode s : scaled) {
            String module = module(services, s.path("spec").path("scaleTargetRef").path("name").asText());
            targets.add(module);
            Map.Entry<String, String> work = workTopic(module);
            JsonNode trigger = Manifests.list(s.path("spec").path("triggers")).get(0);
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            JsonNode meta = trigger.path("metadata");
            assertThat(meta.path("topic").asText()).as(module + " scales on its work topic").isEqualTo(work.getKey());
            assertThat(meta.path("consumerGroup").asText()).as(module + " scales on its consumer group").isEqualTo(work.getValue());
            assertThat(meta.path("bootstrapServers").asText()).as("the scaler reads the Kafka the services use")
                    .isEqualTo(configValue(m, services.get(module), "KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(s.path("spec").path("maxReplicaCount").asInt()).as(module + " replicas <= partitions of " + work.getKey())
                    .isPositive().isLessThanOrEqualTo(partitions.get(work.getKey()));
        }
        for (JsonNode h : hpas) {
            String module = module(services, h.path("spec").path("scaleTargetRef").path("name").asText());
            targets.add(module);
            String topic = workTopic(module).getKey();
            assertThat(h.path("spec").path("maxReplicas").asInt()).as(module + " replicas <= partitions of " + topic)
                    .isPositive().isLessThanOrEqualTo(partitions.get(topic));
        }
        assertThat(targets).containsExactlyInAnyOrder("generator-worker", "masking-worker");
        for (String module : targets) {
            assertThat(services.get(module).path("spec").has("replicas")).as(module + "'s replicas belong to its scaler").isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/overlays/production", "deploy/overlays/production-hpa"})
    void prometheusScrapesEveryServiceAtItsMetricsPath(String overlay) throws Exception {
        Manifests m = Manifests.render(overlay);
        List<JsonNode> monitors = m.ofKind("ServiceMonitor");
        assertThat(monitors).hasSize(1);
        JsonNode monitor = monitors.get(0);
        JsonNode endpoint = Manifests.list(monitor.path("spec").path("endpoints")).get(0);
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        for (String module : ServiceCode.SERVICES) {
            ServiceCode code = ServiceCode.of(module);
            assertThat(endpoint.path("path").asText()).as(module + "'s metrics path").isEqualTo(code.metricsPath());
            JsonNode service = m.get("Service", "seedfleet-" + module);
            assertThat(selects(monitor.path("spec").path("selector").path("matchLabels"), service.path("metadata").path("labels")))
                    .as("the ServiceMonitor selects Service seedfleet-" + module).isTrue();
            assertThat(Manifests.list(monitor.path("spec").path("namespaceSelector").path("matchNames")).stream().map(JsonNode::asText))
                    .contains(service.path("metadata").path("namespace").asText());
            assertThat(pom(code)).as(module + " exposes Prometheus metrics").contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>");
        }
        JsonNode dashboard = m.ofKind("ConfigMap").stream().filter(c -> c.path("metadata").path("labels").has("grafana_dashboard")).findFirst()
                .orElseThrow(() -> new AssertionError("no Grafana dashboard ConfigMap"));
        String json = dashboard.path("data").path("seedfleet-dashboard.json").asText();
        assertThat(json).contains("seedfleet_rows_written_total", "seedfleet_chunk_duration_seconds_bucket", "seedfleet_chunks_in_flight",
                "seedfleet_chunk_failures_total", "seedfleet_chunk_redeliveries_total", "seedfleet_runs");
    }

    static void probe(JsonNode container, String probe, String path, String module) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("path").asText()).as(module + " " + probe).isEqualTo(path);
        assertThat(get.path("port").asText()).as(module + " " + probe + " port").isEqualTo("http");
    }

    /** Names given to a container: env entries and the keys of the ConfigMaps and Secrets it takes whole. */
    static Set<String> environment(Manifests m, JsonNode container) {
        Set<String> names = new TreeSet<>();
        Manifests.list(container.path("env")).forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : Manifests.list(container.path("envFrom"))) {
            String kind = from.has("configMapRef") ? "ConfigMap" : "Secret";
            String name = from.path(from.has("configMapRef") ? "configMapRef" : "secretRef").path("name").asText();
            m.get(kind, name).path("data").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    static String configValue(Manifests m, JsonNode deployment, String variable) {
        JsonNode c = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        for (JsonNode from : Manifests.list(c.path("envFrom"))) {
            JsonNode value = m.get("ConfigMap", from.path("configMapRef").path("name").asText()).path("data").path(variable);
            if (!value.isMissingNode()) return value.asText();
        }
        throw new AssertionError(variable + " not given to " + Manifests.name(deployment));
    }

    /** The Seedfleet services' Deployments by module (the image's name), leaving out helpers such as the dev database. */
    static Map<String, JsonNode> services(Manifests m) {
        Map<String, JsonNode> byModule = new TreeMap<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            String image = d.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText();
            String module = Manifests.imageModule(image);
            if (ServiceCode.SERVICES.contains(module)) byModule.put(module, d);
        }
        return byModule;
    }

    static Map<String, Integer> partitions(Manifests m) {
        Map<String, Integer> partitions = new HashMap<>();
        m.ofKind("KafkaTopic").forEach(t -> partitions.put(t.path("spec").path("topicName").asText(), t.path("spec").path("partitions").asInt()));
        return partitions;
    }

    static String module(Map<String, JsonNode> services, String deployment) {
        return services.entrySet().stream().filter(e -> Manifests.name(e.getValue()).equals(deployment)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("a scaler targets " + deployment + ", which is no Seedfleet service"));
    }

    /** The work topic and consumer group from the service's configuration; for a module not written yet, those its brief fixes. */
    static Map.Entry<String, String> workTopic(String module) {
        ServiceCode code = ServiceCode.of(module);
        if (!code.hasSources() && module.equals("masking-worker")) return Map.entry("test-data.masking-work", "seedfleet-masking-worker");
        return code.workTopic().orElseThrow(() -> new AssertionError(module + " consumes no *-work topic"));
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) return false;
        Map<String, String> wanted = new TreeMap<>();
        selector.fields().forEachRemaining(e -> wanted.put(e.getKey(), e.getValue().asText()));
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.path(e.getKey()).asText(null)));
    }

    static String pom(ServiceCode code) {
        try {
            return Files.readString(code.dir().resolve("pom.xml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Set<String> names(List<JsonNode> docs) {
        return docs.stream().map(Manifests::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
