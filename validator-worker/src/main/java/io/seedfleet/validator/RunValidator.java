package io.seedfleet.validator;

import io.seedfleet.core.event.DatasetSummary;
import io.seedfleet.core.event.EventReader;
import io.seedfleet.core.event.RunStatus;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.event.MalformedEventException;
import io.seedfleet.service.IncomingEvents;
import io.seedfleet.service.OutgoingEvents;
import io.seedfleet.service.TargetPassword;
import io.seedfleet.service.ops.RunLogContext;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.ValidationCompleted;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.run.RunRules;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.Sink;
import io.seedfleet.core.validate.DatabaseValidator;
import io.seedfleet.core.validate.ValidationReport;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Checks every finished run's target against the schema read from it (keys, foreign keys, NOT NULL)
 * and the row counts the run reported, and publishes the verdict. The offset is committed only after
 * the verdict is on Kafka; a redelivered event is simply checked again (reading never changes the target).
 */
@ApplicationScoped
public class RunValidator {
    private static final Logger LOG = Logger.getLogger(RunValidator.class);

    private final EventReader<GenerationCompleted> reader = new EventReader<>(EventType.GENERATION_COMPLETED, GenerationCompleted.class);
    private final TargetPassword targetPassword;
    private final MutinyEmitter<byte[]> verdicts;
    private final MutinyEmitter<byte[]> statuses;
    private final MutinyEmitter<byte[]> summaries;
    private final ValidationMetrics metrics;

    RunValidator(TargetPassword targetPassword, @Channel("validation-completed") MutinyEmitter<byte[]> verdicts,
                 @Channel("status") MutinyEmitter<byte[]> statuses, @Channel("architect-completed") MutinyEmitter<byte[]> summaries,
                 ValidationMetrics metrics) {
        this.metrics = metrics;
        this.targetPassword = targetPassword;
        this.verdicts = verdicts;
        this.statuses = statuses;
        this.summaries = summaries;
    }

    @Incoming("generation-completed")
    @Blocking
    public CompletionStage<Void> onGenerated(Message<byte[]> message) {
        GenerationCompleted run;
        try {
            run = IncomingEvents.read(reader, message);
        } catch (MalformedEventException e) {
            LOG.warnf("generation-completed event sent to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        try (RunLogContext ignored = RunLogContext.of(run.runId())) {
            return validateAndReport(run, message);
        }
    }

    private CompletionStage<Void> validateAndReport(GenerationCompleted run, Message<byte[]> message) {
        ValidationMetrics.Ending ending = metrics.begin();
        ValidationCompleted verdict;
        try {
            verdict = validate(run);
        } catch (SQLException | RuntimeException e) {
            ending.end("error");
            // No verdict is possible (target unreachable, say); the dead-letter topic keeps the event
            // and the reason, without the password, for a retry once the target is back.
            String reason = "could not validate run " + run.runId() + ": " + targetPassword.complete(run.target()).describe(e);
            LOG.warn(reason);
            return message.nack(new IllegalStateException(reason));
        }
        ending.end(verdict.passed() ? "passed" : "failed");
        verdicts.sendMessageAndAwait(OutgoingEvents.keyedByRun(run.runId(), verdict));
        statuses.sendMessageAndAwait(OutgoingEvents.keyedByRun(run.runId(), new RunStatus(run.runId(),
                verdict.passed() ? "VALIDATED" : "VALIDATION_FAILED", ValidationReport.summary(verdict.checks()), run.totalRows(), run.totalRows())));
        summaries.sendMessageAndAwait(OutgoingEvents.keyedByRun(run.runId(), summary(run, verdict)));
        return message.ack();
    }

    private ValidationCompleted validate(GenerationCompleted run) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = targetPassword.complete(run.target()).jdbc().open()) {
            SchemaModel schema = Introspection.read(c, IntrospectionOptions.all());
            List<CheckResult> checks = new ArrayList<>(DatabaseValidator.validate(c, schema, expectedRows(run)));
            // The run's definition, as its rules were recorded in the target's ledger, may add SQL assertions of its own.
            checks.addAll(RunRules.validate(c, Sink.of(c).recordedRules(c, run.runId())));
            boolean passed = ValidationReport.passed(checks);
            // The summary names checks and counts only, never key values: safe to log.
            LOG.infof("run %s %s: %s", run.runId(), passed ? "passed" : "FAILED", ValidationReport.summary(checks));
            return new ValidationCompleted(run.runId(), passed, checks, (System.nanoTime() - started) / 1_000_000, run.edgeCoverage());
        }
    }

    /** What consumers of test-data-architect:completed expect: records generated and schemas covered. */
    private static DatasetSummary summary(GenerationCompleted run, ValidationCompleted verdict) {
        List<String> schemas = run.tables().keySet().stream().map(t -> QualifiedName.parse(t).schema()).distinct().sorted().toList();
        return new DatasetSummary(run.runId(), run.totalRows(), run.tables().size(), schemas, verdict.passed());
    }

    private static Map<String, Long> expectedRows(GenerationCompleted run) {
        Map<String, Long> rows = new TreeMap<>();
        run.tables().forEach((table, total) -> rows.put(table, total.rows()));
        return rows;
    }
}
