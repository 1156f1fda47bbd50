package io.seedfleet.maskingworker;

import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.EventReader;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.MalformedEventException;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.masking.fleet.MaskingChunks;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.service.IncomingEvents;
import io.seedfleet.service.OutgoingEvents;
import io.seedfleet.service.TargetPassword;
import io.seedfleet.service.WorkerName;
import io.seedfleet.service.ops.RunLogContext;
import io.seedfleet.service.ops.WorkMetrics;
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
 * Copies the range each masking-work event describes, masked, and reports the outcome as generation
 * workers do (chunk-completed / chunk-failed, phase MASK). The offset is committed only after the
 * report is on Kafka, so a crash redelivers the work, and the ledger makes the rewrite a no-op that
 * still reports completion. A failing range is reported, not retried: the coordinator ends the run.
 * Only events that can never be processed go to the dead-letter topic. Each range is counted in
 * {@link MaskingMetrics} and logged with its run id in the logging context.
 *
 * <p>Shutdown (SIGTERM): the Kafka connector stops polling and waits for the range in hand; one cut off
 * by a kill was never committed (rows and ledger entry are one transaction), nor was its offset, so it
 * is redelivered and written whole.
 */
@ApplicationScoped
public class MaskingWorker {
    private static final Logger LOG = Logger.getLogger(MaskingWorker.class);

    private final EventReader<MaskingWork> reader = new EventReader<>(EventType.MASKING_WORK, MaskingWork.class);
    private final String workerName;
    private final MaskingChunks chunks;
    private final TargetPassword targetPassword;
    private final Optional<String> sourcePassword;
    private final MutinyEmitter<byte[]> completed;
    private final MutinyEmitter<byte[]> failed;
    private final MaskingMetrics metrics;

    MaskingWorker(@ConfigProperty(name = "seedfleet.worker.name") Optional<String> workerName,
                  @ConfigProperty(name = "seedfleet.masking.secret") Optional<String> secret,
                  @ConfigProperty(name = "seedfleet.source.password") Optional<String> sourcePassword,
                  TargetPassword targetPassword,
                  @Channel("chunk-completed") MutinyEmitter<byte[]> completed, @Channel("chunk-failed") MutinyEmitter<byte[]> failed,
                  MaskingMetrics metrics) {
        this.metrics = metrics;
        this.workerName = workerName.orElseGet(WorkerName::ofThisProcess);
        MaskingSecret key = secret.filter(s -> !s.isBlank()).map(MaskingSecret::of).orElse(null);
        if (key == null) LOG.warn("SEEDFLEET_MASKING_SECRET is not set: every masking chunk will fail until it is");
        this.chunks = key == null ? null : new MaskingChunks(this.workerName, key);
        this.sourcePassword = sourcePassword;
        this.targetPassword = targetPassword;
        this.completed = completed;
        this.failed = failed;
    }

    @Incoming("masking-work")
    @Blocking
    public CompletionStage<Void> onWork(Message<byte[]> message) {
        MaskingWork work;
        try {
            MaskingWork read = IncomingEvents.read(reader, message);
            work = read.withTargets(read.source().withPasswordIfAbsent(sourcePassword.orElse(null)), targetPassword.complete(read.target()));
        } catch (MalformedEventException e) {
            LOG.warnf("masking-work event sent to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        try (RunLogContext ignored = RunLogContext.of(work.runId())) {
            return execute(work, message);
        }
    }

    private CompletionStage<Void> execute(MaskingWork work, Message<byte[]> message) {
        WorkMetrics.Unit unit = metrics.begin();
        ChunkCompleted done;
        try {
            if (chunks == null) throw new IllegalStateException("this masking worker has no secret: set SEEDFLEET_MASKING_SECRET (at least 16 characters)");
            done = chunks.execute(work);
        } catch (SQLException | RuntimeException e) {
            unit.failed();
            String error = describe(work, e);
            LOG.warnf("masking chunk %d of %s, run %s, failed: %s", work.chunk(), work.table(), work.runId(), error);
            failed.sendMessageAndAwait(OutgoingEvents.keyedByRun(work.runId(), new ChunkFailed(work.runId(), work.stage(), work.table(),
                    MaskingWork.PHASE, work.chunk(), work.chunk() + 1L, error, workerName)));
            return message.ack();
        }
        unit.succeeded(work.table(), done.rows(), done.alreadyWritten());
        LOG.debugf("masking chunk %d of %s, run %s: %d rows%s", work.chunk(), work.table(), work.runId(), done.rows(),
                done.alreadyWritten() ? " (written before)" : "");
        completed.sendMessageAndAwait(OutgoingEvents.keyedByRun(work.runId(), done));
        return message.ack();
    }

    /**
     * The error as it may leave the process: URLs redacted, neither database's password, and only its
     * first line: PostgreSQL's Detail and Where lines can quote a row, and rows here are personal data.
     */
    static String describe(MaskingWork work, Throwable e) {
        String message = work.target().describe(e);
        String password = work.source().password();
        if (password != null && !password.isEmpty()) message = message.replace(password, "***");
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
