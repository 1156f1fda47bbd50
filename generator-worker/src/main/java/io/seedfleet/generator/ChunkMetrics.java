package io.seedfleet.generator;

import io.micrometer.core.instrument.MeterRegistry;
import io.seedfleet.service.ops.WorkMetrics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This worker's metrics at {@code /q/metrics}: {@code seedfleet_rows_written_total{table}},
 * {@code seedfleet_chunk_duration_seconds} (histogram, by outcome), {@code seedfleet_chunks_in_flight},
 * {@code seedfleet_chunk_failures_total} and {@code seedfleet_chunk_redeliveries_total}, all tagged
 * {@code service="generator-worker"} (see {@link WorkMetrics}).
 */
@ApplicationScoped
public class ChunkMetrics {
    static final String SERVICE = "generator-worker";

    private final WorkMetrics metrics;

    ChunkMetrics(MeterRegistry registry) {
        this.metrics = new WorkMetrics(registry, "chunk", SERVICE);
    }

    WorkMetrics.Unit begin() {
        return metrics.begin();
    }

    int inFlight() {
        return metrics.inFlight();
    }
}
