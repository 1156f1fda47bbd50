package io.seedfleet.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** Kafka in a Docker container, for {@link KafkaBroker#startForTests()}; needs Testcontainers. */
final class ContainerKafka implements RunningKafka {

    private static final String IMAGE = "apache/kafka:4.1.0";

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static RunningKafka start() {
        // Testcontainers already sets replication factor 1 and no initial rebalance delay for the internal
        // topics it knows; these match the in-JVM broker for the rest.
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.close();
    }
}
