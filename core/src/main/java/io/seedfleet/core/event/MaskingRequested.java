package io.seedfleet.core.event;

import java.util.List;

/**
 * A request for a masked copy of {@code source} (a production database, only ever read) in the empty
 * database {@code target}. {@code rules} says how each column is masked, as the CLI's {@code --rules}
 * does: a data definition with {@code spec.masking}, as YAML/JSON text or a reference to it
 * ({@code file:} URI or {@code http(s)} URL); absent, the rules the PII scanner proposes. {@code subset}
 * holds starting points as the CLI's {@code --subset} takes them ({@code schema.table:10%} or
 * {@code schema.table:WHERE condition}); {@code strict} refuses a run where a column the scanner flags
 * has no rule. {@code chunkRows} (optional) sets how many rows a key range holds (the coordinator's
 * default otherwise). Passwords may be left out and given to the services through their environment.
 */
public record MaskingRequested(String runId, Target source, Target target, String rules, List<String> subset, Boolean strict,
                               Integer chunkRows) {

    public MaskingRequested(String runId, Target source, Target target, String rules, List<String> subset, Boolean strict) {
        this(runId, source, target, rules, subset, strict, null);
    }

    public List<String> subsets() {
        return subset == null ? List.of() : subset;
    }

    public boolean strictMode() {
        return Boolean.TRUE.equals(strict);
    }
}
