package io.seedfleet.generator;

import io.seedfleet.core.event.EventReader;
import io.seedfleet.core.event.MalformedEventException;
import io.seedfleet.service.IncomingEvents;
import io.seedfleet.service.OutgoingEvents;
import io.seedfleet.service.TargetPassword;
import io.seedfleet.service.WorkerName;
import io.seedfleet.service.ops.RunLogContext;
import io.seedfleet.service.ops.WorkMetrics;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.run.ChunkExecutor;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Makes the chunk each work event describes and reports the outcome. The offset is committed only
 * after the report is on Kafka, so a crash redelivers the work; core's ledger makes the rewrite a
 * no-op that still reports completion. A failing chunk is reported, not retried here: the
 * coordinator decides. Only events that can never be processed go to the dead-letter topic.
 *
 * <p>Shutdown (SIGTERM): the Kafka connector stops polling and waits for the chunk in hand, which
 * either finishes and is acknowledged, or, if the process is killed first, was never committed: its
 * transaction (rows and ledger entry together) rolls back with the connection and its offset was not
 * committed, so another worker gets it again. No chunk is ever half written.
 */
@ApplicationScoped
public class ChunkWorker {
    private static final Logger LOG = Logger.getLogger(ChunkWorker.class);

    private final EventReader<ChunkWork> reader = new EventReader<>(EventType.CHUNK_WORK, ChunkWork.class);
    private final String workerName;
    private final ChunkExecutor executor;
    private final TargetPassword targetPassword;
    private final MutinyEmitter<byte[]> completed;
    private final MutinyEmitter<byte[]> failed;
    private final ChunkMetrics metrics;

    ChunkWorker(@ConfigProperty(name = "seedfleet.worker.name") Optional<String> workerName, TargetPassword targetPassword,
                @Channel("chunk-completed") MutinyEmitter<byte[]> completed, @Channel("chunk-failed") MutinyEmitter<byte[]> failed,
                ChunkMetrics metrics) {
        this.workerName = workerName.orElseGet(WorkerName::ofThisProcess);
        this.metrics = metrics;
        this.executor = new ChunkExecutor(this.workerName);
        this.targetPassword = targetPassword;
        this.completed = completed;
        this.failed = failed;
    }

    /**
     * Chunks run concurrently on the "chunk-writers" pool (smallrye.messaging.worker.chunk-writers.max-concurrency,
     * 2 by default): each is one COPY stream, and a single stream leaves the target waiting on the worker
     * and the worker on the target. Concurrent chunks are always of one stage, as the coordinator
     * releases a stage only when the one before is done, and their offsets are committed in order
     * (the throttled commit strategy), so a crash still redelivers every unfinished one.
     */
    @Incoming("chunk-work")
    @Blocking(value = "chunk-writers", ordered = false)
    public CompletionStage<Void> onWork(Message<byte[]> message) {
        ChunkWork work;
        try {
            work = withPassword(IncomingEvents.read(reader, message));
        } catch (MalformedEventException e) {
            LOG.warnf("chunk-work event sent to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        try (RunLogContext ignored = RunLogContext.of(work.runId())) {
            return execute(work, message);
        }
    }

    private CompletionStage<Void> execute(ChunkWork work, Message<byte[]> message) {
        WorkMetrics.Unit unit = metrics.begin();
        ChunkCompleted done;
        try {
            done = executor.execute(work);
        } catch (SQLException | RuntimeException e) {
            unit.failed();
            String error = work.target().describe(e);
            LOG.warnf("chunk %s %s [%d, %d) of run %s failed: %s", work.table(), work.phase(), work.rowStart(), work.rowEnd(), work.runId(), error);
            failed.sendMessageAndAwait(OutgoingEvents.keyedByRun(work.runId(), new ChunkFailed(work.runId(), work.stage(), work.table(),
                    work.phase(), work.rowStart(), work.rowEnd(), error, workerName)));
            return message.ack();
        }
        unit.succeeded(work.table(), done.rows(), done.alreadyWritten());
        completed.sendMessageAndAwait(OutgoingEvents.keyedByRun(work.runId(), done));
        return message.ack();
    }

    private ChunkWork withPassword(ChunkWork w) {
        return w.withTarget(targetPassword.complete(w.target()));
    }
}
