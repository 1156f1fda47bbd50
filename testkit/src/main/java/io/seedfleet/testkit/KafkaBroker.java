package io.seedfleet.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker inside this JVM: one KRaft node that is both broker and controller, on free
 * loopback ports, with its own log directory that {@link #close()} deletes. Starts in a few seconds.
 */
public final class KafkaBroker implements RunningKafka {

    /** System property that asks {@link #startForTests()} for a container instead of the in-JVM broker. */
    public static final String MODE_PROPERTY = "seedfleet.kafka";

    private final String bootstrapServers;
    private final StopOnce stop;

    private KafkaBroker(KafkaRaftServer server, Path dir, String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.stop = new StopOnce("seedfleet-kafka-stop", () -> {
            try {
                server.shutdown();
                server.awaitShutdown();
            } finally {
                TempDirs.deleteRecursively(dir);
            }
        });
    }

    public static KafkaBroker start() {
        QuietLogging.apply();
        // Kafka loads its plug-in classes (the share-state persister among them) through the context class
        // loader. Under Quarkus that is a loader with another copy of Kafka, and the broker fails to start.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
        try {
            return startInThisClassLoader();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static KafkaBroker startInThisClassLoader() {
        Path dir = TempDirs.create("seedfleet-kafka-");
        try {
            int brokerPort = FreePorts.next();
            int controllerPort = FreePorts.next();
            Properties props = config(dir.resolve("log"), brokerPort, controllerPort);
            format(dir, props);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                server.shutdown();
                server.awaitShutdown();
                throw e;
            }
            return new KafkaBroker(server, dir, "127.0.0.1:" + brokerPort);
        } catch (RuntimeException e) {
            TempDirs.deleteRecursively(dir);
            throw e;
        }
    }

    /**
     * For tests: a Testcontainers Kafka when {@code -Dseedfleet.kafka=container} is set, Testcontainers is
     * on the class path and a Docker engine answers; the in-JVM broker otherwise.
     */
    public static RunningKafka startForTests() {
        if ("container".equals(System.getProperty(MODE_PROPERTY))
                && testcontainersPresent()
                && ContainerKafka.dockerAvailable()) {
            return ContainerKafka.start();
        }
        return start();
    }

    /**
     * Testcontainers is optional: look it up by name, so that {@link ContainerKafka}, which links against
     * it, is loaded only when it is there.
     */
    private static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, KafkaBroker.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Shuts the broker down, waits for it, and deletes its log directory. */
    @Override
    public void close() {
        stop.run();
    }

    private static Properties config(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners",
                "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", logDir.toString());
        props.setProperty("num.partitions", "1");
        props.setProperty("auto.create.topics.enable", "true");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // A single node can only hold one replica of each internal topic, and one partition each is plenty:
        // the default 50 would make the first consumer group or transaction wait for 50 logs to be created.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.num.partitions", "1");
        // The log cleaner allocates this buffer up front (128 MiB by default) for compacted internal topics.
        props.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return props;
    }

    /** Writes meta.properties and the bootstrap metadata, as {@code kafka-storage.sh format} does. */
    private static void format(Path dir, Properties props) {
        Path file = dir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String clusterId = Uuid.randomUuid().toString();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        int status = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", file.toString()}, silent);
        if (status != 0) {
            throw new IllegalStateException("kafka-storage format failed with status " + status);
        }
    }
}
