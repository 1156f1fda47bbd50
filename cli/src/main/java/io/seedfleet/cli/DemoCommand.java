package io.seedfleet.cli;

import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationFailed;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.Target;
import io.seedfleet.core.event.ValidationCompleted;
import io.seedfleet.core.validate.ValidationReport;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The fleet end to end on a laptop: Kafka and PostgreSQL in this process, the services as separate
 * processes, the example SaaS schema seeded through Kafka and validated.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole fleet locally: seed an example SaaS schema (10,000 users across 500 organisations) through Kafka and validate it.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workers", description = "Generator worker processes (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int workers;

    @Option(names = "--users", description = "Users to generate (default: ${DEFAULT-VALUE})", defaultValue = "10000")
    long users;

    @Option(names = "--organizations", description = "Organisations to generate (default: ${DEFAULT-VALUE})", defaultValue = "500")
    long organizations;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--keep", description = "Keep the fleet and the database running after the run, until Ctrl-C")
    boolean keep;

    @Option(names = "--home", hidden = true, description = "The Seedfleet checkout (set by the ./seedfleet launcher)")
    Path home = Path.of(System.getProperty("seedfleet.home", "."));

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        LocalFleet fleet = LocalFleet.start(home.toAbsolutePath(), workers, out);
        Thread stopper = new Thread(fleet::close, "seedfleet-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (FleetClient client = new FleetClient(fleet.bootstrapServers())) {
            String targetUrl = fleet.postgres().createDatabase("demo");
            Target target = new Target(targetUrl, fleet.postgres().user(), fleet.postgres().password());
            ExampleSchema.create(target.jdbc());
            String runId = "demo-" + UUID.randomUUID();
            client.request(new GenerationRequested(runId, target, ExampleSchema.rows(organizations, users), 100L, 2.0, seed, 20_000, null, null));
            out.printf("Requested run %s (seed %d) on topic %s%n", runId, seed, EventType.GENERATION_REQUESTED.topic());

            Progress progress = new Progress(out);
            HttpClient http = HttpClient.newHttpClient();
            Runnable poll = () -> showProgress(http, fleet.coordinatorPort(), runId, progress);
            FleetClient.Received finished = client.await(runId, Duration.ofMinutes(15), poll,
                    EventType.GENERATION_COMPLETED, EventType.GENERATION_FAILED).orElseThrow(() -> new IllegalStateException("no completion within 15 minutes"));
            progress.done();
            if (finished.payload() instanceof GenerationFailed failed) {
                out.println("Generation failed: " + failed.reason());
                failed.problems().forEach(p -> out.println("  - " + p));
                return 1;
            }
            GenerationCompleted completed = (GenerationCompleted) finished.payload();
            Tables.print(out, completed.tables());
            out.printf("Generated %,d rows in %.1f s (%,.0f rows/s)%n", completed.totalRows(), completed.durationMs() / 1000.0,
                    completed.totalRows() * 1000.0 / Math.max(1, completed.durationMs()));

            ValidationCompleted validation = (ValidationCompleted) client.await(runId, Duration.ofMinutes(5), () -> {},
                    EventType.VALIDATION_COMPLETED).orElseThrow(() -> new IllegalStateException("no validation within 5 minutes")).payload();
            out.println(ValidationReport.summary(validation.checks()));
            out.printf("%s in %.1f s%n", validation.passed() ? "Validation PASSED" : "Validation FAILED", validation.durationMs() / 1000.0);
            out.printf("Wall time %.1f s%n", (System.nanoTime() - started) / 1e9);
            out.printf("Connect: psql -h localhost -p %d -U %s demo   (JDBC %s)%n", fleet.postgres().port(), fleet.postgres().user(), targetUrl);
            if (keep) {
                out.println("The fleet keeps running; press Ctrl-C to stop it.");
                out.flush();
                new CountDownLatch(1).await();
            } else {
                out.println("Stopping the fleet (use --keep to explore the database first).");
            }
            return validation.passed() ? 0 : 1;
        } finally {
            out.flush();
            if (!keep) {
                Runtime.getRuntime().removeShutdownHook(stopper);
                fleet.close();
            }
        }
    }

    private static void showProgress(HttpClient http, int port, String runId, Progress progress) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/runs/" + runId))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) return;
            Map<String, Object> run = FleetClient.json(r.body());
            if (run.get("rowsDone") instanceof Number done && run.get("rowsTotal") instanceof Number total && total.longValue() > 0) {
                progress.show(done.longValue(), total.longValue(), String.valueOf(run.get("state")));
            }
        } catch (Exception notYet) {
            // progress is best effort; the completion event is what counts
        }
    }
}
