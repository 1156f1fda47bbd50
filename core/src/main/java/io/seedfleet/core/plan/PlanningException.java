package io.seedfleet.core.plan;

import java.util.List;
import java.util.stream.Collectors;

/** The request cannot be satisfied; every problem is listed, per table and column or constraint. */
public class PlanningException extends RuntimeException {
    private final List<PlanProblem> problems;

    public PlanningException(List<PlanProblem> problems) {
        super("the dataset cannot be generated:\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PlanProblem> problems() {
        return problems;
    }
}
