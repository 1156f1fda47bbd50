package io.seedfleet.maskingworker;

import io.micrometer.core.instrument.MeterRegistry;
import io.seedfleet.service.ops.WorkMetrics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This worker's metrics at {@code /q/metrics}, the generator workers' names tagged
 * {@code service="masking-worker"} so that one dashboard reads both: {@code seedfleet_rows_written_total{table}},
 * {@code seedfleet_chunk_duration_seconds} (histogram, by outcome), {@code seedfleet_chunks_in_flight},
 * {@code seedfleet_chunk_failures_total} and {@code seedfleet_chunk_redeliveries_total} (see {@link WorkMetrics}).
 * A masked key range is this worker's chunk.
 */
@ApplicationScoped
public class MaskingMetrics {
    static final String SERVICE = "masking-worker";

    private final WorkMetrics metrics;

    MaskingMetrics(MeterRegistry registry) {
        this.metrics = new WorkMetrics(registry, "chunk", SERVICE);
    }

    WorkMetrics.Unit begin() {
        return metrics.begin();
    }
}
