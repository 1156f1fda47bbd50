package io.seedfleet.generator;

import io.quarkus.runtime.StartupEvent;
import io.seedfleet.core.generate.Pools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Builds the realistic-value pools at start-up, so the first chunk a worker takes is not seconds slower than the rest. */
@ApplicationScoped
class PoolWarmUp {
    void onStart(@Observes StartupEvent event) {
        Pools.warmUp();
    }
}
