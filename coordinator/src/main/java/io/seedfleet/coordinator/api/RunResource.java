package io.seedfleet.coordinator.api;

import io.seedfleet.coordinator.run.RunService;
import io.seedfleet.coordinator.run.RunState;
import io.seedfleet.coordinator.store.RunStore;
import io.seedfleet.coordinator.store.StoredRun;
import io.seedfleet.core.event.GenerationRequested;
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
    private final RunStore store;

    RunResource(RunService runs, RunStore store) {
        this.runs = runs;
        this.store = store;
    }

    /** Answers 202 at once with the run id and seed; planning goes on in the background (follow it with GET). */
    @POST
    public Response submit(GenerationRequested request) {
        if (request == null) throw new BadRequestException("a generation request is required");
        StoredRun run = runs.accept(request);
        if (run.state() == RunState.PLANNING) runs.planLater(run.runId());
        return Response.accepted(new RunAccepted(run.runId(), run.seed()))
                .location(UriBuilder.fromResource(RunResource.class).path("{runId}").build(run.runId()))
                .build();
    }

    @GET
    @Path("{runId}")
    public RunStatus status(@PathParam("runId") String runId) {
        StoredRun run = store.find(runId).orElseThrow(() -> new NotFoundException("no run " + runId));
        return RunStatus.of(run, store.progress(runId));
    }
}
