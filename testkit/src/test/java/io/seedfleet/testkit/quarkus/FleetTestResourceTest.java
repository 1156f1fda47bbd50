package io.seedfleet.testkit.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.testkit.RunningKafka;
import io.seedfleet.testkit.RunningPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetTestResourceTest {

    @Test
    void configuresTheApplicationForTheSharedServers() throws SQLException {
        Map<String, String> config = new FleetTestResource().start();

        assertThat(config).containsOnlyKeys("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password");
        assertThat(config.get("kafka.bootstrap.servers")).isEqualTo(FleetTestResource.kafka().bootstrapServers());
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertThat(connection.getCatalog()).isEqualTo(FleetTestResource.DATABASE);
        }
    }

    @Test
    void sharesOneBrokerAndOneServerThatSurviveCloseAndStop() throws SQLException {
        FleetTestResource resource = new FleetTestResource();
        Map<String, String> first = resource.start();
        try (RunningKafka kafka = FleetTestResource.kafka(); RunningPostgres postgres = FleetTestResource.postgres()) {
            kafka.createTopic("shared", 2);
            postgres.createDatabase("target");
        }
        resource.stop();

        assertThat(new FleetTestResource().start()).isEqualTo(first);
        FleetTestResource.kafka().createTopic("shared", 2);
        try (Connection connection = DriverManager.getConnection(FleetTestResource.postgres().jdbcUrl("target"),
                FleetTestResource.postgres().user(), FleetTestResource.postgres().password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}
