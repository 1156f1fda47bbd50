package io.seedfleet.coordinator.api;

import io.seedfleet.coordinator.run.RunService;
import io.seedfleet.coordinator.run.RunState;
import io.seedfleet.coordinator.store.RunStore;
import io.seedfleet.coordinator.store.StoredRun;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.seedfleet.coordinator.masking.MaskingRunService;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationRequested;
import io.seedfleet.core.event.MaskingRequested;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** The REST face of the same request event: submit a run, follow it. */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {
    private final RunService runs;
    private final MaskingRunService masking;
    private final RunStore store;

    RunResource(RunService runs, MaskingRunService masking, RunStore store) {
        this.runs = runs;
        this.masking = masking;
        this.store = store;
    }

    /**
     * Answers 202 at once with the run id and seed; planning goes on in the background (follow it with
     * GET). The body is a generation request, or, when it has a {@code source}, a masking request: the
     * same JSON as the {@code test-data:generation-requested} and {@code test-data:masking-requested} events.
     */
    @POST
    public Response submit(JsonNode body) {
        if (body == null || !body.isObject()) throw new BadRequestException("a generation or masking request is required");
        StoredRun run;
        try {
            if (body.has("source")) {
                run = masking.accept(read(body, MaskingRequested.class));
                if (run.state() == RunState.PLANNING) masking.planLater(run.runId());
            } else {
                run = runs.accept(read(body, GenerationRequested.class));
                if (run.state() == RunState.PLANNING) runs.planLater(run.runId());
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return Response.accepted(new RunAccepted(run.runId(), run.seed()))
                .location(UriBuilder.fromResource(RunResource.class).path("{runId}").build(run.runId()))
                .build();
    }

    /** Read with the events' strict mapper: an unknown field is refused, as the event contract refuses it. */
    private static <T> T read(JsonNode body, Class<T> type) {
        try {
            return Events.JSON.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadRequestException("not a valid " + type.getSimpleName() + ": "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    @GET
    @Path("{runId}")
    public RunStatus status(@PathParam("runId") String runId) {
        StoredRun run = store.find(runId).orElseThrow(() -> new NotFoundException("no run " + runId));
        return RunStatus.of(run, store.progress(runId));
    }
}
