package io.seedfleet.core.plan;

/** Something that prevents a dataset from being generated, found before anything is written. */
public record PlanProblem(String table, String subject, String message) {
    @Override
    public String toString() {
        return table + (subject == null ? "" : " (" + subject + ")") + ": " + message;
    }
}
