package io.seedfleet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class KafkaBrokerTest {

    @Test
    void roundTripsRecordsThroughATopicWithThreePartitions() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic("orders", 3);
            broker.createTopic("orders", 3);

            assertThat(partitionCount(broker, "orders")).isEqualTo(3);
            List<String> keys = IntStream.range(0, 10).mapToObj(i -> "key-" + i).toList();
            produce(broker, "orders", keys);
            assertThat(consumeKeys(broker, "orders", keys.size())).containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    @Test
    void containerModeFallsBackToTheInJvmBrokerWithoutDocker() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is available");
        System.setProperty(KafkaBroker.MODE_PROPERTY, "container");
        try (RunningKafka kafka = KafkaBroker.startForTests()) {
            assertThat(kafka).isInstanceOf(KafkaBroker.class);
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        } finally {
            System.clearProperty(KafkaBroker.MODE_PROPERTY);
        }
    }

    private static int partitionCount(RunningKafka kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private static void produce(RunningKafka kafka, String topic, List<String> keys) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            keys.forEach(key -> producer.send(new ProducerRecord<>(topic, key, "value of " + key)));
        }
    }

    private static List<String> consumeKeys(RunningKafka kafka, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> keys = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (keys.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
