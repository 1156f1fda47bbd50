package io.seedfleet.validator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This service's metrics at {@code /q/metrics}: {@code seedfleet_validations_total{outcome}} (passed,
 * failed: a verdict was published; error: no verdict possible, the event went to the dead-letter
 * topic), {@code seedfleet_validation_duration_seconds} (histogram) and
 * {@code seedfleet_validations_in_flight}, all tagged {@code service="validator-worker"}.
 */
@ApplicationScoped
public class ValidationMetrics {
    static final String SERVICE = "validator-worker";

    private final MeterRegistry registry;
    private final AtomicInteger inFlight;
    private final Timer duration;

    ValidationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.inFlight = registry.gauge("seedfleet.validations.in.flight", List.of(Tag.of("service", SERVICE)), new AtomicInteger());
        // One full scan per key on a large target: seconds to many minutes.
        this.duration = Timer.builder("seedfleet.validation.duration").description("time to validate one run's target")
                .tag("service", SERVICE).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry);
    }

    /** A validation begins; call the returned action once with its outcome. */
    Ending begin() {
        inFlight.incrementAndGet();
        long started = System.nanoTime();
        return outcome -> {
            inFlight.decrementAndGet();
            duration.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Counter.builder("seedfleet.validations").description("runs validated, by outcome")
                    .tag("service", SERVICE).tag("outcome", outcome).register(registry).increment();
        };
    }

    @FunctionalInterface
    interface Ending {
        /** @param outcome passed, failed or error */
        void end(String outcome);
    }
}
