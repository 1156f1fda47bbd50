package io.seedfleet.coordinator.api;

/** The answer to a request: the run to follow and the seed that reproduces it. */
public record RunAccepted(String runId, long seed) {}
