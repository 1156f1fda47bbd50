package io.seedfleet.service.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The metrics every worker keeps about its units of work (a generator's chunk, a masker's key range),
 * named {@code seedfleet.<unit>.*} so that one dashboard reads every kind of worker:
 *
 * <ul>
 *   <li>{@code seedfleet.rows.written} (counter, tag {@code table}, {@code service}): rows this worker put in a target;
 *   <li>{@code seedfleet.<unit>.duration} (timer with a histogram, tag {@code outcome}): how long a unit took;
 *   <li>{@code seedfleet.<unit>s.in.flight} (gauge): units being worked on now, 0 once a draining worker is done;
 *   <li>{@code seedfleet.<unit>.failures} (counter): units reported failed;
 *   <li>{@code seedfleet.<unit>.redeliveries} (counter): units delivered again and found already written (the ledger answered).
 * </ul>
 *
 * Tags never carry run ids or data: a table name is schema metadata, and its count is bounded by the schema.
 */
public final class WorkMetrics {
    /** Buckets from 50 ms to 10 minutes: a chunk takes seconds, a slow target minutes. */
    private static final Duration MIN_EXPECTED = Duration.ofMillis(50);
    private static final Duration MAX_EXPECTED = Duration.ofMinutes(10);

    private final MeterRegistry registry;
    private final String unit;
    private final String service;
    private final AtomicInteger inFlight;
    private final Counter failures;
    private final Counter redeliveries;
    private final Timer succeeded;
    private final Timer failed;

    /**
     * @param unit the unit of work, singular ("chunk")
     * @param service the service reporting ("generator-worker"), a tag that tells kinds of worker apart
     */
    public WorkMetrics(MeterRegistry registry, String unit, String service) {
        this.registry = registry;
        this.unit = unit;
        this.service = service;
        this.inFlight = registry.gauge("seedfleet." + unit + "s.in.flight", List.of(Tag.of("service", service)),
                new AtomicInteger());
        this.failures = Counter.builder("seedfleet." + unit + ".failures").description(unit + "s reported failed")
                .tag("service", service).register(registry);
        this.redeliveries = Counter.builder("seedfleet." + unit + ".redeliveries")
                .description(unit + "s delivered again and found already written").tag("service", service).register(registry);
        this.succeeded = timer("succeeded");
        this.failed = timer("failed");
    }

    private Timer timer(String outcome) {
        return Timer.builder("seedfleet." + unit + ".duration").description("time to make one " + unit)
                .tag("service", service).tag("outcome", outcome)
                .publishPercentileHistogram().minimumExpectedValue(MIN_EXPECTED).maximumExpectedValue(MAX_EXPECTED)
                .register(registry);
    }

    /** A unit begins: counted in flight until {@link Unit#succeeded} or {@link Unit#failed}. */
    public Unit begin() {
        inFlight.incrementAndGet();
        return new Unit(System.nanoTime());
    }

    /** Units being worked on now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** One unit of work in progress; end it exactly once. */
    public final class Unit {
        private final long started;
        private boolean ended;

        private Unit(long started) {
            this.started = started;
        }

        /**
         * @param rows rows written into {@code table} by this delivery
         * @param redelivered the ledger found the unit already written: nothing new was written
         */
        public void succeeded(String table, long rows, boolean redelivered) {
            if (end(succeeded)) return;
            if (redelivered) {
                redeliveries.increment();
            } else {
                rowsWritten(table).increment(rows);
            }
        }

        public void failed() {
            if (end(failed)) return;
            failures.increment();
        }

        private boolean end(Timer timer) {
            if (ended) return true;
            ended = true;
            inFlight.decrementAndGet();
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return false;
        }
    }

    private Counter rowsWritten(String table) {
        return Counter.builder("seedfleet.rows.written").description("rows written into targets, per table")
                .tag("service", service).tag("table", table).register(registry);
    }
}
