package io.seedfleet.cli.deploy;

import io.seedfleet.core.event.EventType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a service's code says about how it is deployed, read from its sources (never restated by
 * hand): the settings it reads, as environment variables, its HTTP port, its metrics path, the topic
 * and consumer group of the work it consumes. The manifests are checked against this.
 */
record ServiceCode(String module, Path dir, Set<String> environment, int httpPort, String metricsPath,
                   Map<String, String> consumedTopicGroups, boolean hasSources) {

    static final Path ROOT = findRoot();
    static final Set<String> SERVICES = Set.of("coordinator", "generator-worker", "validator-worker", "masking-worker");
    /** Settings the image itself reads (Dockerfile.jvm), not the application. */
    static final Set<String> IMAGE_ENVIRONMENT = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND");

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern COMMENTED_KEY = Pattern.compile("(?m)^#\\s*([a-z][\\w.\\-\"]*)=");

    static ServiceCode of(String module) {
        Path dir = ROOT.resolve(module);
        Path properties = dir.resolve("src/main/resources/application.properties");
        boolean hasSources = Files.exists(properties);
        Properties p = new Properties();
        Set<String> keys = new TreeSet<>();
        if (hasSources) {
            try (Reader r = Files.newBufferedReader(properties)) {
                p.load(r);
                keys.addAll(p.stringPropertyNames());
                Matcher m = COMMENTED_KEY.matcher(Files.readString(properties)); // documented optional settings: #seedfleet.worker.name=
                while (m.find()) keys.add(m.group(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        keys.addAll(configProperties(dir));
        // Workers share service-support's settings (the target password).
        if (!module.equals("coordinator")) keys.addAll(configProperties(ROOT.resolve("service-support")));
        if (keys.stream().anyMatch(k -> k.startsWith("quarkus.datasource."))) keys.add("quarkus.datasource.password");
        Set<String> environment = keys.stream().map(ServiceCode::environmentName).collect(Collectors.toCollection(TreeSet::new));

        Map<String, String> consumed = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                String channel = key.substring(0, key.length() - ".group.id".length());
                consumed.put(p.getProperty(channel + ".topic"), p.getProperty(key));
            }
        }
        return new ServiceCode(module, dir, environment, Integer.parseInt(p.getProperty("quarkus.http.port", "8080")),
                p.getProperty("quarkus.micrometer.export.prometheus.path", "/q/metrics"), consumed, hasSources);
    }

    /** MicroProfile Config's rule: every character that is not a letter or digit becomes '_', then upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** What the service may be given: its own settings and the image's. */
    Set<String> acceptedEnvironment() {
        Set<String> accepted = new TreeSet<>(environment);
        accepted.addAll(IMAGE_ENVIRONMENT);
        return accepted;
    }

    /** The topic this service's workers consume with their consumer group, for scaling on its lag. */
    Optional<Map.Entry<String, String>> workTopic() {
        return consumedTopicGroups.entrySet().stream().filter(e -> e.getKey().endsWith("-work")).findFirst();
    }

    /** Every topic the code names: EventType's (the masking events' among them), the dead-letter topic, and those in the services' configuration. */
    static Set<String> expectedTopics() {
        Set<String> topics = Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toCollection(TreeSet::new));
        topics.add(EventType.DEAD_LETTER_TOPIC);
        for (String module : SERVICES) {
            Path properties = ROOT.resolve(module).resolve("src/main/resources/application.properties");
            if (!Files.exists(properties)) continue;
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(properties)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.") && (k.endsWith(".topic") || k.endsWith(".dead-letter-queue.topic")))
                    .map(p::getProperty).forEach(topics::add);
        }
        return topics;
    }

    private static Set<String> configProperties(Path module) {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) return Set.of();
        try (Stream<Path> files = Files.walk(sources)) {
            Set<String> names = new TreeSet<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CONFIG_PROPERTY.matcher(Files.readString(f));
                while (m.find()) names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("docker-compose.yml")) && Files.isDirectory(p.resolve("deploy")))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no repository root (docker-compose.yml and deploy/) above " + Path.of("").toAbsolutePath());
        return p;
    }
}
