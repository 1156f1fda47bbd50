package io.seedfleet.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.Target;
import io.seedfleet.testkit.CloudEventsClient;
import io.seedfleet.testkit.quarkus.FleetTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator's metrics count each verdict by outcome, and a target it cannot reach as an error. */
@QuarkusTest
@QuarkusTestResource(value = FleetTestResource.class, initArgs = @ResourceArg(name = FleetTestResource.DATASOURCE, value = "false"))
class ValidationMetricsTest {
    static final String PASSED = "seedfleet_validations_total{outcome=\"passed\",service=\"validator-worker\"}";
    static final String FAILED = "seedfleet_validations_total{outcome=\"failed\",service=\"validator-worker\"}";
    static final String ERROR = "seedfleet_validations_total{outcome=\"error\",service=\"validator-worker\"}";
    static final String TIMED = "seedfleet_validation_duration_seconds_count{service=\"validator-worker\"}";

    @TestHTTPResource("/q/metrics")
    URI metrics;

    CloudEventsClient kafka;

    @BeforeEach
    void connect() {
        kafka = new CloudEventsClient(FleetTestResource.kafka().bootstrapServers(), EventType.VALIDATION_COMPLETED.topic(), EventType.DEAD_LETTER_TOPIC);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void countsVerdictsByOutcome() throws Exception {
        String before = get(metrics);
        GenerationCompleted good = RunValidatorTest.generate(RunValidatorTest.targetDatabase("vm_good"), "run-metrics-good");
        Target broken = RunValidatorTest.targetDatabase("vm_broken");
        GenerationCompleted bad = RunValidatorTest.generate(broken, "run-metrics-bad");
        try (Connection c = broken.jdbc().open(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM users WHERE id = (SELECT min(id) FROM users)"); // one row fewer than the run reported
        }
        GenerationCompleted gone = new GenerationCompleted("run-metrics-gone", new Target(good.target().jdbcUrl().replace("vm_good", "vm_gone"),
                good.target().username(), good.target().password()), good.seed(), good.tables(), good.totalRows(), good.durationMs(), good.edgeCoverage());

        for (GenerationCompleted run : new GenerationCompleted[] {good, bad}) {
            kafka.send(EventType.GENERATION_COMPLETED.topic(), EventType.GENERATION_COMPLETED.type(), run.runId(), Events.toJson(run));
            kafka.await(1, r -> r.topic().equals(EventType.VALIDATION_COMPLETED.topic()) && run.runId().equals(r.key()));
        }
        kafka.send(EventType.GENERATION_COMPLETED.topic(), EventType.GENERATION_COMPLETED.type(), gone.runId(), Events.toJson(gone));
        kafka.await(1, r -> r.topic().equals(EventType.DEAD_LETTER_TOPIC) && gone.runId().equals(r.key()));

        String after = get(metrics);
        assertThat(value(after, PASSED) - value(before, PASSED)).isEqualTo(1);
        assertThat(value(after, FAILED) - value(before, FAILED)).isEqualTo(1);
        assertThat(value(after, ERROR) - value(before, ERROR)).isEqualTo(1);
        assertThat(value(after, TIMED) - value(before, TIMED)).isEqualTo(3);
        assertThat(value(after, "seedfleet_validations_in_flight{service=\"validator-worker\"}")).isZero();
        assertThat(after).contains("seedfleet_validation_duration_seconds_bucket{");
    }

    static String get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
