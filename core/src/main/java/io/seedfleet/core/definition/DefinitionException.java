package io.seedfleet.core.definition;

import io.seedfleet.core.schema.SourceException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition file that cannot be used: every problem found, each with its file, line and column
 * ({@code billing.yaml:14:7: spec.tables.users.fields.email: unknown key 'tempalte'; expected one of ...}).
 * {@link #line()}, {@link #column()} and {@link #construct()} describe the first.
 */
public class DefinitionException extends SourceException {
    private final List<DefinitionProblem> problems;

    public DefinitionException(List<DefinitionProblem> problems) {
        this(problems, null);
    }

    public DefinitionException(List<DefinitionProblem> problems, Throwable cause) {
        super(first(problems).source(), first(problems).line(), first(problems).path(), first(problems).message(), cause);
        this.problems = List.copyOf(problems);
    }

    public DefinitionException(DefinitionProblem problem) {
        this(List.of(problem));
    }

    private static DefinitionProblem first(List<DefinitionProblem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a definition exception needs a problem");
        return problems.get(0);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }

    public int column() {
        return problems.get(0).column();
    }

    /** Every problem, one a line, each as {@code file:line:column: path: problem}. */
    @Override
    public String getMessage() {
        return problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n"));
    }
}
